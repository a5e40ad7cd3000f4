import { connectionTypes, DateTimeScalar, Money, UserError } from '@mpp/kit';
import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { AccountRef, MiniProgramRef, ServiceRef, WorkspaceRef } from '../workspace/refs.js';

export enum OrderStatus {
  NEW = 'NEW',
  PENDING_CONFIRMATION = 'PENDING_CONFIRMATION',
  IN_DEVELOPMENT = 'IN_DEVELOPMENT',
  CLOSURE_REQUESTED = 'CLOSURE_REQUESTED',
  CLOSED = 'CLOSED',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  description: 'Where an order stands; each mutation moves it along one step, and any other step is INVALID_STATE.',
  valuesConfig: {
    NEW: { description: 'Placed by the merchant; the ISV accepts or rejects it, the merchant may cancel it.' },
    PENDING_CONFIRMATION: { description: 'Accepted by the ISV; the merchant confirms or cancels it.' },
    IN_DEVELOPMENT: {
      description:
        'Confirmed: the ISV is authorized on the mini program (a mini program has at most one order IN_DEVELOPMENT or ' +
        'CLOSURE_REQUESTED). The ISV requests closure or abandons it.',
    },
    CLOSURE_REQUESTED: { description: 'The ISV asked to close it; still authorized until the merchant approves (CLOSED) or rejects the closure.' },
    CLOSED: { description: "Closure approved: the ISV's authorization ended. Final." },
    REJECTED: { description: 'Rejected by the ISV, with a reason. Final.' },
    CANCELLED: { description: 'Cancelled by the merchant before development, or abandoned by the ISV during it (the authorization ended). Final.' },
  },
});

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "A merchant's order of an ISV's service for one of its mini programs; while IN_DEVELOPMENT or CLOSURE_REQUESTED it authorizes " +
    'the ISV on that mini program. Seen by the members of both workspaces and the platform.',
})
export class Order {
  @Field(() => ID, { description: 'Opaque identifier.' })
  id!: string;

  @Field(() => String, { description: 'Human-readable and unique, `ORD-<year placed>-<sequence>`, e.g. ORD-2026-000042.' })
  number!: string;

  @Field(() => ServiceRef, { description: 'The ordered service.' })
  service!: ServiceRef;

  @Field(() => WorkspaceRef, { description: 'The MERCHANT workspace that placed it.' })
  merchant!: WorkspaceRef;

  @Field(() => WorkspaceRef, { description: 'The ISV workspace that sells the service.' })
  isv!: WorkspaceRef;

  @Field(() => MiniProgramRef, {
    description:
      "The merchant's mini program the work is for. The ISV's members see all of it while their ISV is authorized on it, " +
      'otherwise its public profile (other fields FORBIDDEN).',
  })
  miniProgram!: MiniProgramRef;

  @Field(() => Money, { description: "The service's price when the order was placed; later price changes do not touch it." })
  price!: Money;

  @Field(() => String, { description: 'What the merchant asks the ISV for, 1 to 5,000 characters.' })
  requirements!: string;

  @Field(() => OrderStatus, { description: 'Where the order stands.' })
  status!: OrderStatus;

  @Field(() => DateTimeScalar, { description: 'When it was placed.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When its status last changed (its placement at first).' })
  updatedAt!: Date;
}

@ObjectType({ description: "One status change of an order: its timeline, and what subscriptions deliver." })
export class OrderEvent {
  @Field(() => String, {
    description: 'Opaque, strictly increasing position in the event log; pass it as `after` to resume a subscription.',
  })
  cursor!: string;

  @Field(() => Order, { description: 'The order that changed.' })
  order!: Order;

  @Field(() => OrderStatus, { nullable: true, description: 'The status before; null for the placement.' })
  from!: OrderStatus | null;

  @Field(() => OrderStatus, { description: 'The status after.' })
  to!: OrderStatus;

  @Field(() => AccountRef, { nullable: true, description: 'The account that made the change; null if none did.' })
  actor!: AccountRef | null;

  @Field(() => String, {
    nullable: true,
    description: 'The reason given with a rejection, a cancellation or a refused closure; null otherwise.',
  })
  reason!: string | null;

  @Field(() => DateTimeScalar, { description: 'When it happened.' })
  at!: Date;
}

export const { Edge: OrderEdge, Connection: OrderConnection } = connectionTypes(Order, 'Order', { totalCount: true });

@InputType({
  description:
    "An order of one ONLINE service for one of the merchant's mini programs; each broken rule is an INVALID userError on " +
    'its field.',
})
export class PlaceOrderInput {
  @Field(() => ID, {
    description: 'An ONLINE service of the market; NOT_FOUND if unknown or never online, INVALID_STATE once it left the market (ARCHIVED).',
  })
  serviceId!: string;

  @Field(() => ID, {
    description:
      "One of the merchant's ACTIVE mini programs; the caller must be OWNER or MASTER of its merchant workspace (else " +
      'FORBIDDEN), which must be VERIFIED (NOT_VERIFIED). NOT_FOUND if unknown or not visible to the caller, INVALID_STATE ' +
      'once REMOVED.',
  })
  miniProgramId!: string;

  @Field(() => String, { description: 'What the merchant asks the ISV for, 1 to 5,000 characters (trimmed).' })
  requirements!: string;

  @Field(() => String, {
    description:
      '1 to 200 characters chosen by the client (trimmed). Repeating placeOrder with a key the same account used before returns ' +
      'the first order instead of placing a second one, whatever else the repeat says.',
  })
  idempotencyKey!: string;
}

@InputType({ description: 'Names one order.' })
export class OrderRefInput {
  @Field(() => ID, {
    description: 'The order; NOT_FOUND unless the caller is a member of its merchant or ISV workspace, or of the platform.',
  })
  orderId!: string;
}

@InputType({ description: 'Names one order, with the reason for the step.' })
export class OrderReasonInput {
  @Field(() => ID, {
    description: 'The order; NOT_FOUND unless the caller is a member of its merchant or ISV workspace, or of the platform.',
  })
  orderId!: string;

  @Field(() => String, { description: 'Why, 1 to 1,000 characters (trimmed); kept on the event as `reason`.' })
  reason!: string;
}

@ObjectType({ description: 'The result of an order mutation.' })
export class OrderPayload {
  @Field(() => Order, { nullable: true, description: 'The order after the step; null when `userErrors` says why nothing changed.' })
  order!: Order | null;

  @Field(() => [UserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: UserError[];
}
