import {
  ApproveServiceDocument,
  ArchiveServiceDocument,
  CreateServiceDocument,
  RejectServiceDocument,
  ServiceDocument,
  ServiceMarketDocument,
  ServicesPendingReviewDocument,
  SubmitServiceForReviewDocument,
  UpdateServiceDocument,
  ViewerDocument,
  WithdrawServiceDocument,
  WorkspaceServicesDocument,
  type ServiceStatus,
} from '@mpp/client';
import {
  addMember,
  createService,
  createVerifiedIsv,
  createVerifiedMerchant,
  serviceInput,
  signInAdmin,
  TestPlatform,
  type Actor,
  type SeededWorkspace,
} from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/index.js';
import { errorCodeOf, refused, serviceAs, serviceCount, statusOf, steps, succeeded } from './steps.js';

/** `Workspace.services` of a service's ISV, reached through the service (outsiders cannot query the workspace). */
const IsvServicesThroughService = graphql(`
  query PermissionsIsvServicesThroughService($serviceId: ID!, $status: ServiceStatus) {
    service(id: $serviceId) {
      isv {
        id
        services(status: $status, first: 100) {
          totalCount
          nodes {
            id
            status
          }
        }
      }
    }
  }
`);

let platform: TestPlatform;
let isv: SeededWorkspace;
let owner: Actor;
let master: Actor;
let developer: Actor;
let otherIsvOwner: Actor;
let merchantOwner: Actor;
let admin: Actor;
let platformDeveloper: Actor;

beforeAll(async () => {
  platform = await TestPlatform.start();
  isv = await createVerifiedIsv(platform);
  owner = isv.owner;
  master = await addMember(platform, isv, 'MASTER');
  developer = await addMember(platform, isv, 'DEVELOPER');
  otherIsvOwner = (await createVerifiedIsv(platform)).owner;
  merchantOwner = (await createVerifiedMerchant(platform)).owner;
  admin = await signInAdmin(platform);
  const { viewer } = await admin.client.execute(ViewerDocument);
  const platformWorkspace = viewer!.memberships.find((m) => m.workspace.kind === 'PLATFORM')!.workspace;
  platformDeveloper = await addMember(platform, { ...platformWorkspace, owner: admin }, 'DEVELOPER');
});
afterAll(() => platform?.stop());

/** A service of the ISV brought to `status` by its owner and the platform admin. */
async function serviceIn(status: 'DRAFT' | 'PENDING_REVIEW' | 'REJECTED' | 'WITHDRAWN' | 'ONLINE' | 'ARCHIVED'): Promise<string> {
  const { id } = await createService(isv);
  if (status === 'DRAFT') return id;
  succeeded(await steps.submit(owner, id));
  if (status === 'REJECTED') succeeded(await steps.reject(admin, id));
  if (status === 'WITHDRAWN') succeeded(await steps.withdraw(owner, id));
  if (status === 'ONLINE' || status === 'ARCHIVED') succeeded(await steps.approve(admin, id));
  if (status === 'ARCHIVED') succeeded(await steps.archive(owner, id));
  return id;
}

/** The ISV's own steps, each with the status it starts from and the status it leads to. */
const isvSteps = [
  { step: 'updateService', from: 'DRAFT', to: 'DRAFT', run: (a: Actor, id: string) => steps.update(a, id, { name: 'Renamed by a manager' }) },
  { step: 'submitServiceForReview', from: 'DRAFT', to: 'PENDING_REVIEW', run: steps.submit },
  { step: 'withdrawService', from: 'PENDING_REVIEW', to: 'WITHDRAWN', run: steps.withdraw },
  { step: 'archiveService', from: 'ONLINE', to: 'ARCHIVED', run: steps.archive },
] as const;

