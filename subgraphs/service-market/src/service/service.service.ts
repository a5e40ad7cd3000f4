import {
  fail,
  InputChecks,
  isId,
  newId,
  UserErrorCode,
  WorkspaceKind,
  WorkspaceRole,
  type Access,
} from '@mpp/kit';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { MarketDeps } from '../context.js';
import type { MarketDb } from '../db/client.js';
import { recordServiceEvent, ServiceEvent, type ServiceEventType } from '../db/events.js';
import { services, type ServiceRow, type ServiceStatusValue } from '../db/schema.js';
import { normalizeServiceFields, serviceColumns, type ServiceFields } from './service.rules.js';

export const MANAGERS = [WorkspaceRole.OWNER, WorkspaceRole.MASTER] as const;
/** States in which the ISV may edit and (re)submit a service. */
export const EDITABLE: ServiceStatusValue[] = ['DRAFT', 'REJECTED', 'WITHDRAWN'];

/** Who may see a service: anyone signed in once ONLINE; before and after that, its ISV and the platform. */
export async function canSee(access: Access, service: ServiceRow): Promise<boolean> {
  if (service.status === 'ONLINE') return access.viewer !== null;
  return access.canRead(service.isvWorkspaceId);
}

/**
 * A service the caller may manage (ISV OWNER/MASTER), or NOT_FOUND (not visible) / FORBIDDEN
 * naming `action` ("submit this service for review").
 */
export async function serviceToManage(deps: MarketDeps, access: Access, serviceId: string, action: string): Promise<ServiceRow> {
  access.requireViewer();
  const [service] = isId(serviceId) ? await deps.db.select().from(services).where(eq(services.id, serviceId)) : [];
  if (!service || !(await canSee(access, service))) fail(UserErrorCode.NOT_FOUND, 'No such service.', 'serviceId');
  await access.requireRole(service.isvWorkspaceId, MANAGERS, { party: 'ISV', action, kind: WorkspaceKind.ISV });
  return service;
}

export async function createService(
  deps: MarketDeps,
  access: Access,
  input: ServiceFields & { isvWorkspaceId: string; type: string },
): Promise<ServiceRow> {
  const viewer = access.requireViewer();
  const workspace = await access.findWorkspace(input.isvWorkspaceId);
  if (!workspace) fail(UserErrorCode.NOT_FOUND, 'No such workspace.', 'isvWorkspaceId');
  await access.requireRole(workspace.id, MANAGERS, { party: 'ISV', action: 'create its services' });
  if (workspace.kind !== WorkspaceKind.ISV) fail(UserErrorCode.INVALID, 'Only ISV workspaces offer services.', 'isvWorkspaceId');
  const checks = new InputChecks();
  const fields = normalizeServiceFields(checks, input) as ServiceFields;
  checks.done();
  return deps.db.transaction(async (tx) => {
    const [service] = await tx
      .insert(services)
      .values({
        id: newId(),
        isvWorkspaceId: workspace.id,
        type: input.type,
        status: 'DRAFT',
        createdBy: viewer.accountId,
        ...(serviceColumns(fields) as Required<ReturnType<typeof serviceColumns>>),
      })
      .returning();
    await recordServiceEvent(tx, ServiceEvent.Created, service!, viewer.accountId);
    return service!;
  });
}

export async function updateService(
  deps: MarketDeps,
  access: Access,
  input: { [K in keyof ServiceFields]?: ServiceFields[K] | null } & { serviceId: string },
): Promise<ServiceRow> {
  const service = await serviceToManage(deps, access, input.serviceId, 'edit this service');
  const checks = new InputChecks();
  const fields = normalizeServiceFields(checks, {
    name: input.name ?? undefined,
    industry: input.industry ?? undefined,
    description: input.description ?? undefined,
    images: input.images ?? undefined,
    applicableApps: input.applicableApps ?? undefined,
    price: input.price ?? undefined,
    companyInfo: input.companyInfo ?? undefined,
  });
  checks.done();
  return transition(deps.db, access, service, EDITABLE, serviceColumns(fields), ServiceEvent.Updated);
}

export async function submitService(deps: MarketDeps, access: Access, serviceId: string): Promise<ServiceRow> {
  const service = await serviceToManage(deps, access, serviceId, 'submit this service for review');
  if (!(await access.isVerified(service.isvWorkspaceId))) {
    fail(UserErrorCode.NOT_VERIFIED, 'The ISV workspace must pass identity verification before it submits services.', 'serviceId');
  }
  return transition(
    deps.db,
    access,
    service,
    EDITABLE,
    { status: 'PENDING_REVIEW', submittedAt: sql`now()`, rejectionReason: null },
    ServiceEvent.Submitted,
  );
}

export async function withdrawService(deps: MarketDeps, access: Access, serviceId: string): Promise<ServiceRow> {
  const service = await serviceToManage(deps, access, serviceId, 'withdraw this service from review');
  return transition(deps.db, access, service, ['PENDING_REVIEW'], { status: 'WITHDRAWN' }, ServiceEvent.Withdrawn);
}

export async function archiveService(deps: MarketDeps, access: Access, serviceId: string): Promise<ServiceRow> {
  const service = await serviceToManage(deps, access, serviceId, 'archive this service');
  return transition(deps.db, access, service, ['ONLINE'], { status: 'ARCHIVED' }, ServiceEvent.Archived);
}

/**
 * Moves a service from one of `from` with `set`, guarded in SQL so that of two racing steps one
 * wins and the other gets INVALID_STATE; publishes the event in the same transaction.
 */
export async function transition(
  db: MarketDb,
  access: Access,
  service: ServiceRow,
  from: ServiceStatusValue[],
  set: Partial<Record<keyof ServiceRow, unknown>>,
  event: ServiceEventType,
  extra: { reason?: string; onChange?: (tx: MarketDb, updated: ServiceRow) => Promise<void> } = {},
): Promise<ServiceRow> {
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(services)
      .set({ ...set, updatedAt: sql`now()` } as Record<string, SQL | unknown>)
      .where(and(eq(services.id, service.id), inArray(services.status, from)))
      .returning();
    if (!updated) {
      const [current] = await tx.select({ status: services.status }).from(services).where(eq(services.id, service.id));
      fail(
        UserErrorCode.INVALID_STATE,
        `The service is ${current?.status ?? service.status}; this step needs it ${from.join(' or ')}.`,
        'serviceId',
      );
    }
    await extra.onChange?.(tx, updated);
    await recordServiceEvent(tx, event, updated, access.accountId, extra.reason ? { reason: extra.reason } : {});
    return updated;
  });
}
