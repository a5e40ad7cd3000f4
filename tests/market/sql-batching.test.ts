import { type Actor, createOnlineService, createService, createVerifiedIsv, createWorkspace, measureSql, type SeededWorkspace, signUp, TestPlatform } from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/index.js';

const MarketPageWithIsvNames = graphql(`
  query BatchingMarketPageWithIsvNames {
    serviceMarket(first: 50) {
      nodes {
        name
        isv {
          name
        }
      }
    }
  }
`);

const ServicesOfMyWorkspaces = graphql(`
  query BatchingServicesOfMyWorkspaces {
    viewer {
      memberships {
        workspace {
          services(first: 10) {
            totalCount
            nodes {
              name
            }
          }
        }
      }
    }
  }
`);

let platform: TestPlatform;

beforeAll(async () => {
  // What a subgraph does for each fetch is measured: the gateway keeps none of their answers here.
  platform = await TestPlatform.start({ env: { SUBGRAPH_CACHE_BYTES: '0' } });
});
afterAll(() => platform?.stop());

const measured = <T>(actor: Actor, query: (client: Actor['client']) => Promise<T>) => measureSql(platform, actor.token, query);

describe('serviceMarket with each ISV name', () => {
  it('costs the same SQL statements per service for 5 services of 5 ISVs as for 50 of 25', async () => {
    const shopper = await signUp(platform);
    // Seeded in parallel: the ISVs and their services are independent of each other.
    const isvs: SeededWorkspace[] = await Promise.all(Array.from({ length: 5 }, () => createVerifiedIsv(platform)));
    await Promise.all(isvs.map((isv) => createOnlineService(platform, isv)));

    const small = await measured(shopper, (client) => client.execute(MarketPageWithIsvNames));
    expect(small.data.serviceMarket.nodes).toHaveLength(5);
    expect(new Set(small.data.serviceMarket.nodes.map((s) => s.isv.name))).toEqual(new Set(isvs.map((isv) => isv.name)));

    isvs.push(...(await Promise.all(Array.from({ length: 20 }, () => createVerifiedIsv(platform)))));
    await Promise.all(isvs.flatMap((isv, i) => Array.from({ length: i < 5 ? 1 : 2 }, () => createOnlineService(platform, isv))));

    const large = await measured(shopper, (client) => client.execute(MarketPageWithIsvNames));
    expect(large.data.serviceMarket.nodes).toHaveLength(50);
    expect(new Set(large.data.serviceMarket.nodes.map((s) => s.isv.name))).toEqual(new Set(isvs.map((isv) => isv.name)));

    expect(small.statements['service-market']).toBeGreaterThan(0);
    expect(small.statements['accounts']).toBeGreaterThan(0);
    expect(large.statements).toEqual(small.statements);
  });
});

describe("Workspace.services of the viewer's workspaces", () => {
  /** An account that owns `count` ISV workspaces, each with a few services. */
  async function ownerOf(count: number): Promise<Actor> {
    const owner = await signUp(platform);
    // Workspaces one after another (their order is the memberships' order), then their services
    // in parallel across workspaces, in order within each (newest first is asserted).
    const workspaces: SeededWorkspace[] = [];
    for (let i = 0; i < count; i++) workspaces.push(await createWorkspace(owner, 'ISV'));
    await Promise.all(
      workspaces.map(async (workspace, i) => {
        for (let j = 0; j <= i % 3; j++) await createService(workspace, { name: `Service ${j} of workspace ${i}` });
      }),
    );
    return owner;
  }

  it('costs the same SQL statements per service for an account in 2 ISV workspaces as in 10', async () => {
    const [two, ten] = await Promise.all([ownerOf(2), ownerOf(10)]);
    const inTwo = await measured(two, (client) => client.execute(ServicesOfMyWorkspaces));
    const inTen = await measured(ten, (client) => client.execute(ServicesOfMyWorkspaces));

    const totals = (data: typeof inTwo.data) => data.viewer!.memberships.map((m) => m.workspace.services.totalCount);
    expect(totals(inTwo.data)).toEqual([1, 2]);
    expect(totals(inTen.data)).toEqual([1, 2, 3, 1, 2, 3, 1, 2, 3, 1]);
    expect(inTen.data.viewer!.memberships[2]!.workspace.services.nodes.map((s) => s.name)).toEqual([
      'Service 2 of workspace 2',
      'Service 1 of workspace 2',
      'Service 0 of workspace 2',
    ]);

    expect(inTwo.statements['service-market']).toBeGreaterThan(0);
    expect(inTwo.statements['accounts']).toBeGreaterThan(0);
    expect(inTen.statements).toEqual(inTwo.statements);
  });
});
