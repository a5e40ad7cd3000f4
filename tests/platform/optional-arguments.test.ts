import type { HttpResult } from '@mpp/client';
import { createMiniProgram, createService, createVerifiedIsv, createVerifiedMerchant, signInAdmin, TestPlatform, type Actor, type SeededWorkspace } from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/index.js';

// Every optional argument and optional input field of every subgraph, left out: the answer is
// what an explicit null gives, never "Internal server error".

let platform: TestPlatform;
let admin: Actor;
let merchant: SeededWorkspace;
let isv: SeededWorkspace;
let miniProgramId: string;
beforeAll(async () => {
  platform = await TestPlatform.start();
  [admin, merchant, isv] = await Promise.all([signInAdmin(platform), createVerifiedMerchant(platform), createVerifiedIsv(platform)]);
  miniProgramId = (await createMiniProgram(merchant)).id;
});
afterAll(() => platform?.stop());

function expectNoInternalError(result: HttpResult<unknown>): void {
  for (const error of result.errors ?? []) expect(error.extensions?.code, JSON.stringify(error)).not.toBe('INTERNAL_SERVER_ERROR');
}

describe('optional arguments left out', () => {
  it('Accounts: pendingVerifications without first and after', async () => {
    const result = await admin.client.request(
      graphql(`
        query OptionalPendingVerifications {
          pendingVerifications {
            nodes {
              id
            }
          }
        }
      `),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.pendingVerifications.nodes).toBeInstanceOf(Array);
  });

  it('MiniPrograms: qrCode without page', async () => {
    const result = await merchant.owner.client.request(
      graphql(`
        query OptionalQrCodePage($id: ID!) {
          miniProgram(id: $id) {
            qrCode(kind: RELEASE) {
              url
              svg
            }
          }
        }
      `),
      { id: miniProgramId },
    );
    expectNoInternalError(result);
    // Nothing is released yet: the rule's own error, as with `page: null`.
    expect(result.errors?.[0]?.extensions?.code).toBe('INVALID_STATE');
  });

  it('MiniPrograms: versions, domains and the workspace list without their optional arguments', async () => {
    const result = await merchant.owner.client.request(
      graphql(`
        query OptionalMiniProgramLists($id: ID!, $workspaceId: ID!) {
          miniProgram(id: $id) {
            versions {
              nodes {
                id
              }
            }
            domains
          }
          workspace(id: $workspaceId) {
            miniPrograms {
              nodes {
                id
              }
            }
          }
        }
      `),
      { id: miniProgramId, workspaceId: merchant.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.miniProgram?.versions.nodes).toEqual([]);
    expect(result.data?.miniProgram?.domains).toEqual([]);
    expect(result.data?.workspace?.miniPrograms.nodes.map((n) => n.id)).toContain(miniProgramId);
  });

  it('MiniPrograms: versionsPendingReview without first and after', async () => {
    const result = await admin.client.request(
      graphql(`
        query OptionalVersionsPendingReview {
          versionsPendingReview {
            nodes {
              id
            }
          }
        }
      `),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.versionsPendingReview.nodes).toBeInstanceOf(Array);
  });

  it('Orders: a workspace’s orders without status, first and after', async () => {
    const result = await merchant.owner.client.request(
      graphql(`
        query OptionalWorkspaceOrders($workspaceId: ID!) {
          workspace(id: $workspaceId) {
            orders {
              totalCount
            }
          }
        }
      `),
      { workspaceId: merchant.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.workspace?.orders.totalCount).toBe(0);
  });

  it('ServiceMarket: servicesPendingReview, a workspace’s services, and the market without filter, first and after', async () => {
    const draft = await createService(isv);
    const result = await admin.client.request(
      graphql(`
        query OptionalServiceLists($workspaceId: ID!) {
          servicesPendingReview {
            totalCount
          }
          workspace(id: $workspaceId) {
            services {
              nodes {
                id
              }
            }
          }
          serviceMarket {
            totalCount
          }
          emptyFilter: serviceMarket(filter: {}) {
            totalCount
          }
          searchOnly: serviceMarket(filter: { search: "nothing matches this" }) {
            totalCount
          }
        }
      `),
      { workspaceId: isv.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.workspace?.services.nodes.map((n) => n.id)).toContain(draft.id);
    expect(result.data?.emptyFilter.totalCount).toBe(result.data?.serviceMarket.totalCount);
    expect(result.data?.searchOnly.totalCount).toBe(0);
  });
});

describe('optional input fields left out', () => {
  it('updateService and updateMiniProgram change only the fields given', async () => {
    const draft = await createService(isv);
    const service = await isv.owner.client.request(
      graphql(`
        mutation OptionalUpdateService($input: UpdateServiceInput!) {
          updateService(input: $input) {
            service {
              name
              description
            }
            userErrors {
              code
              field
            }
          }
        }
      `),
      { input: { serviceId: draft.id, name: 'Renamed studio service' } },
    );
    expect(service.errors).toBeUndefined();
    expect(service.data?.updateService.userErrors).toEqual([]);
    expect(service.data?.updateService.service).toMatchObject({ name: 'Renamed studio service', description: draft.description });

    const miniProgram = await merchant.owner.client.request(
      graphql(`
        mutation OptionalUpdateMiniProgram($input: UpdateMiniProgramInput!) {
          updateMiniProgram(input: $input) {
            miniProgram {
              name
              tagline
            }
            userErrors {
              code
              field
            }
          }
        }
      `),
      { input: { miniProgramId, tagline: 'Only the tagline changes' } },
    );
    expect(miniProgram.errors).toBeUndefined();
    expect(miniProgram.data?.updateMiniProgram.userErrors).toEqual([]);
    expect(miniProgram.data?.updateMiniProgram.miniProgram?.tagline).toBe('Only the tagline changes');
  });

  it('updateService with a companyInfo that leaves out its optional fields', async () => {
    const draft = await createService(isv);
    const result = await isv.owner.client.request(
      graphql(`
        mutation OptionalCompanyInfo($input: UpdateServiceInput!) {
          updateService(input: $input) {
            service {
              companyInfo {
                name
                website
                contactPhone
              }
            }
            userErrors {
              code
              field
            }
          }
        }
      `),
      { input: { serviceId: draft.id, companyInfo: { name: 'Studio Pte Ltd', contactEmail: 'sales@studio.example' } } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.updateService.userErrors).toEqual([]);
    expect(result.data?.updateService.service?.companyInfo).toEqual({ name: 'Studio Pte Ltd', website: null, contactPhone: null });
  });
});
