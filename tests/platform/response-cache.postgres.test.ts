import { AddWorkspaceMemberDocument, createPlatformClient, ServiceDocument, UpdateServiceDocument } from '@mpp/client';
import { rowsOf } from '@mpp/kit';
import { addMember, createService, createVerifiedIsv, eventually, signUp, TestPlatform, type ReplicaGateway } from '@mpp/testkit';
import { sql } from 'drizzle-orm';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/index.js';

// Gateway replicas each keep their own answers (README "Response cache"): a change through one
// replica, or one whose notification was lost, must not leave another giving back what it read before.
let platform: TestPlatform;
let replica: ReplicaGateway;
beforeAll(async () => {
  platform = await TestPlatform.start();
  replica = await platform.startReplicaGateway();
});
afterAll(() => platform?.stop());

const viaReplica = (token: string) => createPlatformClient({ url: replica.url, token, webSocketImpl: WebSocket, retryAttempts: 0 });

describe('the response cache of a gateway replica', () => {
  it('shows a change made through another replica within moments', async () => {
    const isv = await createVerifiedIsv(platform);
    const service = await createService(isv, { name: 'Read on the replica' });
    const colleague = await addMember(platform, isv, 'MASTER');
    const owner = viaReplica(isv.owner.token);
    const nameOnReplica = async () => (await owner.execute(ServiceDocument, { id: service.id })).service?.name;
    expect(await nameOnReplica()).toBe('Read on the replica');
    expect(await nameOnReplica()).toBe('Read on the replica');

    // Through the other gateway: the replica hears of it from the commit's notification only.
    const { updateService } = await colleague.client.execute(UpdateServiceDocument, { input: { serviceId: service.id, name: 'Renamed elsewhere' } });
    expect(updateService.userErrors).toEqual([]);
    await eventually(async () => (await nameOnReplica()) === 'Renamed elsewhere', 2_000, 'the replica to show the change');
  });

  it('gives back nothing read before its LISTEN connection dropped, when changes may have gone unheard', async () => {
    const isv = await createVerifiedIsv(platform);
    const service = await createService(isv, { name: 'Before the connection dropped' });
    const owner = viaReplica(isv.owner.token);
    const nameOnReplica = async () => (await owner.execute(ServiceDocument, { id: service.id })).service?.name;
    expect(await nameOnReplica()).toBe('Before the connection dropped');
    expect(await nameOnReplica()).toBe('Before the connection dropped');

    const db = platform.platform.database.orm({});
    // The write commits just after every LISTEN connection of the test database (each gateway's and
    // each subgraph's) was cut, before any is back (they reconnect after 100 ms): its notification
    // reaches nobody.
    await db.transaction(async (tx) => {
      await tx.execute(sql`update market.services set name = 'Written while nobody listened' where id = ${service.id}`);
      const listeners = rowsOf<{ pid: number }>(await db.execute(sql`select pid from pg_stat_activity where datname = current_database() and query ilike 'listen %'`)).map((row) => row.pid);
      expect(listeners.length).toBeGreaterThanOrEqual(2);
      await db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where pid in (${sql.join(listeners.map((pid) => sql`${pid}`), sql`, `)})`);
      // Gone, not only told to go: a backend still there at the commit would be sent the notification.
      await eventually(async () => rowsOf(await db.execute(sql`select 1 from pg_stat_activity where pid in (${sql.join(listeners.map((pid) => sql`${pid}`), sql`, `)})`)).length === 0, 1_000, 'the listeners to end');
    });
    // Listening again (until then, the replica gives back nothing and is not ready).
    await eventually(async () => (await fetch(`${replica.origin}/readyz`)).status === 200, 10_000, 'the replica to listen again');
    // Answers are otherwise kept for 30 s: this sees the write only because the replica, listening
    // again, counted everything as changed.
    await eventually(async () => (await nameOnReplica()) === 'Written while nobody listened', 5_000, 'the replica to read afresh');
  });

  it("shows a grant made in Accounts to the very next query of a subgraph that authorizes from its copy of it, even while that copy lags", async () => {
    // ServiceMarket catches its copy of Accounts' events up before it refuses: read afresh, a new
    // member sees the draft at once. A kept answer must not hide that while the copy lags behind.
    const isv = await createVerifiedIsv(platform);
    const draft = await createService(isv, { name: 'Seen once a member' });
    const newcomer = await signUp(platform);
    // Asks ServiceMarket alone: the change in Accounts does not reach this answer through Accounts.
    const serviceName = graphql(`
      query ServiceNameOnly($id: ID!) {
        service(id: $id) {
          name
        }
      }
    `);
    const draftSeen = async () => (await newcomer.client.execute(serviceName, { id: draft.id })).service?.name ?? null;
    expect(await draftSeen()).toBeNull();
    expect(await draftSeen()).toBeNull();

    // ServiceMarket's copy of the memberships cannot change until the lock is released: no commit
    // of ServiceMarket signals anything meanwhile.
    const db = platform.platform.database.orm({});
    let unlock!: () => void;
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const lock = db.transaction(async (tx) => {
      await tx.execute(sql`lock table market.directory_members in exclusive mode`);
      locked();
      await new Promise<void>((resolve) => (unlock = resolve));
    });
    await isLocked;
    try {
      const { addWorkspaceMember } = await isv.owner.client.execute(AddWorkspaceMemberDocument, { input: { workspaceId: isv.id, email: newcomer.email, role: 'DEVELOPER' } });
      expect(addWorkspaceMember.userErrors).toEqual([]);
      const seen = draftSeen();
      // Read afresh, the query waits for ServiceMarket to catch up; the kept "null" would be back at once.
      const early = await Promise.race([seen, new Promise((resolve) => setTimeout(() => resolve('still waiting'), 300))]);
      expect(early).toBe('still waiting');
      unlock();
      expect(await seen).toBe('Seen once a member');
    } finally {
      unlock?.();
      await lock;
    }
  });
});