describe('createService', () => {
  it.each(['OWNER', 'MASTER'] as const)('is open to the ISV %s', async (role) => {
    const actor = role === 'OWNER' ? owner : master;
    const created = succeeded(await steps.create(actor, serviceInput(isv.id, { name: `Made by the ${role}` })));
    expect(created).toMatchObject({ name: `Made by the ${role}`, status: 'DRAFT', isv: { id: isv.id } });
  });

  it.each([
    ['an ISV DEVELOPER', () => developer],
    ["another ISV's owner", () => otherIsvOwner],
    ['a merchant owner', () => merchantOwner],
    ['the platform admin (the platform cannot act as an ISV)', () => admin],
  ])('is FORBIDDEN to %s, and creates nothing', async (_who, actor) => {
    const before = await serviceCount(owner, isv.id);
    expect(await errorCodeOf(steps.create(actor(), serviceInput(isv.id)))).toBe('FORBIDDEN');
    expect(await serviceCount(owner, isv.id)).toBe(before);
  });

  it('answers INVALID on isvWorkspaceId for a workspace that is not an ISV', async () => {
    const merchant = await createVerifiedMerchant(platform);
    refused(await steps.create(merchant.owner, serviceInput(merchant.id)), 'INVALID', ['input', 'isvWorkspaceId']);
  });

  it.each([
    ['an unknown id', '0190a4e2-7c1d-7000-8000-000000000000'],
    ['an id that is no id', 'not-an-id'],
  ])('answers NOT_FOUND on isvWorkspaceId for %s', async (_what, workspaceId) => {
    refused(await steps.create(owner, serviceInput(workspaceId)), 'NOT_FOUND', ['input', 'isvWorkspaceId']);
  });
});

describe.each(isvSteps)('$step', ({ from, to, run }) => {
  it.each(['OWNER', 'MASTER'] as const)(`is open to the ISV %s (${from} → ${to})`, async (role) => {
    const id = await serviceIn(from);
    expect(succeeded(await run(role === 'OWNER' ? owner : master, id)).status).toBe(to);
  });

  it.each([
    ['an ISV DEVELOPER', () => developer],
    ['the platform admin (the platform cannot act as an ISV)', () => admin],
    ['a platform DEVELOPER', () => platformDeveloper],
  ])(`is FORBIDDEN to %s, who can see the ${from} service`, async (_who, actor) => {
    const id = await serviceIn(from);
    expect(await errorCodeOf(run(actor(), id))).toBe('FORBIDDEN');
    expect(await statusOf(owner, id)).toBe(from);
  });

  it.each([
    ["another ISV's owner", () => otherIsvOwner],
    ['a merchant owner', () => merchantOwner],
  ])('is FORBIDDEN to %s on an ONLINE service they can see, before its status is considered', async (_who, actor) => {
    const id = await serviceIn('ONLINE');
    expect(await errorCodeOf(run(actor(), id))).toBe('FORBIDDEN');
    expect(await statusOf(owner, id)).toBe('ONLINE');
  });

  if (from !== 'ONLINE') {
    it.each([
      ["another ISV's owner", () => otherIsvOwner],
      ['a merchant owner', () => merchantOwner],
    ])(`answers NOT_FOUND to %s, who may not see the ${from} service`, async (_who, actor) => {
      const id = await serviceIn(from);
      refused(await run(actor(), id), 'NOT_FOUND', ['input', 'serviceId']);
      expect(await statusOf(owner, id)).toBe(from);
    });
  }
});

