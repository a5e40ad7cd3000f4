import {
  ApproveVerificationDocument,
  ServicesPendingReviewDocument,
  SubmitVerificationDocument,
  type ServicesPendingReviewQuery,
  type ServiceStatus,
} from '@mpp/client';
import {
  createService,
  createVerifiedIsv,
  createWorkspace,
  signInAdmin,
  signUp,
  TestPlatform,
  type Actor,
  type SeededWorkspace,
} from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refused, serviceAs, statusOf, steps, succeeded, type ServicePayload } from './steps.js';

let platform: TestPlatform;
let isv: SeededWorkspace;
let admin: Actor;

beforeAll(async () => {
  platform = await TestPlatform.start();
  isv = await createVerifiedIsv(platform);
  admin = await signInAdmin(platform);
});
afterAll(() => platform?.stop());

/** A service of the ISV brought to `status` by the ISV owner and the platform admin. */
async function serviceIn(status: ServiceStatus, owner: SeededWorkspace = isv): Promise<string> {
  const { id } = await createService(owner);
  if (status === 'DRAFT') return id;
  succeeded(await steps.submit(owner.owner, id));
  if (status === 'PENDING_REVIEW') return id;
  if (status === 'WITHDRAWN') return succeeded(await steps.withdraw(owner.owner, id)).id;
  if (status === 'REJECTED') return succeeded(await steps.reject(admin, id)).id;
  succeeded(await steps.approve(admin, id));
  if (status === 'ONLINE') return id;
  succeeded(await steps.archive(owner.owner, id));
  return id;
}

/** Oldest first: the ids of the review queue, as the platform admin pages through it, 2 at a time. */
async function reviewQueue(): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const { servicesPendingReview: page }: ServicesPendingReviewQuery = await admin.client.execute(ServicesPendingReviewDocument, {
      first: 2,
      after,
    });
    ids.push(...page.nodes.map((s) => s.id));
    if (!page.pageInfo.hasNextPage) {
      expect(ids).toHaveLength(page.totalCount);
      expect(new Set(ids).size).toBe(ids.length);
      return ids;
    }
    after = page.pageInfo.endCursor;
  }
}

