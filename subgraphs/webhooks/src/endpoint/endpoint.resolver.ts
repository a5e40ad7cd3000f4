import { idAfter, isId, mutationPayload, pageRequest, withUserErrors } from '@mpp/kit';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { WebhooksContext } from '../context.js';
import type { AttemptRow, DeliveryRow, DeliveryStatusValue, EndpointRow } from '../db/schema.js';
import { messageId } from '../delivery/worker.js';
import { WorkspaceRef } from '../workspace/refs.js';
import { canManage, createEndpoint, deleteEndpoint, redeliver, rotateSecret, sendTest, updateEndpoint } from './endpoint.service.js';
import {
  CreateWebhookEndpointInput,
  RedeliverWebhookInput,
  UpdateWebhookEndpointInput,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryConnection,
  WebhookDeliveryPayload,
  WebhookDeliveryStatus,
  WebhookEndpoint,
  WebhookEndpointPayload,
  WebhookEndpointRefInput,
  WebhookEndpointSecretPayload,
} from './endpoint.type.js';

@Resolver(() => WebhookEndpoint)
export class WebhookEndpointResolver {
  @Query(() => WebhookEndpoint, { nullable: true, description: "A webhook endpoint, for its workspace's OWNER and MASTER members." })
  async webhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: WebhooksContext): Promise<EndpointRow | null> {
    ctx.access.requireViewer();
    const endpoint = isId(id) ? await ctx.loaders.endpoint.load(id) : null;
    return endpoint && (await canManage(ctx.access, endpoint.workspaceId)) ? endpoint : null;
  }

  @FieldResolver(() => WorkspaceRef)
  workspace(@Root() endpoint: EndpointRow): WorkspaceRef {
    return { id: endpoint.workspaceId };
  }

  @FieldResolver(() => WebhookDeliveryConnection, { description: 'Its deliveries, newest first.' })
  deliveries(
    @Root() endpoint: EndpointRow,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('status', () => WebhookDeliveryStatus, { nullable: true }) status: WebhookDeliveryStatus | null,
    @Ctx() ctx: WebhooksContext,
  ) {
    const page = pageRequest({ first, after });
    return ctx.loaders.deliveriesByEndpoint.load({
      parentId: endpoint.id,
      filter: { status: (status as DeliveryStatusValue | null) ?? null },
      page,
      afterId: idAfter(page.after),
    });
  }

  @Mutation(() => WebhookEndpointSecretPayload, {
    description: 'OWNER or MASTER of the workspace: a new endpoint; its signing secret is in the payload, shown only this once.',
  })
  createWebhookEndpoint(@Arg('input', () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput, @Ctx() ctx: WebhooksContext) {
    return withUserErrors(() => createEndpoint(ctx, input), { endpoint: null, secret: null });
  }

  @Mutation(() => WebhookEndpointPayload, { description: 'Changes the URL, topics or description, or pauses and resumes deliveries.' })
  updateWebhookEndpoint(@Arg('input', () => UpdateWebhookEndpointInput) input: UpdateWebhookEndpointInput, @Ctx() ctx: WebhooksContext) {
    return mutationPayload('endpoint', () => updateEndpoint(ctx, input));
  }

  @Mutation(() => WebhookEndpointPayload, { description: 'Deletes the endpoint and its delivery log; answers the endpoint as it was.' })
  deleteWebhookEndpoint(@Arg('input', () => WebhookEndpointRefInput) input: WebhookEndpointRefInput, @Ctx() ctx: WebhooksContext) {
    return mutationPayload('endpoint', () => deleteEndpoint(ctx, input.endpointId));
  }

  @Mutation(() => WebhookEndpointSecretPayload, {
    description: 'A new signing secret, shown only this once; for 24 hours deliveries carry a signature with the old secret too.',
  })
  rotateWebhookSecret(@Arg('input', () => WebhookEndpointRefInput) input: WebhookEndpointRefInput, @Ctx() ctx: WebhooksContext) {
    return withUserErrors(() => rotateSecret(ctx, input.endpointId), { endpoint: null, secret: null });
  }

  @Mutation(() => WebhookDeliveryPayload, { description: 'Queues a `webhook.test` delivery to the endpoint.' })
  sendTestWebhook(@Arg('input', () => WebhookEndpointRefInput) input: WebhookEndpointRefInput, @Ctx() ctx: WebhooksContext) {
    return mutationPayload('delivery', () => sendTest(ctx, input.endpointId));
  }

  @Mutation(() => WebhookDeliveryPayload, {
    description: 'Sends a DELIVERED or FAILED delivery again (same `webhook-id` and body) with a fresh retry schedule.',
  })
  redeliverWebhook(@Arg('input', () => RedeliverWebhookInput) input: RedeliverWebhookInput, @Ctx() ctx: WebhooksContext) {
    return mutationPayload('delivery', () => redeliver(ctx, input.deliveryId));
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => String)
  webhookId(@Root() delivery: DeliveryRow): string {
    return messageId(delivery.id);
  }

  @FieldResolver(() => String)
  payload(@Root() delivery: DeliveryRow): string {
    return delivery.body;
  }

  @FieldResolver(() => [WebhookAttempt])
  attempts(@Root() delivery: DeliveryRow, @Ctx() ctx: WebhooksContext): Promise<AttemptRow[]> {
    return ctx.loaders.attemptsByDelivery.load(delivery.id);
  }
}

@Resolver(() => WorkspaceRef)
export class WorkspaceWebhooksResolver {
  @FieldResolver(() => [WebhookEndpoint], { description: "The workspace's webhook endpoints, oldest first; for its OWNER and MASTER members (empty for others)." })
  async webhookEndpoints(@Root() workspace: WorkspaceRef, @Ctx() ctx: WebhooksContext): Promise<EndpointRow[]> {
    ctx.access.requireViewer();
    if (!(await canManage(ctx.access, workspace.id))) return [];
    return ctx.loaders.endpointsByWorkspace.load(workspace.id);
  }
}

export const resolveWorkspaceReference = (reference: { id: string }): WorkspaceRef => ({ id: reference.id });

