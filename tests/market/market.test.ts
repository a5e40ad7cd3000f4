import { randomBytes } from 'node:crypto';
import {
  ServiceMarketDocument,
  WorkspaceServicesDocument,
  type ServiceFieldsFragment,
  type ServiceMarketFilter,
  type ServiceMarketQuery,
  type WorkspaceServicesQuery,
} from '@mpp/client';
import {
  createOnlineService,
  createService,
  createVerifiedIsv,
  signInAdmin,
  signUp,
  TestPlatform,
  type Actor,
  type SeededWorkspace,
} from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/index.js';
import { steps, succeeded } from './steps.js';

/** What a partner front end shows in a market list: the service and the name of the ISV behind it. */
const MarketIsvNames = graphql(`
  query MarketIsvNames($filter: ServiceMarketFilter, $first: Int) {
    serviceMarket(filter: $filter, first: $first) {
      totalCount
      nodes {
        id
        name
        isv {
          id
          name
        }
      }
    }
  }
`);

let platform: TestPlatform;
let isv: SeededWorkspace;
let admin: Actor;
/** A merchant browsing the market. */
let shopper: Actor;

beforeAll(async () => {
  platform = await TestPlatform.start();
  isv = await createVerifiedIsv(platform);
  admin = await signInAdmin(platform);
  shopper = await signUp(platform);
});
afterAll(() => platform?.stop());

/** A word no other test uses, to tell this test's services apart in the shared market. */
const token = () => `t${randomBytes(4).toString('hex')}`;

type MarketPage = ServiceMarketQuery['serviceMarket'];

async function market(filter: ServiceMarketFilter | null, first = 100, after: string | null = null): Promise<MarketPage> {
  return (await shopper.client.execute(ServiceMarketDocument, { filter, first, after })).serviceMarket;
}

async function idsIn(filter: ServiceMarketFilter): Promise<string[]> {
  return (await market(filter)).edges.map((e) => e.node.id);
}

/**
 * Pages through the market `first` at a time, calling `between(pageNumber)` after each page but
 * the last; the ids in the order seen.
 */
async function walk(filter: ServiceMarketFilter | null, first: number, between?: (page: number) => Promise<void>): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let page = 1; ; page++) {
    const result = await market(filter, first, after);
    expect(result.edges.length).toBeLessThanOrEqual(first);
    expect(result.pageInfo.hasPreviousPage).toBe(after !== null);
    ids.push(...result.edges.map((e) => e.node.id));
    if (!result.pageInfo.hasNextPage) return ids;
    expect(result.pageInfo.endCursor).toBe(result.edges.at(-1)!.cursor);
    after = result.pageInfo.endCursor;
    await between?.(page);
  }
}

/** Newest published first: the order of services approved in this test (approval sets updatedAt). */
function newestFirst(approved: ServiceFieldsFragment[]): string[] {
  return [...approved]
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || (b.id > a.id ? 1 : b.id < a.id ? -1 : 0))
    .map((s) => s.id);
}

describe('what the market lists', () => {
  it('shows ONLINE services only, never a DRAFT, PENDING_REVIEW, REJECTED, WITHDRAWN or ARCHIVED one', async () => {
    const tag = token();
    const named = (status: string) => ({ name: `${status} ${tag}` });
    const online = await createOnlineService(platform, isv, named('online'));
    const draft = await createService(isv, named('draft'));
    const pending = await createService(isv, named('pending'));
    succeeded(await steps.submit(isv.owner, pending.id));
    const rejected = await createService(isv, named('rejected'));
    succeeded(await steps.submit(isv.owner, rejected.id));
    succeeded(await steps.reject(admin, rejected.id));
    const withdrawn = await createService(isv, named('withdrawn'));
    succeeded(await steps.submit(isv.owner, withdrawn.id));
    succeeded(await steps.withdraw(isv.owner, withdrawn.id));
    const archived = await createOnlineService(platform, isv, named('archived'));
    expect(await idsIn({ search: tag })).toEqual([archived.id, online.id]);

    succeeded(await steps.archive(isv.owner, archived.id));

    const page = await market({ search: tag });
    expect(page.totalCount).toBe(1);
    expect(page.edges.map((e) => e.node)).toEqual([{ ...online, status: 'ONLINE' }]);
    const everything = await walk(null, 100);
    for (const hidden of [draft, pending, rejected, withdrawn, archived]) expect(everything).not.toContain(hidden.id);
    expect(everything).toContain(online.id);
  });

  it("shows each service with its ISV's name, resolved through the gateway", async () => {
    const tag = token();
    const isvs = [isv, await createVerifiedIsv(platform), await createVerifiedIsv(platform)];
    const services = [];
    for (const [i, owner] of isvs.entries()) services.push(await createOnlineService(platform, owner, { name: `Offer ${i} ${tag}` }));

    const { serviceMarket } = await shopper.client.execute(MarketIsvNames, { filter: { search: tag }, first: 10 });

    expect(serviceMarket.totalCount).toBe(3);
    expect(serviceMarket.nodes).toEqual(
      services.reverse().map((s, i) => ({ id: s.id, name: s.name, isv: { id: isvs[2 - i]!.id, name: isvs[2 - i]!.name } })),
    );
  });

  it('is open to any signed-in account, whatever its workspaces', async () => {
    const tag = token();
    const service = await createOnlineService(platform, isv, { name: `Open to all ${tag}` });
    for (const anyone of [await signUp(platform), isv.owner, admin]) {
      const { serviceMarket } = await anyone.client.execute(MarketIsvNames, { filter: { search: tag } });
      expect(serviceMarket.nodes.map((s) => s.id)).toEqual([service.id]);
    }
  });
});

