import { fail, InputChecks, isId, newId, UserErrorCode, WorkspaceRole, type Access } from '@mpp/kit';
import { count, eq, sql } from 'drizzle-orm';
import type { WebhooksContext } from '../context.js';
import { deliveries, endpoints, type DeliveryRow, type EndpointRow } from '../db/schema.js';
import { DELIVERIES_CHANNEL } from '../events/fan-out.js';
import { TEST_TYPE, webhookBody, type WebhookTopic } from '../events/topics.js';
import { descriptionProblem, ENDPOINTS_PER_WORKSPACE, newSecret, PREVIOUS_SECRET_GRACE_MS, urlProblem } from './endpoint.rules.js';

const MANAGERS = [WorkspaceRole.OWNER, WorkspaceRole.MASTER] as const;

/** OWNER or MASTER of the workspace: may see and change its endpoints. */
export async function canManage(access: Access, workspaceId: string): Promise<boolean> {
  const role = (await access.membership(workspaceId))?.role;
  return role === WorkspaceRole.OWNER || role === WorkspaceRole.MASTER;
}

/** The endpoint, if the viewer manages its workspace; NOT_FOUND otherwise (others may not know it exists). */
async function managedEndpoint(ctx: WebhooksContext, endpointId: string, field = 'endpointId'): Promise<EndpointRow> {
  ctx.access.requireViewer();
  const endpoint = isId(endpointId) ? await ctx.loaders.endpoint.load(endpointId) : null;
  if (endpoint) {
    await ctx.access.refresh();
    if (await canManage(ctx.access, endpoint.workspaceId)) return endpoint;
  }
  fail(UserErrorCode.NOT_FOUND, 'No such webhook endpoint.', field);
}

async function checkFields(ctx: WebhooksContext, input: { url?: string | null; topics?: WebhookTopic[] | null; description?: string | null }) {
  const checks = new InputChecks();
  if (input.url != null) {
    const problem = await urlProblem(input.url.trim(), ctx.deps.allowPrivateUrls);
    checks.check(problem === null, 'url', problem ?? '');
  }
  if (input.topics != null) checks.check(input.topics.length > 0, 'topics', 'Choose at least one topic.');
  if (input.description != null) {
    const problem = descriptionProblem(input.description.trim());
    checks.check(problem === null, 'description', problem ?? '');
  }
  checks.done();
}

export async function createEndpoint(
  ctx: WebhooksContext,
  input: { workspaceId: string; url: string; topics: WebhookTopic[]; description?: string | null },
): Promise<{ endpoint: EndpointRow; secret: string }> {
  const viewer = ctx.access.requireViewer();
  if (!(await ctx.access.findWorkspace(input.workspaceId))) fail(UserErrorCode.NOT_FOUND, 'No such workspace.', 'workspaceId');
  await ctx.access.requireRole(input.workspaceId, MANAGERS, { party: 'workspace', action: 'add webhook endpoints' });
  await checkFields(ctx, input);
  const secret = newSecret();
  const endpoint = await ctx.deps.db.transaction(async (tx) => {
    // One creation at a time per workspace, so the quota holds under concurrent requests.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`webhook_endpoints:${input.workspaceId}`}))`);
    const [existing] = await tx.select({ n: count() }).from(endpoints).where(eq(endpoints.workspaceId, input.workspaceId));
    if ((existing?.n ?? 0) >= ENDPOINTS_PER_WORKSPACE) {
      fail(UserErrorCode.QUOTA_EXCEEDED, `A workspace has at most ${ENDPOINTS_PER_WORKSPACE} webhook endpoints.`, 'workspaceId');
    }
    const [created] = await tx
      .insert(endpoints)
      .values({
        id: newId(),
        workspaceId: input.workspaceId,
        url: input.url.trim(),
        description: input.description?.trim() ?? '',
        topics: [...new Set(input.topics)],
        secret,
        createdBy: viewer.accountId,
      })
      .returning();
    return created!;
  });
  return { endpoint, secret };
}

