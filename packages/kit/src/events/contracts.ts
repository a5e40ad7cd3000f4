/**
 * The events subgraphs publish for each other: names and payloads are a contract between them,
 * so they live here, beside Accounts' (`access/model.ts`).
 */

/** ServiceMarket: every event carries the service's snapshot. */
export const ServiceEvent = {
  Created: 'service.created',
  Updated: 'service.updated',
  Submitted: 'service.submitted',
  Withdrawn: 'service.withdrawn',
  Approved: 'service.approved',
  Rejected: 'service.rejected',
  Archived: 'service.archived',
} as const;
export type ServiceEventType = (typeof ServiceEvent)[keyof typeof ServiceEvent];

export interface ServiceSnapshot {
  serviceId: string;
  isvWorkspaceId: string;
  name: string;
  status: string;
  price: { amount: number; currency: string };
}

/** MiniPrograms: mini program events carry its snapshot. */
export const MiniProgramEvent = {
  Created: 'mini_program.created',
  Updated: 'mini_program.updated',
  Removed: 'mini_program.removed',
  MemberAdded: 'mini_program.member_added',
  MemberRemoved: 'mini_program.member_removed',
  DomainsSet: 'mini_program.domains_set',
  VersionChanged: 'mini_program.version_changed',
} as const;
export type MiniProgramEventType = (typeof MiniProgramEvent)[keyof typeof MiniProgramEvent];

export interface MiniProgramSnapshot {
  miniProgramId: string;
  merchantWorkspaceId: string;
  name: string;
  status: string;
}

/** Orders: one event per status change of an order, its placement included (`from: null`). */
export const OrderEventType = {
  StatusChanged: 'order.status_changed',
} as const;

export interface OrderStatusChangedPayload {
  orderId: string;
  serviceId: string;
  miniProgramId: string;
  merchantWorkspaceId: string;
  isvWorkspaceId: string;
  from: string | null;
  to: string;
  reason: string | null;
}

/** Order statuses in which the order's ISV is authorized on the mini program. */
export const AUTHORIZING_ORDER_STATUSES: readonly string[] = ['IN_DEVELOPMENT', 'CLOSURE_REQUESTED'];
