import { randomUUID } from 'node:crypto';
import { AddMiniProgramMemberDocument, MiniProgramDocument } from '@mpp/client';
import {
  createMiniProgram,
  createOnlineService,
  createVerifiedIsv,
  createVerifiedMerchant,
  eventually,
  measureSql,
  orderInDevelopment,
  placeOrder,
  signUp,
  sqlStatementsPerService,
  TestPlatform,
  unwrap,
  uploadVersion,
  type SeededWorkspace,
} from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/index.js';
import type { MerchantMiniProgramsWithVersionsAndMembersQuery } from '../generated/graphql.js';

const MerchantMiniProgramsWithVersionsAndMembers = graphql(`
  query MerchantMiniProgramsWithVersionsAndMembers($id: ID!) {
    workspace(id: $id) {
      miniPrograms(first: 10) {
        nodes {
          name
          versions(first: 5) {
            nodes {
              version
            }
          }
          members {
            role
          }
        }
      }
    }
  }
`);

let platform: TestPlatform;
let small: SeededWorkspace;
let large: SeededWorkspace;

/** A verified merchant with `count` mini programs, each with two versions and two members. */
async function merchantWith(count: number): Promise<SeededWorkspace> {
  const merchant = await createVerifiedMerchant(platform);
  const [developer, tester] = await Promise.all([signUp(platform), signUp(platform)]);
  for (let i = 0; i < count; i++) {
    const { id } = await createMiniProgram(merchant);
    await uploadVersion(merchant.owner, id, '1.0.0');
    await uploadVersion(merchant.owner, id, '1.1.0');
    for (const [member, role] of [
      [developer, 'DEVELOPER'],
      [tester, 'TESTER'],
    ] as const) {
      const { addMiniProgramMember } = await merchant.owner.client.execute(AddMiniProgramMemberDocument, {
        input: { miniProgramId: id, email: member.email, role },
      });
      unwrap(addMiniProgramMember, addMiniProgramMember.miniProgram, 'addMiniProgramMember');
    }
  }
  return merchant;
}

/** The page of the merchant's mini programs as its owner reads it, and the SQL statements each service issued for it. */
async function readPage(merchant: SeededWorkspace) {
  const requestId = `sql-batching-${randomUUID()}`;
  const client = platform.client(merchant.owner.token, { 'x-request-id': requestId });
  let page: MerchantMiniProgramsWithVersionsAndMembersQuery | undefined;
  const statements = await sqlStatementsPerService(requestId, async () => {
    page = await client.execute(MerchantMiniProgramsWithVersionsAndMembers, { id: merchant.id });
  });
  return { nodes: page!.workspace!.miniPrograms.nodes, statements };
}

beforeAll(async () => {
  // What a subgraph does for each fetch is measured: the gateway keeps none of their answers here.
  platform = await TestPlatform.start({ env: { SUBGRAPH_CACHE_BYTES: '0' } });
  [small, large] = await Promise.all([merchantWith(2), merchantWith(10)]);
}, 300_000);
afterAll(() => platform?.stop());

describe('a page of mini programs with their versions and members', () => {
  it('costs the same SQL statements per service for 2 mini programs as for 10', async () => {
    const two = await readPage(small);
    const ten = await readPage(large);

    expect(two.nodes).toHaveLength(2);
    expect(ten.nodes).toHaveLength(10);
    for (const node of [...two.nodes, ...ten.nodes]) {
      expect(node.versions.nodes).toHaveLength(2);
      expect(node.members).toHaveLength(2);
    }

    expect(two.statements['mini-programs']).toBeGreaterThan(0);
    expect(ten.statements).toEqual(two.statements);
  });

  it('costs the same again when read a second time', async () => {
    const [first, second] = [await readPage(large), await readPage(large)];
    expect(second.statements).toEqual(first.statements);
  });
});

const IsvOrdersWithMiniPrograms = graphql(`
  query IsvOrdersWithMiniPrograms($id: ID!) {
    workspace(id: $id) {
      orders(first: 20) {
        nodes {
          status
          miniProgram {
            name
            tagline
            status
          }
        }
      }
    }
  }
`);

describe("an ISV's orders with their mini programs (one authorized, the others seen as order parties)", () => {
  let isvOfTwo: SeededWorkspace;
  let isvOfSix: SeededWorkspace;

  /** Orders of `isv` on each mini program, the first one confirmed (the ISV holds the authorization there). */
  async function ordersOn(isv: SeededWorkspace, serviceId: string, merchant: SeededWorkspace, miniProgramIds: string[]) {
    for (const [i, miniProgramId] of miniProgramIds.entries()) {
      const deal = { merchant, isv, miniProgramId, serviceId };
      if (i === 0) await orderInDevelopment(deal);
      else await placeOrder(deal);
    }
  }

  beforeAll(async () => {
    const merchant = await createVerifiedMerchant(platform);
    const miniProgramIds: string[] = [];
    for (let i = 0; i < 8; i++) miniProgramIds.push((await createMiniProgram(merchant)).id);
    [isvOfTwo, isvOfSix] = await Promise.all([createVerifiedIsv(platform), createVerifiedIsv(platform)]);
    const [serviceOfTwo, serviceOfSix] = await Promise.all([createOnlineService(platform, isvOfTwo), createOnlineService(platform, isvOfSix)]);
    await ordersOn(isvOfTwo, serviceOfTwo.id, merchant, miniProgramIds.slice(0, 2));
    await ordersOn(isvOfSix, serviceOfSix.id, merchant, miniProgramIds.slice(2));
    // The authorizations reach MiniPrograms from Orders' events within milliseconds.
    await eventually(async () => {
      const { miniProgram } = await isvOfSix.owner.client.execute(MiniProgramDocument, { id: miniProgramIds[2]! });
      return miniProgram !== null;
    });
  }, 300_000);

  const readOrders = (isv: SeededWorkspace) =>
    measureSql(platform, isv.owner.token, (client) => client.execute(IsvOrdersWithMiniPrograms, { id: isv.id }));

  it('costs MiniPrograms the same statements for 2 distinct mini programs as for 6', async () => {
    const two = await readOrders(isvOfTwo);
    const six = await readOrders(isvOfSix);
    expect(two.data.workspace?.orders.nodes).toHaveLength(2);
    expect(six.data.workspace?.orders.nodes).toHaveLength(6);
    for (const node of [...two.data.workspace!.orders.nodes, ...six.data.workspace!.orders.nodes]) expect(node.miniProgram.status).toBe('ACTIVE');
    expect(two.statements['mini-programs']).toBeGreaterThan(0);
    expect(six.statements['mini-programs']).toBe(two.statements['mini-programs']);
    expect(six.statements).toEqual(two.statements);
  });
});