describe('reviewing services', () => {
  it.each([
    ['the ISV owner', () => owner],
    ['an ISV MASTER', () => master],
    ['an ISV DEVELOPER', () => developer],
    ["another ISV's owner", () => otherIsvOwner],
    ['a merchant owner', () => merchantOwner],
  ])('approveService and rejectService are FORBIDDEN to %s', async (_who, actor) => {
    const id = await serviceIn('PENDING_REVIEW');
    expect(await errorCodeOf(steps.approve(actor(), id))).toBe('FORBIDDEN');
    expect(await errorCodeOf(steps.reject(actor(), id))).toBe('FORBIDDEN');
    expect(await statusOf(owner, id)).toBe('PENDING_REVIEW');
  });

  it('servicesPendingReview is FORBIDDEN to everyone outside the platform', async () => {
    for (const actor of [owner, master, developer, otherIsvOwner, merchantOwner]) {
      expect(await errorCodeOf(actor.client.execute(ServicesPendingReviewDocument, { first: 10 }))).toBe('FORBIDDEN');
    }
  });

  it('is open to a platform member with the DEVELOPER role', async () => {
    const approved = await serviceIn('PENDING_REVIEW');
    const rejected = await serviceIn('PENDING_REVIEW');

    const { servicesPendingReview } = await platformDeveloper.client.execute(ServicesPendingReviewDocument, { first: 100 });
    expect(servicesPendingReview.nodes.map((s) => s.id)).toEqual(expect.arrayContaining([approved, rejected]));

    expect(succeeded(await steps.approve(platformDeveloper, approved)).status).toBe('ONLINE');
    expect(succeeded(await steps.reject(platformDeveloper, rejected, 'Missing a contact phone.'))).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'Missing a contact phone.',
    });
  });

  it('answers NOT_FOUND to the platform for a service that does not exist', async () => {
    refused(await steps.approve(admin, '0190a4e2-7c1d-7000-8000-000000000000'), 'NOT_FOUND', ['input', 'serviceId']);
    refused(await steps.reject(admin, 'not-an-id'), 'NOT_FOUND', ['input', 'serviceId']);
  });
});

describe('signed-out callers', () => {
  it('get UNAUTHENTICATED from every mutation and query of the market, and change nothing', async () => {
    const anonymous = platform.client();
    const draft = await serviceIn('DRAFT');
    const pending = await serviceIn('PENDING_REVIEW');
    const online = await serviceIn('ONLINE');
    const before = await serviceCount(owner, isv.id);
    const serviceId = (id: string) => ({ input: { serviceId: id } });

    const codes = await Promise.all([
      errorCodeOf(anonymous.execute(CreateServiceDocument, { input: serviceInput(isv.id) })),
      errorCodeOf(anonymous.execute(UpdateServiceDocument, { input: { serviceId: draft, name: 'Anonymous edit' } })),
      errorCodeOf(anonymous.execute(SubmitServiceForReviewDocument, serviceId(draft))),
      errorCodeOf(anonymous.execute(WithdrawServiceDocument, serviceId(pending))),
      errorCodeOf(anonymous.execute(ApproveServiceDocument, serviceId(pending))),
      errorCodeOf(anonymous.execute(RejectServiceDocument, { input: { serviceId: pending, reason: 'No.' } })),
      errorCodeOf(anonymous.execute(ArchiveServiceDocument, serviceId(online))),
      errorCodeOf(anonymous.execute(ServiceMarketDocument, { first: 10 })),
      errorCodeOf(anonymous.execute(ServiceDocument, { id: online })),
      errorCodeOf(anonymous.execute(ServicesPendingReviewDocument, { first: 10 })),
    ]);

    expect(codes).toEqual(Array(10).fill('UNAUTHENTICATED'));
    expect(await serviceCount(owner, isv.id)).toBe(before);
    expect([await statusOf(owner, draft), await statusOf(owner, pending), await statusOf(owner, online)]).toEqual([
      'DRAFT',
      'PENDING_REVIEW',
      'ONLINE',
    ]);
  });
});