describe('the way to the market', () => {
  it('creates a service as a DRAFT with what the ISV entered', async () => {
    const draft = await createService(isv, { name: 'Storefront builders', price: { amount: 990_00, currency: 'CNY' } });
    expect(draft).toMatchObject({
      name: 'Storefront builders',
      status: 'DRAFT',
      rejectionReason: null,
      price: { amount: 990_00, currency: 'CNY' },
      isv: { id: isv.id, name: isv.name },
    });
  });

  it('goes DRAFT → PENDING_REVIEW → ONLINE → ARCHIVED', async () => {
    const { id } = await createService(isv);

    const submitted = succeeded(await steps.submit(isv.owner, id));
    expect(submitted.status).toBe('PENDING_REVIEW');
    expect(await reviewQueue()).toContain(id);

    const approved = succeeded(await steps.approve(admin, id));
    expect(approved).toMatchObject({ status: 'ONLINE', rejectionReason: null });
    expect(await reviewQueue()).not.toContain(id);

    const archived = succeeded(await steps.archive(isv.owner, id));
    expect(archived.status).toBe('ARCHIVED');
    expect(await statusOf(isv.owner, id)).toBe('ARCHIVED');
  });

  it('goes PENDING_REVIEW → REJECTED with a reason the ISV reads, then back for review without it', async () => {
    const { id } = await createService(isv);
    succeeded(await steps.submit(isv.owner, id));

    const rejected = succeeded(await steps.reject(admin, id, '  The price must include the design work.  '));
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectionReason: 'The price must include the design work.' });
    expect(await serviceAs(isv.owner, id)).toMatchObject({ status: 'REJECTED', rejectionReason: 'The price must include the design work.' });
    expect(await reviewQueue()).not.toContain(id);

    const edited = succeeded(await steps.update(isv.owner, id, { price: { amount: 2_000_00, currency: 'USD' } }));
    expect(edited).toMatchObject({ status: 'REJECTED', price: { amount: 2_000_00, currency: 'USD' } });

    const resubmitted = succeeded(await steps.submit(isv.owner, id));
    expect(resubmitted).toMatchObject({ status: 'PENDING_REVIEW', rejectionReason: null });
    expect(await serviceAs(isv.owner, id)).toMatchObject({ status: 'PENDING_REVIEW', rejectionReason: null });
    expect(await reviewQueue()).toContain(id);

    expect(succeeded(await steps.approve(admin, id))).toMatchObject({ status: 'ONLINE', rejectionReason: null });
  });

  it('goes PENDING_REVIEW → WITHDRAWN, is edited and resubmitted', async () => {
    const { id } = await createService(isv);
    succeeded(await steps.submit(isv.owner, id));

    expect(succeeded(await steps.withdraw(isv.owner, id)).status).toBe('WITHDRAWN');
    expect(await reviewQueue()).not.toContain(id);

    const edited = succeeded(await steps.update(isv.owner, id, { description: 'Now with a year of maintenance included.' }));
    expect(edited).toMatchObject({ status: 'WITHDRAWN', description: 'Now with a year of maintenance included.' });

    expect(succeeded(await steps.submit(isv.owner, id)).status).toBe('PENDING_REVIEW');
    expect(await reviewQueue()).toContain(id);
  });

  it.each<ServiceStatus>(['DRAFT', 'REJECTED', 'WITHDRAWN'])('edits a %s service, keeping what was not sent', async (status) => {
    const id = await serviceIn(status);
    const before = await serviceAs(isv.owner, id);

    const edited = succeeded(
      await steps.update(isv.owner, id, {
        name: `Edited while ${status}`,
        industry: 'Food and drink',
        images: ['https://cdn.example.com/services/new-cover.png', 'https://cdn.example.com/services/team.png'],
        applicableApps: ['WeChat', 'Alipay+'],
        companyInfo: { name: 'Renamed Studio Ltd', contactEmail: 'hello@renamed.example.com' },
      }),
    );

    expect(edited).toMatchObject({
      status,
      name: `Edited while ${status}`,
      industry: 'Food and drink',
      images: ['https://cdn.example.com/services/new-cover.png', 'https://cdn.example.com/services/team.png'],
      applicableApps: ['WeChat', 'Alipay+'],
      companyInfo: { name: 'Renamed Studio Ltd', contactEmail: 'hello@renamed.example.com', contactPhone: null, website: null },
      description: before!.description,
      price: before!.price,
    });
    expect(await serviceAs(isv.owner, id)).toEqual(edited);
  });

  it('keeps the review queue oldest submission first; a resubmission queues again at the end', async () => {
    const first = await serviceIn('PENDING_REVIEW');
    const second = await serviceIn('PENDING_REVIEW');
    const third = await serviceIn('PENDING_REVIEW');
    const mine = (queue: string[]) => queue.filter((id) => [first, second, third].includes(id));
    expect(mine(await reviewQueue())).toEqual([first, second, third]);

    succeeded(await steps.withdraw(isv.owner, first));
    succeeded(await steps.submit(isv.owner, first));
    expect(mine(await reviewQueue())).toEqual([second, third, first]);
  });
});

