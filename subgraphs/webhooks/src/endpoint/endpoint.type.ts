import { connectionTypes, DateTimeScalar, UserError } from '@mpp/kit';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { WebhookTopic } from '../events/topics.js';
import { WorkspaceRef } from '../workspace/refs.js';

registerEnumType(WebhookTopic, {
  name: 'WebhookTopic',
  description: 'What a webhook endpoint subscribes to; an endpoint receives only events its workspace is a party to.',
  valuesConfig: {
    ORDER_PLACED: { description: '`order.placed`: an order of or for the workspace was placed.' },
    ORDER_STATUS_CHANGED: { description: '`order.status_changed`: every status change of such an order, its placement included.' },
    SERVICE_REVIEWED: { description: "`service.reviewed`: the platform approved or rejected one of the ISV's services." },
    VERSION_REVIEWED: { description: '`version.reviewed`: the platform approved or rejected a version of a mini program (its merchant and authorized ISV).' },
    VERIFICATION_DECIDED: { description: "`verification.decided`: the platform decided the workspace's identity verification." },
    MINI_PROGRAM_AUTHORIZATION_CHANGED: { description: "`mini_program.authorization_changed`: an order began or ended an ISV's authorization on a mini program." },
  },
});

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a delivery is: retried with backoff until the endpoint answers 2xx or the retry schedule (about 4 hours by default) runs out.',
  valuesConfig: {
    PENDING: { description: 'Not delivered yet: the next attempt is at `nextAttemptAt`.' },
    DELIVERED: { description: 'The endpoint answered 2xx.' },
    FAILED: { description: 'Every attempt of the retry schedule failed; `redeliverWebhook` tries again.' },
  },
});

@ObjectType({ description: 'One HTTP request of a delivery.' })
export class WebhookAttempt {
  @Field(() => DateTimeScalar, { description: 'When the request was sent.' })
  at!: Date;

  @Field(() => Int, { nullable: true, description: "The endpoint's HTTP status; null when it did not answer." })
  statusCode!: number | null;

  @Field(() => Int, { description: 'From sending to the answer (or the failure).' })
  durationMs!: number;

  @Field(() => String, { nullable: true, description: 'Why the attempt failed (a status, a timeout, a refused address…); null on success.' })
  error!: string | null;

  @Field(() => String, { nullable: true, description: "The endpoint's response body, cut at 64 KB." })
  responseBody!: string | null;
}

@ObjectType({ description: 'One event sent (or to be sent) to one endpoint, with its attempts.' })
export class WebhookDelivery {
  @Field(() => ID, { description: "The delivery's opaque id, for `redeliverWebhook`." })
  id!: string;

  @Field(() => String, { description: 'The `webhook-id` header: the same for every attempt, so a receiver can ignore a repeat.' })
  webhookId!: string;

  @Field(() => WebhookTopic, { nullable: true, description: 'Null for a test delivery (`sendTestWebhook`).' })
  topic!: WebhookTopic | null;

  @Field(() => String, { description: 'The body\'s `type`, e.g. `order.status_changed` or `webhook.test`.' })
  type!: string;

  @Field(() => WebhookDeliveryStatus, { description: 'Where the delivery is.' })
  status!: WebhookDeliveryStatus;

  @Field(() => DateTimeScalar, { description: 'When the event was queued for this endpoint.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the next attempt is due; null once DELIVERED or FAILED.' })
  nextAttemptAt!: Date | null;

  @Field(() => [WebhookAttempt], { description: 'Every attempt, oldest first.' })
  attempts!: WebhookAttempt[];

  @Field(() => String, { description: 'The exact JSON body sent (and signed).' })
  payload!: string;
}

export const { Edge: WebhookDeliveryEdge, Connection: WebhookDeliveryConnection } = connectionTypes(WebhookDelivery, 'WebhookDelivery', {
  totalCount: true,
});

@ObjectType({ description: "A partner's HTTPS URL that receives signed webhooks (Standard Webhooks) of one workspace's events." })
export class WebhookEndpoint {
  @Field(() => ID, { description: "The endpoint's opaque id." })
  id!: string;

  @Field(() => WorkspaceRef, { description: 'The workspace whose events it receives.' })
  workspace!: WorkspaceRef;

  @Field(() => String, { description: 'Where deliveries are POSTed.' })
  url!: string;

  @Field(() => String, { description: "The owner's note, e.g. what system receives it." })
  description!: string;