export async function updateEndpoint(
  ctx: WebhooksContext,
  input: { endpointId: string; url?: string | null; topics?: WebhookTopic[] | null; description?: string | null; enabled?: boolean | null },
): Promise<EndpointRow> {
  const endpoint = await managedEndpoint(ctx, input.endpointId);
  await checkFields(ctx, input);
  const resumed = input.enabled === true && !endpoint.enabled;
  const [updated] = await ctx.deps.db
    .update(endpoints)
    .set({
      ...(input.url != null ? { url: input.url.trim() } : {}),
      ...(input.topics != null ? { topics: [...new Set(input.topics)] } : {}),
      ...(input.description != null ? { description: input.description.trim() } : {}),
      ...(input.enabled != null ? { enabled: input.enabled } : {}),
      ...(input.enabled === false ? { disabledAt: sql`now()`, disabledReason: null } : {}),
      // Enabled again: a fresh start, its pending deliveries go out now.
      ...(resumed ? { disabledAt: null, disabledReason: null, failingSince: null } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(endpoints.id, endpoint.id))
    .returning();
  if (resumed) {
    await ctx.deps.db.execute(sql`select pg_notify(${DELIVERIES_CHANNEL}, '')`);
  }
  return updated!;
}

export async function deleteEndpoint(ctx: WebhooksContext, endpointId: string): Promise<EndpointRow> {
  const endpoint = await managedEndpoint(ctx, endpointId);
  await ctx.deps.db.delete(endpoints).where(eq(endpoints.id, endpoint.id));
  return endpoint;
}

/** A new secret; the old one keeps signing (a second signature) for 24 hours, so receivers can switch. */
export async function rotateSecret(ctx: WebhooksContext, endpointId: string): Promise<{ endpoint: EndpointRow; secret: string }> {
  const endpoint = await managedEndpoint(ctx, endpointId);
  const secret = newSecret();
  const [updated] = await ctx.deps.db
    .update(endpoints)
    .set({
      secret,
      previousSecret: sql`${endpoints.secret}`,
      previousSecretExpiresAt: new Date(Date.now() + PREVIOUS_SECRET_GRACE_MS),
      updatedAt: sql`now()`,
    })
    .where(eq(endpoints.id, endpoint.id))
    .returning();
  return { endpoint: updated!, secret };
}

export async function sendTest(ctx: WebhooksContext, endpointId: string): Promise<DeliveryRow> {
  const endpoint = await managedEndpoint(ctx, endpointId);
  if (!endpoint.enabled) fail(UserErrorCode.INVALID_STATE, 'The endpoint is disabled; enable it first.', 'endpointId');
  const body = webhookBody(TEST_TYPE, new Date(), {
    endpointId: endpoint.id,
    workspaceId: endpoint.workspaceId,
    message: 'A test delivery: your endpoint receives and verifies webhooks.',
  });
  return ctx.deps.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(deliveries)
      .values({ id: newId(), endpointId: endpoint.id, topic: null, type: TEST_TYPE, body, status: 'PENDING', nextAttemptAt: sql`now()` })
      .returning();
    await tx.execute(sql`select pg_notify(${DELIVERIES_CHANNEL}, '')`);
    return created!;
  });
}

/** Sends a DELIVERED or FAILED delivery again, with the same `webhook-id` and body, and a fresh retry schedule. */
export async function redeliver(ctx: WebhooksContext, deliveryId: string): Promise<DeliveryRow> {
  ctx.access.requireViewer();
  const delivery = isId(deliveryId) ? await ctx.loaders.delivery.load(deliveryId) : null;
  if (!delivery) fail(UserErrorCode.NOT_FOUND, 'No such delivery.', 'deliveryId');
  const endpoint = await managedEndpoint(ctx, delivery.endpointId, 'deliveryId');
  if (!endpoint.enabled) fail(UserErrorCode.INVALID_STATE, 'The endpoint is disabled; enable it first.', 'deliveryId');
  return ctx.deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(deliveries)
      .set({ status: 'PENDING', roundAttempts: 0, nextAttemptAt: sql`now()`, leasedUntil: null, leaseToken: null, updatedAt: sql`now()` })
      .where(sql`${deliveries.id} = ${delivery.id} and ${deliveries.status} <> 'PENDING'`)
      .returning();
    if (!updated) fail(UserErrorCode.INVALID_STATE, 'The delivery is still pending: it will be attempted again.', 'deliveryId');
    await tx.execute(sql`select pg_notify(${DELIVERIES_CHANNEL}, '')`);
    return updated;
  });
}
