import { idAfter, isId, mutationPayload, PAGE_ARGUMENT_DESCRIPTIONS, pageRequest, withUserErrors } from '@mpp/kit';
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
  @Query(() => WebhookEndpoint, {
    nullable: true,
    description: "Signed-in callers: a webhook endpoint, for its workspace's OWNER and MASTER members; null for others and for an unknown id.",
  })
  async webhookEndpoint(@Arg('id', () => ID, { description: "The endpoint's id." }) id: string, @Ctx() ctx: WebhooksContext): Promise<EndpointRow | null> {
    ctx.access.requireViewer();
    const endpoint = isId(id) ? await ctx.loaders.endpoint.load(id) : null;
    return endpoint && (await canManage(ctx.access, endpoint.workspaceId)) ? endpoint : null;
  }

  @FieldResolver(() => WorkspaceRef)
  workspace(@Root() endpoint: EndpointRow): WorkspaceRef {
    return { id: endpoint.workspaceId };
  }

  @FieldResolver(() => WebhookDeliveryConnection, { description: 'Its deliveries, newest first (its delivery log).' })
  deliveries(
    @Root() endpoint: EndpointRow,
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARGUMENT_DESCRIPTIONS.first }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: PAGE_ARGUMENT_DESCRIPTIONS.after }) after: string | null,
    @Arg('status', () => WebhookDeliveryStatus, { nullable: true, description: 'Only deliveries in this status; null: all of them.' })
    status: WebhookDeliveryStatus | null,
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
    description:
      'OWNER or MASTER of the workspace (FORBIDDEN otherwise): a new endpoint; its signing secret is in the payload, shown only this once. ' +
      'userErrors: NOT_FOUND (workspaceId), QUOTA_EXCEEDED (10 endpoints per workspace), INVALID (url, topics, description).',
  })
  createWebhookEndpoint(
    @Arg('input', () => CreateWebhookEndpointInput, { description: 'The workspace, the URL, the topics and an optional note.' }) input: CreateWebhookEndpointInput,
    @Ctx() ctx: WebhooksContext,
  ) {
    return withUserErrors(() => createEndpoint(ctx, input), { endpoint: null, secret: null });
  }

  @Mutation(() => WebhookEndpointPayload, {
    description:
      "Its workspace's OWNER or MASTER: changes the URL, topics or description, or pauses and resumes deliveries. " +
      'userErrors: NOT_FOUND (endpointId), INVALID (url, topics, description).',
  })
  updateWebhookEndpoint(
    @Arg('input', () => UpdateWebhookEndpointInput, { description: 'The endpoint and what to change.' }) input: UpdateWebhookEndpointInput,
    @Ctx() ctx: WebhooksContext,
  ) {
    return mutationPayload('endpoint', () => updateEndpoint(ctx, input));
  }

  @Mutation(() => WebhookEndpointPayload, {
    description: "Its workspace's OWNER or MASTER: deletes the endpoint and its delivery log; answers the endpoint as it was. userErrors: NOT_FOUND (endpointId).",
  })
  deleteWebhookEndpoint(
    @Arg('input', () => WebhookEndpointRefInput, { description: 'The endpoint to delete.' }) input: WebhookEndpointRefInput,
    @Ctx() ctx: WebhooksContext,
  ) {
    return mutationPayload('endpoint', () => deleteEndpoint(ctx, input.endpointId));
  }

  @Mutation(() => WebhookEndpointSecretPayload, {
    description:
      "Its workspace's OWNER or MASTER: a new signing secret, shown only this once; for 24 hours deliveries carry a signature with the old secret too. " +
      'userErrors: NOT_FOUND (endpointId).',
  })
  rotateWebhookSecret(
    @Arg('input', () => WebhookEndpointRefInput, { description: 'The endpoint whose secret is replaced.' }) input: WebhookEndpointRefInput,
    @Ctx() ctx: WebhooksContext,
  ) {
    return withUserErrors(() => rotateSecret(ctx, input.endpointId), { endpoint: null, secret: null });
  }

  @Mutation(() => WebhookDeliveryPayload, {
    description:
      "Its workspace's OWNER or MASTER: queues a `webhook.test` delivery to the endpoint. userErrors: NOT_FOUND (endpointId), INVALID_STATE (the endpoint is disabled).",
  })
  sendTestWebhook(
    @Arg('input', () => WebhookEndpointRefInput, { description: 'The endpoint to test.' }) input: WebhookEndpointRefInput,
    @Ctx() ctx: WebhooksContext,
  ) {
    return mutationPayload('delivery', () => sendTest(ctx, input.endpointId));
  }

  @Mutation(() => WebhookDeliveryPayload, {
    description:
      "Its endpoint's workspace's OWNER or MASTER: sends a DELIVERED or FAILED delivery again (same `webhook-id` and body) with a fresh retry schedule. " +
      'userErrors: NOT_FOUND (deliveryId), INVALID_STATE (still PENDING, or the endpoint is disabled).',
  })
  redeliverWebhook(
    @Arg('input', () => RedeliverWebhookInput, { description: 'The delivery to send again.' }) input: RedeliverWebhookInput,
    @Ctx() ctx: WebhooksContext,
  ) {
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