describe('steps the state machine does not allow', () => {
  const allowed: Record<keyof typeof steps, ServiceStatus[]> = {
    create: [],
    update: ['DRAFT', 'REJECTED', 'WITHDRAWN'],
    submit: ['DRAFT', 'REJECTED', 'WITHDRAWN'],
    withdraw: ['PENDING_REVIEW'],
    approve: ['PENDING_REVIEW'],
    reject: ['PENDING_REVIEW'],
    archive: ['ONLINE'],
  };
  const statuses: ServiceStatus[] = ['DRAFT', 'PENDING_REVIEW', 'WITHDRAWN', 'REJECTED', 'ONLINE', 'ARCHIVED'];
  type Step = Exclude<keyof typeof steps, 'create'>;
  const refusals = (Object.keys(allowed) as (keyof typeof steps)[])
    .filter((step): step is Step => step !== 'create')
    .flatMap((step) => statuses.filter((status) => !allowed[step].includes(status)).map((status) => ({ step, status })));

  const services = new Map<ServiceStatus, string>();
  beforeAll(async () => {
    for (const status of statuses) services.set(status, await serviceIn(status));
  });

  function attempt(step: Step, id: string): Promise<ServicePayload> {
    switch (step) {
      case 'approve':
      case 'reject':
        return steps[step](admin, id);
      case 'update':
        return steps.update(isv.owner, id, { name: 'Not allowed now' });
      default:
        return steps[step](isv.owner, id);
    }
  }

  it('covers the 26 step/status pairs outside the state machine', () => {
    expect(refusals).toHaveLength(26);
  });

  it.each(refusals)('refuses to $step a $status service with INVALID_STATE and leaves it as it was', async ({ step, status }) => {
    const id = services.get(status)!;
    const before = await serviceAs(isv.owner, id);

    const error = refused(await attempt(step, id), 'INVALID_STATE', ['input', 'serviceId']);

    expect(error.message).toContain(status);
    expect(await serviceAs(isv.owner, id)).toEqual(before);
  });
});

describe('identity verification', () => {
  it('refuses to submit for an ISV that is not verified (NOT_VERIFIED), then accepts once it is', async () => {
    const owner = await signUp(platform);
    const unverified = await createWorkspace(owner, 'ISV');
    const { id } = await createService(unverified);

    refused(await steps.submit(owner, id), 'NOT_VERIFIED', ['input', 'serviceId']);
    expect(await statusOf(owner, id)).toBe('DRAFT');

    const { submitVerification } = await owner.client.execute(SubmitVerificationDocument, {
      input: { workspaceId: unverified.id, companyName: 'Pending Ltd', registrationNumber: 'REG-777', country: 'SG' },
    });
    expect(submitVerification.userErrors).toEqual([]);
    refused(await steps.submit(owner, id), 'NOT_VERIFIED', ['input', 'serviceId']);
    expect(await statusOf(owner, id)).toBe('DRAFT');

    const { approveVerification } = await admin.client.execute(ApproveVerificationDocument, { input: { workspaceId: unverified.id } });
    expect(approveVerification.userErrors).toEqual([]);
    expect(succeeded(await steps.submit(owner, id)).status).toBe('PENDING_REVIEW');
  });
});

describe('racing reviews', () => {
  it('lets exactly one of 10 concurrent approvals win; the others get INVALID_STATE', async () => {
    const id = await serviceIn('PENDING_REVIEW');
    const reviewers = await Promise.all(Array.from({ length: 10 }, () => signInAdmin(platform)));

    const outcomes = await Promise.all(reviewers.map((reviewer) => steps.approve(reviewer, id)));

    const winners = outcomes.filter((o) => o.userErrors.length === 0);
    expect(winners).toHaveLength(1);
    expect(winners[0]!.service!.status).toBe('ONLINE');
    const losers = outcomes.filter((o) => o.userErrors.length > 0);
    expect(losers).toHaveLength(9);
    for (const loser of losers) refused(loser, 'INVALID_STATE', ['input', 'serviceId']);
    expect(await statusOf(isv.owner, id)).toBe('ONLINE');
  });

  it('lets exactly one of concurrent approvals, rejections and a withdrawal win', async () => {
    const id = await serviceIn('PENDING_REVIEW');
    const outcomes = await Promise.all([
      ...Array.from({ length: 4 }, () => steps.approve(admin, id)),
      ...Array.from({ length: 4 }, () => steps.reject(admin, id)),
      steps.withdraw(isv.owner, id),
    ]);

    const winners = outcomes.filter((o) => o.userErrors.length === 0);
    expect(winners).toHaveLength(1);
    for (const loser of outcomes.filter((o) => o !== winners[0])) refused(loser, 'INVALID_STATE', ['input', 'serviceId']);
    expect(await statusOf(isv.owner, id)).toBe(winners[0]!.service!.status);
  });
});