describe('filters', () => {
  it('matches the industry exactly, ignoring case', async () => {
    const tag = token();
    const pets = await createOnlineService(platform, isv, { industry: `Pet care ${tag}` });
    await createOnlineService(platform, isv, { industry: `Pet care ${tag} and grooming` });
    await createOnlineService(platform, isv, { industry: `Retail ${tag}` });

    expect(await idsIn({ industry: `Pet care ${tag}` })).toEqual([pets.id]);
    expect(await idsIn({ industry: `PET CARE ${tag.toUpperCase()}` })).toEqual([pets.id]);
    expect(await idsIn({ industry: `pet care` })).toEqual([]);
    expect(await idsIn({ industry: `Pet care ${tag}`.slice(0, -1) })).toEqual([]);
  });

  it('matches one of the applicable apps exactly, ignoring case', async () => {
    const tag = token();
    const both = await createOnlineService(platform, isv, { applicableApps: ['WeChat', `SuperApp ${tag}`] });
    const only = await createOnlineService(platform, isv, { applicableApps: [`superapp ${tag}`] });
    await createOnlineService(platform, isv, { applicableApps: [`SuperApp ${tag} Lite`] });

    expect(await idsIn({ applicableApp: `SUPERAPP ${tag.toUpperCase()}` })).toEqual([only.id, both.id]);
    expect(await idsIn({ applicableApp: `SuperApp` })).toEqual([]);
  });

  it('searches the name and the description, ignoring case', async () => {
    const tag = token();
    const inName = await createOnlineService(platform, isv, { name: `Koala${tag} builders` });
    const inDescription = await createOnlineService(platform, isv, {
      description: `We build mini programs for every Koala${tag} fan out there.`,
    });
    await createOnlineService(platform, isv, { name: `Kangaroo${tag} builders` });

    expect(await idsIn({ search: `koala${tag}` })).toEqual([inDescription.id, inName.id]);
    expect(await idsIn({ search: `KOALA${tag.toUpperCase()} BUILDERS` })).toEqual([inName.id]);
    expect(await idsIn({ search: `${tag} FAN` })).toEqual([inDescription.id]);
  });

  it('takes %, _ and \\ in a search literally', async () => {
    const tag = token();
    const percent = await createOnlineService(platform, isv, { name: `Save 50% ${tag}` });
    await createOnlineService(platform, isv, { name: `Save 500 ${tag}` });
    const underscore = await createOnlineService(platform, isv, { name: `Plan A_B ${tag}` });
    await createOnlineService(platform, isv, { name: `Plan AxB ${tag}` });
    const backslash = await createOnlineService(platform, isv, { name: `Path C:\\dir ${tag}` });
    await createOnlineService(platform, isv, { name: `Path C:dir ${tag}` });

    expect(await idsIn({ search: `50% ${tag}` })).toEqual([percent.id]);
    expect(await idsIn({ search: `A_B ${tag}` })).toEqual([underscore.id]);
    expect(await idsIn({ search: `C:\\dir ${tag}` })).toEqual([backslash.id]);
    expect(await idsIn({ search: `%${tag}` })).toEqual([]);
  });

  it('counts every match in totalCount, not only the page, and combines filters', async () => {
    const tag = token();
    const industry = `Logistics ${tag}`;
    const matching = [];
    for (let i = 0; i < 5; i++) {
      matching.push(await createOnlineService(platform, isv, { industry, applicableApps: ['Alipay+'], name: `Courier ${i} ${tag}` }));
    }
    await createOnlineService(platform, isv, { industry, applicableApps: ['WeChat'], name: `Courier 9 ${tag}` });
    await createOnlineService(platform, isv, { industry, applicableApps: ['Alipay+'], name: `Warehouse ${tag}` });
    const draft = await createService(isv, { industry, applicableApps: ['Alipay+'], name: `Courier draft ${tag}` });
    expect(draft.status).toBe('DRAFT');

    const page = await market({ industry, applicableApp: 'alipay+', search: 'courier' }, 2);

    expect(page.totalCount).toBe(5);
    expect(page.edges).toHaveLength(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect((await market({ industry })).totalCount).toBe(7);
    expect((await market({ industry, search: 'warehouse' })).totalCount).toBe(1);
    expect((await market({ industry: `${industry} nowhere` })).totalCount).toBe(0);
    expect((await market({ industry }, 0)).edges).toEqual([]);
    expect((await market({ industry }, 0)).totalCount).toBe(7);
  });
});

describe('pagination', () => {
  it('lists newest published first, which is not the order of creation', async () => {
    const industry = `Order ${token()}`;
    const drafts = [];
    for (let i = 0; i < 5; i++) {
      const draft = await createService(isv, { industry });
      succeeded(await steps.submit(isv.owner, draft.id));
      drafts.push(draft);
    }
    const approved = [];
    for (const i of [3, 0, 4, 1, 2]) approved.push(succeeded(await steps.approve(admin, drafts[i]!.id)));

    expect(await walk({ industry }, 2)).toEqual(newestFirst(approved));
  });

  it('walks the whole market with first/after, every ONLINE service exactly once', async () => {
    for (let i = 0; i < 12; i++) await createOnlineService(platform, isv);
    const { totalCount } = await market(null, 1);
    expect(totalCount).toBeGreaterThanOrEqual(12);

    for (const size of [1, 5, 100]) {
      const ids = await walk(null, size);
      expect(ids).toHaveLength(totalCount);
      expect(new Set(ids).size).toBe(totalCount);
    }
  });

  it('shows no duplicate and leaves no gap while services are approved between page requests', async () => {
    const industry = `Busy ${token()}`;
    const before: ServiceFieldsFragment[] = [];
    for (let i = 0; i < 7; i++) before.push(await createOnlineService(platform, isv, { industry }));
    const waiting: ServiceFieldsFragment[] = [];
    for (let i = 0; i < 6; i++) {
      const draft = await createService(isv, { industry });
      succeeded(await steps.submit(isv.owner, draft.id));
      waiting.push(draft);
    }
    const approvedMeanwhile: ServiceFieldsFragment[] = [];

    const seen = await walk({ industry }, 2, async () => {
      for (const draft of waiting.splice(0, 2)) approvedMeanwhile.push(succeeded(await steps.approve(admin, draft.id)));
    });

    expect(approvedMeanwhile).toHaveLength(6);
    expect(seen).toEqual(newestFirst(before));
    expect(await walk({ industry }, 3)).toEqual([...newestFirst(approvedMeanwhile), ...newestFirst(before)]);
  });
});

describe("an ISV's own list (Workspace.services)", () => {
  it('pages newest created first, every service once, by status when asked', async () => {
    const own = await createVerifiedIsv(platform);
    const created = [];
    for (let i = 0; i < 5; i++) created.push(await createService(own, { name: `Own ${i}` }));
    succeeded(await steps.submit(own.owner, created[1]!.id));
    succeeded(await steps.submit(own.owner, created[3]!.id));

    const pages = async (status: 'PENDING_REVIEW' | null) => {
      const ids: string[] = [];
      let after: string | null = null;
      for (;;) {
        const result: WorkspaceServicesQuery = await own.owner.client.execute(WorkspaceServicesDocument, {
          workspaceId: own.id,
          status,
          first: 2,
          after,
        });
        const services = result.workspace!.services;
        ids.push(...services.nodes.map((s) => s.id));
        if (!services.pageInfo.hasNextPage) return { ids, totalCount: services.totalCount };
        after = services.pageInfo.endCursor;
      }
    };

    expect(await pages(null)).toEqual({ ids: created.map((s) => s.id).reverse(), totalCount: 5 });
    expect(await pages('PENDING_REVIEW')).toEqual({ ids: [created[3]!.id, created[1]!.id], totalCount: 2 });
  });
});

describe('bad paging arguments', () => {
  async function failure(variables: { first?: number; after?: string; filter?: ServiceMarketFilter }) {
    const result = await shopper.client.request(ServiceMarketDocument, variables);
    expect(result.status).toBeLessThan(500);
    expect(result.errors).toHaveLength(1);
    return result.errors![0]!.extensions?.code;
  }

  it.each([
    ['first: 101', { first: 101 }],
    ['first: -1', { first: -1 }],
    ['an after that is no cursor', { after: 'not a cursor' }],
    ['an after of base64 garbage', { after: Buffer.from('{"v1": true}').toString('base64url') }],
    ['an after with a bad time', { after: Buffer.from(JSON.stringify(['v1', 'yesterday', '0190a4e2-7c1d-7000-8000-000000000000'])).toString('base64url') }],
    ['a search of 101 characters', { filter: { search: 'x'.repeat(101) } }],
  ])('answer %s with a GraphQL error BAD_USER_INPUT, not a 500', async (_what, variables) => {
    expect(await failure(variables)).toBe('BAD_USER_INPUT');
  });

  it("answers a cursor of another list (an ISV's services) with BAD_USER_INPUT", async () => {
    await createService(isv);
    await createService(isv);
    const { workspace } = await isv.owner.client.execute(WorkspaceServicesDocument, { workspaceId: isv.id, first: 1 });
    expect(await failure({ after: workspace!.services.pageInfo.endCursor! })).toBe('BAD_USER_INPUT');
  });

  it('accepts first: 100, the largest page', async () => {
    const page = await market(null, 100);
    expect(page.edges.length).toBeLessThanOrEqual(100);
  });
});
