import { randomUUID } from 'node:crypto';
import {
  AddWorkspaceMemberDocument,
  CreateWorkspaceDocument,
  RemoveWorkspaceMemberDocument,
  SubmitVerificationDocument,
  UpdateWorkspaceMemberRoleDocument,
  ViewerDocument,
  WorkspaceDocument,
  type WorkspaceRole,
} from '@mpp/client';
import { addMember, createWorkspace, signInAdmin, signUp, TestPlatform, type Actor, type SeededWorkspace } from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/index.js';
import { expectGraphQLError, userError } from '../support/expectations.js';
import { workspaceEntities } from '../support/subgraph.js';

const LeaveOrRemoveMember = graphql(`
  mutation MembersLeaveOrRemove($input: RemoveWorkspaceMemberInput!) {
    removeWorkspaceMember(input: $input) {
      workspace {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

const TeamMemberships = graphql(`
  query MembersTeamMemberships($id: ID!) {
    workspace(id: $id) {
      members {
        account {
          id
          memberships {
            role
            workspace {
              id
            }
          }
        }
      }
    }
  }
`);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let platform: TestPlatform;
let admin: Actor;
beforeAll(async () => {
  platform = await TestPlatform.start();
  admin = await signInAdmin(platform);
});
afterAll(() => platform?.stop());

interface Team {
  workspace: SeededWorkspace;
  owner: Actor;
  master: Actor;
  developer: Actor;
}

/** A merchant workspace with one member of each role. */
async function createTeam(): Promise<Team> {
  const owner = await signUp(platform);
  const workspace = await createWorkspace(owner, 'MERCHANT');
  const [master, developer] = await Promise.all([addMember(platform, workspace, 'MASTER'), addMember(platform, workspace, 'DEVELOPER')]);
  return { workspace, owner, master, developer };
}

/** accountId → role, as the workspace's OWNER (or `viewer`) reads the member list. */
async function rolesIn(workspaceId: string, viewer: Actor): Promise<Record<string, WorkspaceRole>> {
  const { workspace } = await viewer.client.execute(WorkspaceDocument, { id: workspaceId });
  return Object.fromEntries((workspace?.members ?? []).map((member) => [member.account.id, member.role]));
}

async function addWorkspaceMember(actor: Actor, workspaceId: string, email: string, role: WorkspaceRole) {
  return (await actor.client.execute(AddWorkspaceMemberDocument, { input: { workspaceId, email, role } })).addWorkspaceMember;
}

async function removeWorkspaceMember(actor: Actor, workspaceId: string, accountId: string) {
  return (await actor.client.execute(LeaveOrRemoveMember, { input: { workspaceId, accountId } })).removeWorkspaceMember;
}

async function changeRole(actor: Actor, workspaceId: string, accountId: string, role: WorkspaceRole) {
  return (await actor.client.execute(UpdateWorkspaceMemberRoleDocument, { input: { workspaceId, accountId, role } }))
    .updateWorkspaceMemberRole;
}

describe('createWorkspace', () => {
  it('creates ISV and MERCHANT workspaces, unverified, with the creator as their only member and OWNER', async () => {
    const creator = await signUp(platform);
    for (const kind of ['ISV', 'MERCHANT'] as const) {
      const { createWorkspace: payload } = await creator.client.execute(CreateWorkspaceDocument, { input: { kind, name: `Acme ${kind}` } });
      expect(payload.userErrors).toEqual([]);
      expect(payload.workspace).toMatchObject({
        id: expect.stringMatching(UUID),
        kind,
        name: `Acme ${kind}`,
        verification: {
          status: 'UNVERIFIED',
          companyName: null,
          registrationNumber: null,
          country: null,
          submittedAt: null,
          reviewedAt: null,
          rejectionReason: null,
        },
        members: [{ role: 'OWNER', account: { id: creator.id, email: creator.email } }],
      });
    }

    const { viewer } = await creator.client.execute(ViewerDocument);
    expect(viewer?.memberships.map((m) => [m.workspace.kind, m.workspace.name, m.role])).toEqual([
      ['ISV', 'Acme ISV', 'OWNER'],
      ['MERCHANT', 'Acme MERCHANT', 'OWNER'],
    ]);
  });

  it('needs a name of 2 to 60 characters once trimmed', async () => {
    const creator = await signUp(platform);
    const create = async (name: string) =>
      (await creator.client.execute(CreateWorkspaceDocument, { input: { kind: 'MERCHANT', name } })).createWorkspace;

    expect(await create(' A ')).toEqual({ workspace: null, userErrors: [userError('INVALID', 'name')] });
    expect((await create('AB')).userErrors).toEqual([]);
    const sixty = await create(`  ${'n'.repeat(60)}  `);
    expect(sixty.workspace?.name).toBe('n'.repeat(60));
    expect((await create('n'.repeat(61))).userErrors).toEqual([userError('INVALID', 'name')]);
    expect((await create('Bad\u0000Name')).userErrors).toEqual([userError('INVALID', 'name')]);
  });

  it('refuses to create a PLATFORM workspace, reporting every broken field at once', async () => {
    const creator = await signUp(platform);
    const { createWorkspace: platformKind } = await creator.client.execute(CreateWorkspaceDocument, { input: { kind: 'PLATFORM', name: 'Second platform' } });
    expect(platformKind).toEqual({ workspace: null, userErrors: [userError('INVALID', 'kind')] });

    const { createWorkspace: both } = await creator.client.execute(CreateWorkspaceDocument, { input: { kind: 'PLATFORM', name: 'x' } });
    expect(both.userErrors).toHaveLength(2);
    expect(both.userErrors).toEqual(expect.arrayContaining([userError('INVALID', 'kind'), userError('INVALID', 'name')]));

    const { viewer } = await creator.client.execute(ViewerDocument);
    expect(viewer?.memberships).toEqual([]);
  });
});

describe('addWorkspaceMember', () => {
  let team: Team;
  beforeAll(async () => {
    team = await createTeam();
  });

  it('lets the OWNER add an existing account by email, with a role', async () => {
    const newcomer = await signUp(platform);
    // Emails are matched as stored: lower-cased.
    const payload = await addWorkspaceMember(team.owner, team.workspace.id, newcomer.email.toUpperCase(), 'DEVELOPER');
    expect(payload.userErrors).toEqual([]);
    expect(payload.workspace?.members).toContainEqual(expect.objectContaining({ role: 'DEVELOPER', account: expect.objectContaining({ id: newcomer.id }) }));

    const { viewer } = await newcomer.client.execute(ViewerDocument);
    expect(viewer?.memberships).toEqual([expect.objectContaining({ role: 'DEVELOPER', workspace: expect.objectContaining({ id: team.workspace.id }) })]);
  });

  it('can add another OWNER', async () => {
    const coOwner = await signUp(platform);
    expect((await addWorkspaceMember(team.owner, team.workspace.id, coOwner.email, 'OWNER')).userErrors).toEqual([]);
    expect((await rolesIn(team.workspace.id, team.owner))[coOwner.id]).toBe('OWNER');
  });

  it('answers NOT_FOUND on email when no account has it, and INVALID when it is no email', async () => {
    expect(await addWorkspaceMember(team.owner, team.workspace.id, 'nobody.here@example.com', 'MASTER')).toEqual({
      workspace: null,
      userErrors: [userError('NOT_FOUND', 'email')],
    });
    expect((await addWorkspaceMember(team.owner, team.workspace.id, 'not an email', 'MASTER')).userErrors).toEqual([userError('INVALID', 'email')]);
  });

  it('answers TAKEN on email when the account is already a member, whatever its role', async () => {
    for (const member of [team.owner, team.master, team.developer]) {
      expect(await addWorkspaceMember(team.owner, team.workspace.id, member.email, 'MASTER')).toEqual({
        workspace: null,
        userErrors: [userError('TAKEN', 'email')],
      });
    }
    const roles = await rolesIn(team.workspace.id, team.owner);
    expect([roles[team.owner.id], roles[team.master.id], roles[team.developer.id]]).toEqual(['OWNER', 'MASTER', 'DEVELOPER']);
  });

  it('is FORBIDDEN to a MASTER, a DEVELOPER, an outsider and the platform admin', async () => {
    const candidate = await signUp(platform);
    const outsider = await signUp(platform);
    for (const actor of [team.master, team.developer, outsider, admin]) {
      await expectGraphQLError(addWorkspaceMember(actor, team.workspace.id, candidate.email, 'DEVELOPER'), 'FORBIDDEN');
    }
    expect(await rolesIn(team.workspace.id, team.owner)).not.toHaveProperty(candidate.id);
  });

  it('answers NOT_FOUND on workspaceId for a workspace that does not exist, or an id that is no UUID', async () => {
    const candidate = await signUp(platform);
    for (const workspaceId of [randomUUID(), 'not-a-uuid', '']) {
      expect(await addWorkspaceMember(team.owner, workspaceId, candidate.email, 'DEVELOPER'), workspaceId).toEqual({
        workspace: null,
        userErrors: [userError('NOT_FOUND', 'workspaceId')],
      });
    }
  });
});

describe('updateWorkspaceMemberRole', () => {
  it('lets the OWNER change a member\'s role, which changes what the member may do', async () => {
    const team = await createTeam();
    const payload = await changeRole(team.owner, team.workspace.id, team.developer.id, 'OWNER');
    expect(payload.userErrors).toEqual([]);
    expect(payload.workspace?.members).toContainEqual(expect.objectContaining({ role: 'OWNER', account: expect.objectContaining({ id: team.developer.id }) }));

    // Now an OWNER, the former developer may manage members.
    const newcomer = await signUp(platform);
    expect((await addWorkspaceMember(team.developer, team.workspace.id, newcomer.email, 'DEVELOPER')).userErrors).toEqual([]);

    expect((await changeRole(team.owner, team.workspace.id, team.master.id, 'DEVELOPER')).userErrors).toEqual([]);
    await expectGraphQLError(addWorkspaceMember(team.master, team.workspace.id, (await signUp(platform)).email, 'DEVELOPER'), 'FORBIDDEN');
  });

  it('is FORBIDDEN to a MASTER, a DEVELOPER (even for themselves), an outsider and the platform admin', async () => {
    const team = await createTeam();
    const outsider = await signUp(platform);
    await expectGraphQLError(changeRole(team.master, team.workspace.id, team.developer.id, 'MASTER'), 'FORBIDDEN');
    await expectGraphQLError(changeRole(team.developer, team.workspace.id, team.developer.id, 'OWNER'), 'FORBIDDEN');
    await expectGraphQLError(changeRole(team.master, team.workspace.id, team.master.id, 'OWNER'), 'FORBIDDEN');
    await expectGraphQLError(changeRole(outsider, team.workspace.id, team.developer.id, 'OWNER'), 'FORBIDDEN');
    await expectGraphQLError(changeRole(admin, team.workspace.id, team.developer.id, 'OWNER'), 'FORBIDDEN');

    const roles = await rolesIn(team.workspace.id, team.owner);
    expect([roles[team.master.id], roles[team.developer.id]]).toEqual(['MASTER', 'DEVELOPER']);
  });

  it('answers NOT_FOUND on accountId for an account that is not a member, or an id that is no UUID', async () => {
    const team = await createTeam();
    const outsider = await signUp(platform);
    for (const accountId of [outsider.id, randomUUID(), 'not-a-uuid']) {
      expect(await changeRole(team.owner, team.workspace.id, accountId, 'MASTER'), accountId).toEqual({
        workspace: null,
        userErrors: [userError('NOT_FOUND', 'accountId')],
      });
    }
    expect((await changeRole(team.owner, 'not-a-uuid', team.master.id, 'OWNER')).userErrors).toEqual([userError('NOT_FOUND', 'workspaceId')]);
  });

  it('never demotes the last OWNER', async () => {
    const team = await createTeam();
    expect(await changeRole(team.owner, team.workspace.id, team.owner.id, 'MASTER')).toEqual({
      workspace: null,
      userErrors: [userError('INVALID_STATE', 'accountId')],
    });

    // With a second OWNER, the first may step down; then the second is the last one.
    expect((await changeRole(team.owner, team.workspace.id, team.master.id, 'OWNER')).userErrors).toEqual([]);
    expect((await changeRole(team.owner, team.workspace.id, team.owner.id, 'DEVELOPER')).userErrors).toEqual([]);
    expect((await changeRole(team.master, team.workspace.id, team.master.id, 'MASTER')).userErrors).toEqual([userError('INVALID_STATE', 'accountId')]);

    const roles = await rolesIn(team.workspace.id, team.master);
    expect([roles[team.owner.id], roles[team.master.id], roles[team.developer.id]]).toEqual(['DEVELOPER', 'OWNER', 'DEVELOPER']);
  });

  it('keeps one OWNER when two OWNERs demote each other at the same moment', async () => {
    const team = await createTeam();
    await changeRole(team.owner, team.workspace.id, team.master.id, 'OWNER');
    const results = await Promise.all([
      team.owner.client.request(UpdateWorkspaceMemberRoleDocument, { input: { workspaceId: team.workspace.id, accountId: team.master.id, role: 'MASTER' } }),
      team.master.client.request(UpdateWorkspaceMemberRoleDocument, { input: { workspaceId: team.workspace.id, accountId: team.owner.id, role: 'MASTER' } }),
    ]);
    const succeeded = results.filter((result) => result.data?.updateWorkspaceMemberRole.userErrors.length === 0);
    expect(succeeded).toHaveLength(1);

    const roles = await rolesIn(team.workspace.id, admin);
    expect(Object.values(roles).filter((role) => role === 'OWNER')).toHaveLength(1);
  });
});

describe('removeWorkspaceMember', () => {
  it('lets the OWNER remove any member, who then loses access', async () => {
    const team = await createTeam();
    const { removeWorkspaceMember: payload } = await team.owner.client.execute(RemoveWorkspaceMemberDocument, {
      input: { workspaceId: team.workspace.id, accountId: team.developer.id },
    });
    expect(payload.userErrors).toEqual([]);
    expect(payload.workspace?.members.map((m) => m.account.id).sort()).toEqual([team.owner.id, team.master.id].sort());

    expect((await removeWorkspaceMember(team.owner, team.workspace.id, team.master.id)).userErrors).toEqual([]);
    expect(Object.keys(await rolesIn(team.workspace.id, team.owner))).toEqual([team.owner.id]);

    for (const removed of [team.developer, team.master]) {
      expect(await removed.client.execute(WorkspaceDocument, { id: team.workspace.id })).toEqual({ workspace: null });
      expect((await removed.client.execute(ViewerDocument)).viewer?.memberships).toEqual([]);
    }
  });

  it('lets any member leave', async () => {
    const team = await createTeam();
    expect(await removeWorkspaceMember(team.developer, team.workspace.id, team.developer.id)).toEqual({
      workspace: { id: team.workspace.id },
      userErrors: [],
    });
    expect((await removeWorkspaceMember(team.master, team.workspace.id, team.master.id)).userErrors).toEqual([]);
    expect(Object.keys(await rolesIn(team.workspace.id, team.owner))).toEqual([team.owner.id]);
    expect(await team.master.client.execute(WorkspaceDocument, { id: team.workspace.id })).toEqual({ workspace: null });
  });

  it('is FORBIDDEN when a MASTER, a DEVELOPER, an outsider or the platform admin removes someone else', async () => {
    const team = await createTeam();
    const outsider = await signUp(platform);
    await expectGraphQLError(removeWorkspaceMember(team.master, team.workspace.id, team.developer.id), 'FORBIDDEN');
    await expectGraphQLError(removeWorkspaceMember(team.developer, team.workspace.id, team.master.id), 'FORBIDDEN');
    await expectGraphQLError(removeWorkspaceMember(team.master, team.workspace.id, team.owner.id), 'FORBIDDEN');
    await expectGraphQLError(removeWorkspaceMember(outsider, team.workspace.id, team.developer.id), 'FORBIDDEN');
    await expectGraphQLError(removeWorkspaceMember(admin, team.workspace.id, team.developer.id), 'FORBIDDEN');
    // "Leaving" a workspace one is not in is no way around the rule.
    await expectGraphQLError(removeWorkspaceMember(outsider, team.workspace.id, outsider.id), 'FORBIDDEN');

    expect(Object.keys(await rolesIn(team.workspace.id, team.owner))).toHaveLength(3);
  });

  it('never removes the last OWNER, who cannot leave either', async () => {
    const team = await createTeam();
    expect(await removeWorkspaceMember(team.owner, team.workspace.id, team.owner.id)).toEqual({
      workspace: null,
      userErrors: [userError('INVALID_STATE', 'accountId')],
    });
    expect((await rolesIn(team.workspace.id, team.owner))[team.owner.id]).toBe('OWNER');

    // With a second OWNER, either may remove the other or leave, but never the last one.
    expect((await changeRole(team.owner, team.workspace.id, team.master.id, 'OWNER')).userErrors).toEqual([]);
    expect((await removeWorkspaceMember(team.master, team.workspace.id, team.owner.id)).userErrors).toEqual([]);
    expect((await removeWorkspaceMember(team.master, team.workspace.id, team.master.id)).userErrors).toEqual([userError('INVALID_STATE', 'accountId')]);
    expect(await rolesIn(team.workspace.id, team.master)).toEqual({ [team.master.id]: 'OWNER', [team.developer.id]: 'DEVELOPER' });
  });

  it('keeps one OWNER when two OWNERs remove each other at the same moment', async () => {
    const team = await createTeam();
    await changeRole(team.owner, team.workspace.id, team.master.id, 'OWNER');
    const results = await Promise.all([
      team.owner.client.request(LeaveOrRemoveMember, { input: { workspaceId: team.workspace.id, accountId: team.master.id } }),
      team.master.client.request(LeaveOrRemoveMember, { input: { workspaceId: team.workspace.id, accountId: team.owner.id } }),
    ]);
    const succeeded = results.filter((result) => result.data?.removeWorkspaceMember.userErrors.length === 0);
    expect(succeeded).toHaveLength(1);

    const roles = await rolesIn(team.workspace.id, admin);
    expect(Object.values(roles).filter((role) => role === 'OWNER')).toHaveLength(1);
  });

  it('answers NOT_FOUND on accountId for a non-member, and on workspaceId for an unknown workspace', async () => {
    const team = await createTeam();
    const outsider = await signUp(platform);
    for (const accountId of [outsider.id, randomUUID(), 'not-a-uuid']) {
      expect(await removeWorkspaceMember(team.owner, team.workspace.id, accountId), accountId).toEqual({
        workspace: null,
        userErrors: [userError('NOT_FOUND', 'accountId')],
      });
    }
    for (const workspaceId of [randomUUID(), 'not-a-uuid']) {
      expect((await removeWorkspaceMember(team.owner, workspaceId, team.developer.id)).userErrors).toEqual([userError('NOT_FOUND', 'workspaceId')]);
    }
  });
});

describe('who sees what', () => {
  let team: Team;
  let outsider: Actor;
  beforeAll(async () => {
    team = await createTeam();
    outsider = await signUp(platform);
    const { submitVerification } = await team.owner.client.execute(SubmitVerificationDocument, {
      input: { workspaceId: team.workspace.id, companyName: 'Visible Trading Pte Ltd', registrationNumber: '201912345K', country: 'SG' },
    });
    expect(submitVerification.userErrors).toEqual([]);
  });

  it('workspace(id) is visible to each member and to the platform, null for anyone else', async () => {
    for (const viewer of [team.owner, team.master, team.developer, admin]) {
      const { workspace } = await viewer.client.execute(WorkspaceDocument, { id: team.workspace.id });
      expect(workspace?.id).toBe(team.workspace.id);
      expect(workspace?.members).toHaveLength(3);
      expect(workspace?.verification).toMatchObject({ status: 'PENDING', companyName: 'Visible Trading Pte Ltd', country: 'SG' });
    }
    expect(await outsider.client.execute(WorkspaceDocument, { id: team.workspace.id })).toEqual({ workspace: null });
  });

  it('workspace(id) is null for an id that names nothing, never an error', async () => {
    for (const id of [randomUUID(), 'not-a-uuid', '', "'; drop table accounts; --", 'x'.repeat(500)]) {
      expect(await team.owner.client.execute(WorkspaceDocument, { id }), id).toEqual({ workspace: null });
    }
  });

  it('verification status is public, its details only for members and the platform', async () => {
    const selection = 'id verification { status companyName registrationNumber country submittedAt reviewedAt rejectionReason }';
    const hidden = { status: 'PENDING', companyName: null, registrationNumber: null, country: null, submittedAt: null, reviewedAt: null, rejectionReason: null };

    const asStranger = await workspaceEntities(platform, [team.workspace.id], selection, outsider.token);
    expect(asStranger.data?._entities).toEqual([{ id: team.workspace.id, verification: hidden }]);
    // Not signed in: no workspace at all, as `workspace(id)` would answer.
    const anonymous = await workspaceEntities(platform, [team.workspace.id], selection, null);
    expect(anonymous.data?._entities).toEqual([null]);
    for (const insider of [team.developer, admin]) {
      const asInsider = await workspaceEntities(platform, [team.workspace.id], selection, insider.token);
      expect(asInsider.data?._entities).toEqual([
        {
          id: team.workspace.id,
          verification: { ...hidden, companyName: 'Visible Trading Pte Ltd', registrationNumber: '201912345K', country: 'SG', submittedAt: expect.any(String) },
        },
      ]);
    }
  });

  it('members are listed to every member and the platform, FORBIDDEN to anyone else', async () => {
    const asOutsider = await workspaceEntities(platform, [team.workspace.id], 'members { role }', outsider.token);
    expect(asOutsider.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);

    const asDeveloper = await workspaceEntities<{ members: { role: string }[] }>(platform, [team.workspace.id], 'members { role }', team.developer.token);
    expect(asDeveloper.errors).toBeUndefined();
    expect(asDeveloper.data?._entities[0]?.members.map((m) => m.role).sort()).toEqual(['DEVELOPER', 'MASTER', 'OWNER']);
  });

  it('an account sees its own memberships, the platform sees anyone\'s, other members get FORBIDDEN', async () => {
    const { viewer } = await team.developer.client.execute(ViewerDocument);
    expect(viewer?.memberships).toEqual([expect.objectContaining({ role: 'DEVELOPER', workspace: expect.objectContaining({ id: team.workspace.id }) })]);

    const { workspace } = await admin.client.execute(TeamMemberships, { id: team.workspace.id });
    const membershipsOf = Object.fromEntries((workspace?.members ?? []).map((m) => [m.account.id, m.account.memberships]));
    expect(membershipsOf[team.developer.id]).toEqual([{ role: 'DEVELOPER', workspace: { id: team.workspace.id } }]);
    expect(membershipsOf[team.owner.id]).toEqual([{ role: 'OWNER', workspace: { id: team.workspace.id } }]);

    await expectGraphQLError(team.owner.client.execute(TeamMemberships, { id: team.workspace.id }), 'FORBIDDEN');
  });
});
