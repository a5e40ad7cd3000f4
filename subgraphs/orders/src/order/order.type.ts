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
registerEnumType(OrderStatus, { name: 'OrderStatus' });

@Directive('@key(fields: "id")')
@ObjectType({ description: "A merchant's order of an ISV's service for one of its mini programs." })
export class Order {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Human-readable, e.g. ORD-2026-000042.' })
  number!: string;

  @Field(() => ServiceRef)
  service!: ServiceRef;

  @Field(() => WorkspaceRef)
  merchant!: WorkspaceRef;

  @Field(() => WorkspaceRef)
  isv!: WorkspaceRef;

  @Field(() => MiniProgramRef)
  miniProgram!: MiniProgramRef;

  @Field(() => Money, { description: "The service's price when the order was placed." })
  price!: Money;

  @Field(() => String)
  requirements!: string;

  @Field(() => OrderStatus)
  status!: OrderStatus;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

@ObjectType({ description: "One status change of an order: its timeline, and what subscriptions deliver." })
export class OrderEvent {
  @Field(() => String, { description: 'Opaque, strictly increasing position in the event log; pass it as `after` to resume.' })
  cursor!: string;

  @Field(() => Order)
  order!: Order;

  @Field(() => OrderStatus, { nullable: true })
  from!: OrderStatus | null;

  @Field(() => OrderStatus)
  to!: OrderStatus;

  @Field(() => AccountRef, { nullable: true })
  actor!: AccountRef | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => DateTimeScalar)
  at!: Date;
}

export const { Edge: OrderEdge, Connection: OrderConnection } = connectionTypes(Order, 'Order', { totalCount: true });

@InputType()
export class PlaceOrderInput {
  @Field(() => ID)
  serviceId!: string;

  @Field(() => ID)
  miniProgramId!: string;

  @Field(() => String)
  requirements!: string;

  @Field(() => String, { description: 'Repeating a placeOrder with the same key returns the first order instead of a second one.' })
  idempotencyKey!: string;
}

@InputType()
export class OrderRefInput {
  @Field(() => ID)
  orderId!: string;
}

@InputType()
export class OrderReasonInput {
  @Field(() => ID)
  orderId!: string;

  @Field(() => String)
  reason!: string;
}

@ObjectType()
export class OrderPayload {
  @Field(() => Order, { nullable: true })
  order!: Order | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