describe('who sees a service', () => {
  const hidden: ServiceStatus[] = ['DRAFT', 'PENDING_REVIEW', 'REJECTED', 'WITHDRAWN', 'ARCHIVED'];

  it.each(hidden)('service(id) of a %s service is null for outsiders, visible to the ISV members and the platform', async (status) => {
    const id = await serviceIn(status);

    for (const outsider of [otherIsvOwner, merchantOwner]) expect(await serviceAs(outsider, id)).toBeNull();
    for (const insider of [owner, master, developer, admin, platformDeveloper]) {
      expect(await serviceAs(insider, id)).toMatchObject({ id, status });
    }
  });

  it('service(id) of an ONLINE service is visible to every signed-in account', async () => {
    const id = await serviceIn('ONLINE');
    for (const anyone of [owner, developer, otherIsvOwner, merchantOwner, admin]) {
      expect(await serviceAs(anyone, id)).toMatchObject({ id, status: 'ONLINE' });
    }
  });

  it('service(id) is null for an id that names nothing', async () => {
    expect(await serviceAs(owner, '0190a4e2-7c1d-7000-8000-000000000000')).toBeNull();
    expect(await serviceAs(owner, 'not-an-id')).toBeNull();
  });

  it('Workspace.services shows every status to the ISV members and the platform, only ONLINE ones to others', async () => {
    const fresh = await createVerifiedIsv(platform);
    const freshDeveloper = await addMember(platform, fresh, 'DEVELOPER');
    const ids: Partial<Record<ServiceStatus, string>> = {};
    for (const status of ['DRAFT', 'PENDING_REVIEW', 'REJECTED', 'WITHDRAWN', 'ONLINE', 'ARCHIVED'] as const) {
      const { id } = await createService(fresh, { name: `A ${status.toLowerCase()} service` });
      ids[status] = id;
      if (status === 'DRAFT') continue;
      succeeded(await steps.submit(fresh.owner, id));
      if (status === 'REJECTED') succeeded(await steps.reject(admin, id));
      if (status === 'WITHDRAWN') succeeded(await steps.withdraw(fresh.owner, id));
      if (status === 'ONLINE' || status === 'ARCHIVED') succeeded(await steps.approve(admin, id));
      if (status === 'ARCHIVED') succeeded(await steps.archive(fresh.owner, id));
    }
    const all = Object.values(ids).sort();

    for (const insider of [fresh.owner, freshDeveloper, admin, platformDeveloper]) {
      const { workspace } = await insider.client.execute(WorkspaceServicesDocument, { workspaceId: fresh.id, first: 100 });
      expect(workspace!.services.totalCount).toBe(6);
      expect(workspace!.services.nodes.map((s) => s.id).sort()).toEqual(all);
      const drafts = await insider.client.execute(WorkspaceServicesDocument, { workspaceId: fresh.id, status: 'DRAFT' });
      expect(drafts.workspace!.services.nodes.map((s) => s.id)).toEqual([ids.DRAFT]);
      // Through the service as well: the same rule wherever the workspace is reached from.
      const through = await insider.client.execute(IsvServicesThroughService, { serviceId: ids.ONLINE! });
      expect(through.service!.isv.services.totalCount).toBe(6);
    }

    for (const outsider of [owner, otherIsvOwner, merchantOwner]) {
      const { service } = await outsider.client.execute(IsvServicesThroughService, { serviceId: ids.ONLINE! });
      expect(service!.isv.services).toEqual({ totalCount: 1, nodes: [{ id: ids.ONLINE, status: 'ONLINE' }] });
      const drafts = await outsider.client.execute(IsvServicesThroughService, { serviceId: ids.ONLINE!, status: 'DRAFT' });
      expect(drafts.service!.isv.services).toEqual({ totalCount: 0, nodes: [] });
    }
  });
});

describe('a member added a moment ago', () => {
  it('sees and manages the ISV drafts at once, in their very first request', async () => {
    const fresh = await createVerifiedIsv(platform);
    const draft = await createService(fresh);
    for (let i = 0; i < 5; i++) {
      const newDeveloper = await addMember(platform, fresh, 'DEVELOPER');
      expect(await serviceAs(newDeveloper, draft.id)).toMatchObject({ id: draft.id, status: 'DRAFT' });

      const newMaster = await addMember(platform, fresh, 'MASTER');
      expect(succeeded(await steps.update(newMaster, draft.id, { name: `Renamed by master ${i}` })).name).toBe(`Renamed by master ${i}`);
    }
  });
});
