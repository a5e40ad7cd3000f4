import {
  AccountsEvent,
  AUTHORIZING_ORDER_STATUSES,
  encodeCursor,
  MiniProgramEvent,
  OrderEventType,
  ServiceEvent,
  type LoggedEvent,
  type OrderStatusChangedPayload,
  type ServiceSnapshot,
  type VerificationPayload,
} from '@mpp/kit';

/** What an endpoint subscribes to; each topic is one `type` of the JSON body. */
export enum WebhookTopic {
  ORDER_PLACED = 'ORDER_PLACED',
  ORDER_STATUS_CHANGED = 'ORDER_STATUS_CHANGED',
  SERVICE_REVIEWED = 'SERVICE_REVIEWED',
  VERSION_REVIEWED = 'VERSION_REVIEWED',
  VERIFICATION_DECIDED = 'VERIFICATION_DECIDED',
  MINI_PROGRAM_AUTHORIZATION_CHANGED = 'MINI_PROGRAM_AUTHORIZATION_CHANGED',
}

/** The body's `type` of each topic (Standard Webhooks: dot-separated, lower case). */
export const TOPIC_TYPES: Record<WebhookTopic, string> = {
  ORDER_PLACED: 'order.placed',
  ORDER_STATUS_CHANGED: 'order.status_changed',
  SERVICE_REVIEWED: 'service.reviewed',
  VERSION_REVIEWED: 'version.reviewed',
  VERIFICATION_DECIDED: 'verification.decided',
  MINI_PROGRAM_AUTHORIZATION_CHANGED: 'mini_program.authorization_changed',
};

export const TEST_TYPE = 'webhook.test';

/** The event logs webhooks are made of, by Postgres schema of their subgraph. */
export type SourceSchema = 'accounts' | 'market' | 'mini_programs' | 'orders';

/** One webhook an event gives: its topic, the workspaces it concerns, its `data`. */
export interface WebhookMessage {
  topic: WebhookTopic;
  parties: string[];
  data: Record<string, unknown>;
}

/** What the mapping needs to know beyond the event: the ISV an order authorizes on a mini program. */
export interface PartyLookup {
  authorizedIsv(miniProgramId: string): Promise<string | null>;
}

const isAuthorizing = (status: string | null) => status !== null && AUTHORIZING_ORDER_STATUSES.includes(status);

/** The order event's fields as the `orderStatusChanged` subscription offers them. */
function orderData(event: LoggedEvent, p: OrderStatusChangedPayload): Record<string, unknown> {
  return {
    cursor: encodeCursor(['order-event', event.position]),
    order: {
      id: p.orderId,
      serviceId: p.serviceId,
      miniProgramId: p.miniProgramId,
      merchantWorkspaceId: p.merchantWorkspaceId,
      isvWorkspaceId: p.isvWorkspaceId,
      status: p.to,
    },
    from: p.from,
    to: p.to,
    actorId: event.actorId,
    reason: p.reason,
    at: event.occurredAt.toISOString(),
  };
}

/**
 * The webhooks an event of a subgraph's log gives (none for most events). Each goes only to the
 * workspaces that are a party to its subject.
 */
export async function messagesOf(source: SourceSchema, event: LoggedEvent, lookup: PartyLookup): Promise<WebhookMessage[]> {
  const at = event.occurredAt.toISOString();
  switch (source) {
    case 'orders': {
      if (event.type !== OrderEventType.StatusChanged) return [];
      const p = event.payload as unknown as OrderStatusChangedPayload;
      const parties = [p.merchantWorkspaceId, p.isvWorkspaceId];
      const data = orderData(event, p);
      const messages: WebhookMessage[] = [{ topic: WebhookTopic.ORDER_STATUS_CHANGED, parties, data }];
      if (p.from === null) messages.unshift({ topic: WebhookTopic.ORDER_PLACED, parties, data });
      if (isAuthorizing(p.from) !== isAuthorizing(p.to)) {
        messages.push({
          topic: WebhookTopic.MINI_PROGRAM_AUTHORIZATION_CHANGED,
          parties,
          data: {
            miniProgramId: p.miniProgramId,
            merchantWorkspaceId: p.merchantWorkspaceId,
            isvWorkspaceId: p.isvWorkspaceId,
            orderId: p.orderId,
            authorized: isAuthorizing(p.to),
            orderStatus: p.to,
            at,
          },
        });
      }
      return messages;
    }
    case 'market': {
      if (event.type !== ServiceEvent.Approved && event.type !== ServiceEvent.Rejected) return [];
      const s = event.payload as unknown as ServiceSnapshot & { reason?: string | null };
      return [
        {
          topic: WebhookTopic.SERVICE_REVIEWED,
          parties: [s.isvWorkspaceId],
          data: {
            service: { id: s.serviceId, name: s.name, status: s.status, isvWorkspaceId: s.isvWorkspaceId },
            approved: event.type === ServiceEvent.Approved,
            reason: s.reason ?? null,
            at,
          },
        },
      ];
    }
    case 'mini_programs': {
      if (event.type !== MiniProgramEvent.VersionChanged) return [];
      const v = event.payload as {
        miniProgramId: string;
        merchantWorkspaceId: string;
        name: string;
        versionId: string;
        version: string;
        from: string | null;
        to: string;
        reason?: string | null;
        /** Since events name it; older ones are looked up in this subgraph's copy of Orders' authorizations. */
        authorizedIsvWorkspaceId?: string | null;
      };
      if (v.from !== 'UNDER_REVIEW' || (v.to !== 'APPROVED' && v.to !== 'REJECTED')) return [];
      const isv = v.authorizedIsvWorkspaceId !== undefined ? v.authorizedIsvWorkspaceId : await lookup.authorizedIsv(v.miniProgramId);
      return [
        {
          topic: WebhookTopic.VERSION_REVIEWED,
          parties: isv ? [v.merchantWorkspaceId, isv] : [v.merchantWorkspaceId],
          data: {
            version: { id: v.versionId, version: v.version, status: v.to },
            miniProgram: { id: v.miniProgramId, name: v.name, merchantWorkspaceId: v.merchantWorkspaceId },
            approved: v.to === 'APPROVED',
            reason: v.reason ?? null,
            at,
          },
        },
      ];
    }
    case 'accounts': {
      if (event.type !== AccountsEvent.VerificationApproved && event.type !== AccountsEvent.VerificationRejected) return [];
      const d = event.payload as unknown as VerificationPayload;
      return [
        {
          topic: WebhookTopic.VERIFICATION_DECIDED,
          parties: [d.workspaceId],
          data: { workspaceId: d.workspaceId, status: d.status, approved: event.type === AccountsEvent.VerificationApproved, reason: d.reason ?? null, at },
        },
      ];
    }
  }
}

/** The JSON body of a delivery, exactly as it is sent and signed. */
export function webhookBody(type: string, timestamp: Date, data: Record<string, unknown>): string {
  return JSON.stringify({ type, timestamp: timestamp.toISOString(), data });
}