  @Field(() => [WebhookTopic], { description: 'The topics it receives.' })
  topics!: WebhookTopic[];

  @Field(() => Boolean, { description: 'False: nothing is sent (disabled by its owner, or by the platform after failing for 3 days).' })
  enabled!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the platform disabled it; null while enabled or when its owner disabled it.' })
  disabledReason!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was disabled.' })
  disabledAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'The oldest failed attempt since its last success; null while healthy.' })
  failingSince!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Until when the secret before the last rotation still signs deliveries too.' })
  previousSecretExpiresAt!: Date | null;

  @Field(() => DateTimeScalar, { description: 'When it was created.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When it last changed: an edit, a secret rotation, or the platform disabling it.' })
  updatedAt!: Date;
}

/** The rules of an endpoint's fields, said once for creating and changing one. */
const FIELD_RULES = {
  url:
    'An https:// URL of at most 2048 characters, without credentials, whose host resolves to public addresses only ' +
    '(checked again at each delivery), unless the platform allows private targets; INVALID otherwise.',
  topics: 'At least one topic (repeats dropped); INVALID when empty.',
  description: 'A note for its owner: up to 200 characters once trimmed; INVALID otherwise.',
} as const;

@InputType({ description: 'A new webhook endpoint of a workspace.' })
export class CreateWebhookEndpointInput {
  @Field(() => ID, {
    description: 'The workspace whose events it receives (you are its OWNER or MASTER); NOT_FOUND when there is none, QUOTA_EXCEEDED when it has 10 endpoints.',
  })
  workspaceId!: string;

  @Field(() => String, { description: FIELD_RULES.url })
  url!: string;

  @Field(() => [WebhookTopic], { description: FIELD_RULES.topics })
  topics!: WebhookTopic[];

  @Field(() => String, { nullable: true, description: `${FIELD_RULES.description} Null: empty.` })
  description?: string | null;
}

@InputType({ description: 'Changes to an endpoint; absent or null fields stay as they are.' })
export class UpdateWebhookEndpointInput {
  @Field(() => ID, { description: "The endpoint's id; NOT_FOUND unless the caller is its workspace's OWNER or MASTER." })
  endpointId!: string;

  @Field(() => String, { nullable: true, description: FIELD_RULES.url })
  url?: string | null;

  @Field(() => [WebhookTopic], { nullable: true, description: FIELD_RULES.topics })
  topics?: WebhookTopic[] | null;

  @Field(() => String, { nullable: true, description: FIELD_RULES.description })
  description?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'False pauses deliveries; true resumes them (also after the platform disabled it).' })
  enabled?: boolean | null;
}

@InputType({ description: 'Names one webhook endpoint.' })
export class WebhookEndpointRefInput {
  @Field(() => ID, { description: "The endpoint's id; NOT_FOUND unless the caller is its workspace's OWNER or MASTER." })
  endpointId!: string;
}

@InputType({ description: 'Names one delivery.' })
export class RedeliverWebhookInput {
  @Field(() => ID, { description: "The delivery's id; NOT_FOUND unless the caller is its endpoint's workspace's OWNER or MASTER." })
  deliveryId!: string;
}

@ObjectType({ description: 'An endpoint with its signing secret, shown only here.' })
export class WebhookEndpointSecretPayload {
  @Field(() => WebhookEndpoint, { nullable: true, description: 'The endpoint; null when userErrors is not empty.' })
  endpoint!: WebhookEndpoint | null;

  @Field(() => String, { nullable: true, description: 'The signing secret (`whsec_…`, a base64 key); it cannot be read again.' })
  secret!: string | null;

  @Field(() => [UserError], { description: 'Why nothing was changed; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The endpoint a mutation changed.' })
export class WebhookEndpointPayload {
  @Field(() => WebhookEndpoint, { nullable: true, description: 'The endpoint after the change (as it was, when deleted); null when userErrors is not empty.' })
  endpoint!: WebhookEndpoint | null;

  @Field(() => [UserError], { description: 'Why nothing was changed; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The delivery a mutation queued.' })
export class WebhookDeliveryPayload {
  @Field(() => WebhookDelivery, { nullable: true, description: 'The delivery, PENDING; null when userErrors is not empty.' })
  delivery!: WebhookDelivery | null;

  @Field(() => [UserError], { description: 'Why nothing was queued; empty on success.' })
  userErrors!: UserError[];
}
