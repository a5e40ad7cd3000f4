import { randomUUID } from 'node:crypto';
import { SubmitVerificationDocument, type VariablesArg } from '@mpp/client';
import {
  addMember,
  createWorkspace,
  signInAdmin,
  signUp,
  sqlStatementsPerService,
  TestPlatform,
  type Actor,
  type SeededWorkspace,
} from '@mpp/testkit';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/index.js';

const MemberEmails = graphql(`
  query BatchingMemberEmails($id: ID!) {
    workspace(id: $id) {
      members {
        role
        account {
          email
        }
      }
    }
  }
`);

const ReviewQueueWithMembers = graphql(`
  query BatchingReviewQueue($first: Int!) {
    pendingVerifications(first: $first) {
      nodes {
        name
        verification {
          status
          companyName
        }
        members {
          role
          account {
            email
          }
        }
      }
    }
  }
`);

const OwnWorkspacesWithMembers = graphql(`
  query BatchingOwnWorkspaces {
    viewer {
      memberships {
        role
        workspace {
          name
          verification {
            status
          }
          members {
            account {
              email
            }
          }
        }
      }
    }
  }
`);

let platform: TestPlatform;
let admin: Actor;
beforeAll(async () => {
  // What a subgraph does for each fetch is measured: the gateway keeps none of their answers here.
  platform = await TestPlatform.start({ env: { SUBGRAPH_CACHE_BYTES: '0' } });
  admin = await signInAdmin(platform);
});
afterAll(() => platform?.stop());

/** Runs `count` seeding steps, a few at a time (each signs up, which hashes a password). */
async function inBatches(count: number, step: () => Promise<unknown>, batchSize = 8): Promise<void> {
  for (let done = 0; done < count; done += batchSize) {
    await Promise.all(Array.from({ length: Math.min(batchSize, count - done) }, step));
  }
}

async function workspaceWithMembers(memberCount: number): Promise<SeededWorkspace> {
  const workspace = await createWorkspace(await signUp(platform), 'MERCHANT');
  await inBatches(memberCount - 1, () => addMember(platform, workspace, 'DEVELOPER'));
  return workspace;
}

/** The SQL statements per service for one request, and what it answered. */
async function measure<TData, TVariables>(
  viewer: Actor,
  document: TypedDocumentNode<TData, TVariables>,
  ...variables: VariablesArg<TVariables>
): Promise<{ statements: Record<string, number>; data: TData }> {
  const requestId = `batching-${randomUUID()}`;
  let data: TData | undefined;
  const statements = await sqlStatementsPerService(requestId, async () => {
    data = await platform.client(viewer.token, { 'x-request-id': requestId }).execute(document, ...variables);
  });
  return { statements, data: data! };
}

describe('the number of SQL statements does not grow with the number of items', () => {
  it('workspace(id) { members { account { email } } }: the same for 2 members and for 50', async () => {
    const small = await workspaceWithMembers(2);
    const large = await workspaceWithMembers(50);

    for (const viewerOf of [(workspace: SeededWorkspace) => workspace.owner, () => admin]) {
      const forSmall = await measure(viewerOf(small), MemberEmails, { id: small.id });
      const forLarge = await measure(viewerOf(large), MemberEmails, { id: large.id });

      expect(forSmall.data.workspace?.members).toHaveLength(2);
      expect(forLarge.data.workspace?.members).toHaveLength(50);
      expect(new Set(forLarge.data.workspace?.members.map((member) => member.account.email)).size).toBe(50);
      expect(forSmall.statements.accounts).toBeGreaterThan(0);
      expect(forLarge.statements).toEqual(forSmall.statements);
    }
  });

  it('pendingVerifications with each workspace\'s members: the same for a page of 2 and a page of 12', async () => {
    const applicant = await signUp(platform);
    for (let i = 0; i < 12; i++) {
      const workspace = await createWorkspace(applicant, 'ISV');
      await addMember(platform, workspace, 'MASTER');
      const { submitVerification } = await applicant.client.execute(SubmitVerificationDocument, {
        input: { workspaceId: workspace.id, companyName: `Queue Company ${i}`, registrationNumber: `Q-${i}`, country: 'SG' },
      });
      expect(submitVerification.userErrors).toEqual([]);
    }

    const pageOfTwo = await measure(admin, ReviewQueueWithMembers, { first: 2 });
    const pageOfTwelve = await measure(admin, ReviewQueueWithMembers, { first: 12 });

    expect(pageOfTwo.data.pendingVerifications.nodes).toHaveLength(2);
    expect(pageOfTwelve.data.pendingVerifications.nodes).toHaveLength(12);
    expect(pageOfTwelve.data.pendingVerifications.nodes.every((node) => node.members.length === 2)).toBe(true);
    expect(pageOfTwelve.statements).toEqual(pageOfTwo.statements);
  });

  it('viewer { memberships { workspace { members } } }: the same for 2 workspaces and for 12', async () => {
    const [fewWorkspaces, manyWorkspaces] = await Promise.all([signUp(platform), signUp(platform)]);
    for (let i = 0; i < 2; i++) await createWorkspace(fewWorkspaces, 'MERCHANT');
    for (let i = 0; i < 12; i++) await createWorkspace(manyWorkspaces, i % 2 ? 'MERCHANT' : 'ISV');

    const few = await measure(fewWorkspaces, OwnWorkspacesWithMembers);
    const many = await measure(manyWorkspaces, OwnWorkspacesWithMembers);

    expect(few.data.viewer?.memberships).toHaveLength(2);
    expect(many.data.viewer?.memberships).toHaveLength(12);
    expect(many.statements).toEqual(few.statements);
  });
});
