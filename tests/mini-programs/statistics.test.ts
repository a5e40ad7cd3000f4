import { MiniProgramStatisticsDocument, RecordVisitsDocument, ViewerDocument, type VisitInput } from '@mpp/client';
import {
  addMember,
  createMiniProgram,
  createVerifiedIsv,
  createVerifiedMerchant,
  signInAdmin,
  signUp,
  TestPlatform,
  type Actor,
  type SeededWorkspace,
} from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, userError, utcDay } from './support.js';

let platform: TestPlatform;
let admin: Actor;
let merchant: SeededWorkspace;

beforeAll(async () => {
  platform = await TestPlatform.start();
  [admin, merchant] = await Promise.all([signInAdmin(platform), createVerifiedMerchant(platform)]);
});
afterAll(() => platform?.stop());

const visit = (visitorId: string, at: Date, page = 'pages/index/index'): VisitInput => ({ visitorId, page, occurredAt: at.toISOString() });

async function record(actor: Actor, miniProgramId: string, visits: VisitInput[]) {
  const { recordVisits } = await actor.client.execute(RecordVisitsDocument, { input: { miniProgramId, visits } });
  return recordVisits;
}

async function statistics(actor: Actor, id: string, days: number) {
  const { miniProgram } = await actor.client.execute(MiniProgramStatisticsDocument, { id, days });
  return miniProgram!.statistics;
}

/** `count` distinct visits within the last hour. */
const recentVisits = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, i) => visit(`${prefix}-${i}`, new Date(Date.now() - 60_000 - i)));

describe('recording visits: the super app feed', () => {
  let miniProgramId: string;
  beforeAll(async () => {
    miniProgramId = (await createMiniProgram(merchant)).id;
  });

  it('is for platform members only', async () => {
    const { viewer } = await admin.client.execute(ViewerDocument);
    const platformWorkspace = viewer!.memberships.find((m) => m.workspace.kind === 'PLATFORM')!.workspace;
    const operator = await addMember(platform, { id: platformWorkspace.id, name: platformWorkspace.name, kind: 'PLATFORM', owner: admin }, 'DEVELOPER');
    expect(await record(operator, miniProgramId, [visit('operator-feed', utcDay(1, 8))])).toEqual({ accepted: 1, userErrors: [] });

    const [isv, developer] = await Promise.all([createVerifiedIsv(platform), addMember(platform, merchant, 'DEVELOPER')]);
    for (const actor of [merchant.owner, developer, isv.owner]) {
      expect(await errorCode(record(actor, miniProgramId, [visit('forged', new Date())]))).toBe('FORBIDDEN');
    }
    expect(await errorCode(platform.client().execute(RecordVisitsDocument, { input: { miniProgramId, visits: [visit('anon', new Date())] } }))).toBe(
      'UNAUTHENTICATED',
    );
    expect((await statistics(merchant.owner, miniProgramId, 7)).totalVisits).toBe(1);
  });

  it('refuses an unknown mini program (NOT_FOUND)', async () => {
    const payload = await record(admin, '0190f1e6-3c4b-7cc2-9d8e-5f1a2b3c4d5e', [visit('v', new Date())]);
    expect(payload).toEqual({ accepted: 0, userErrors: [userError('NOT_FOUND', 'miniProgramId')] });
  });

  it('takes 1 to 1000 visits a batch', async () => {
    const before = (await statistics(admin, miniProgramId, 2)).totalVisits;
    expect(await record(admin, miniProgramId, [])).toEqual({ accepted: 0, userErrors: [userError('INVALID', 'visits')] });
    expect(await record(admin, miniProgramId, recentVisits(1001, 'too-many'))).toEqual({ accepted: 0, userErrors: [userError('INVALID', 'visits')] });
    expect((await statistics(admin, miniProgramId, 2)).totalVisits).toBe(before);

    expect(await record(admin, miniProgramId, recentVisits(1000, 'batch'))).toEqual({ accepted: 1000, userErrors: [] });
    expect((await statistics(admin, miniProgramId, 2)).totalVisits).toBe(before + 1000);
  });

  it('counts a replayed visit (same visitor, page and instant) once', async () => {
    const at = utcDay(2, 10);
    const batch = [visit('replay-a', at), visit('replay-b', at), visit('replay-a', at, 'pages/menu/index')];
    expect((await record(admin, miniProgramId, batch)).accepted).toBe(3);
    expect((await record(admin, miniProgramId, batch)).accepted).toBe(0);
    // Twice in one batch counts once, too.
    expect((await record(admin, miniProgramId, [visit('replay-c', at), visit('replay-c', at)])).accepted).toBe(1);
    // A partly new batch: only the new visits count.
    const later = new Date(at.getTime() + 1);
    expect((await record(admin, miniProgramId, [...batch, visit('replay-a', later)])).accepted).toBe(1);
    const day = (await statistics(admin, miniProgramId, 7)).days.find((d) => d.date === at.toISOString().slice(0, 10));
    expect(day).toEqual({ date: at.toISOString().slice(0, 10), visits: 5, uniqueVisitors: 3 });
  });

  it('refuses visits from the future, and the batch they came in', async () => {
    const before = (await statistics(admin, miniProgramId, 2)).totalVisits;
    const future = new Date(Date.now() + 60 * 60 * 1000);
    const payload = await record(admin, miniProgramId, [visit('now', new Date(Date.now() - 1000)), visit('tomorrow', future)]);
    expect(payload).toEqual({ accepted: 0, userErrors: [userError('INVALID', 'visits', '1', 'occurredAt')] });
    expect((await statistics(admin, miniProgramId, 2)).totalVisits).toBe(before);
  });
});

describe('statistics of the last days', () => {
  let miniProgramId: string;
  /** Every visit recorded for this mini program. */
  const recorded: VisitInput[] = [];

  beforeAll(async () => {
    miniProgramId = (await createMiniProgram(merchant)).id;
    recorded.push(
      visit('alice', utcDay(10, 9)),
      visit('alice', utcDay(3, 1)),
      visit('alice', utcDay(3, 2), 'pages/menu/index'),
      visit('bob', utcDay(3, 23)),
      // The last millisecond of a UTC day, and the first of the next.
      visit('carol', new Date(utcDay(1).getTime() - 1)),
      visit('dave', utcDay(1)),
      visit('alice', utcDay(1, 12)),
      visit('erin', new Date(Date.now() - 1000)),
    );
    expect((await record(admin, miniProgramId, recorded)).accepted).toBe(recorded.length);
  });

  /** What the window of UTC dates the server answered for should contain, from the visits recorded. */
  function expected(dates: string[]) {
    const inWindow = recorded.filter((v) => dates.includes(v.occurredAt.slice(0, 10)));
    return {
      days: dates.map((date) => {
        const mine = inWindow.filter((v) => v.occurredAt.slice(0, 10) === date);
        return { date, visits: mine.length, uniqueVisitors: new Set(mine.map((v) => v.visitorId)).size };
      }),
      totalVisits: inWindow.length,
      uniqueVisitors: new Set(inWindow.map((v) => v.visitorId)).size,
    };
  }

  it('answers one entry per UTC day, oldest first, ending today', async () => {
    const week = await statistics(merchant.owner, miniProgramId, 7);
    expect(week.days).toHaveLength(7);
    const today = new Date().toISOString().slice(0, 10);
    const yesterdayOrToday = [today, new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)];
    expect(yesterdayOrToday).toContain(week.days.at(-1)!.date);
    for (let i = 1; i < week.days.length; i++) {
      expect(Date.parse(week.days[i]!.date) - Date.parse(week.days[i - 1]!.date)).toBe(86_400_000);
    }
  });

  it('counts visits and unique visitors per UTC day, and over the whole window', async () => {
    const week = await statistics(merchant.owner, miniProgramId, 7);
    expect(week).toEqual(expected(week.days.map((d) => d.date)));
    // Per-day unique visitors add up to more than the window's: alice came on two days.
    expect(week.uniqueVisitors).toBe(5);
    expect(week.totalVisits).toBe(7);
    expect(week.days.reduce((sum, day) => sum + day.uniqueVisitors, 0)).toBeGreaterThan(week.uniqueVisitors);

    const month = await statistics(merchant.owner, miniProgramId, 30);
    expect(month).toEqual(expected(month.days.map((d) => d.date)));
    expect(month.totalVisits).toBe(8);

    const day = await statistics(merchant.owner, miniProgramId, 1);
    expect(day.days).toHaveLength(1);
    expect(day).toEqual(expected(day.days.map((d) => d.date)));
  });

  it('takes 1 to 90 days (BAD_USER_INPUT otherwise)', async () => {
    expect((await statistics(merchant.owner, miniProgramId, 1)).days).toHaveLength(1);
    const quarter = await statistics(merchant.owner, miniProgramId, 90);
    expect(quarter.days).toHaveLength(90);
    expect(quarter.totalVisits).toBe(recorded.length);
    for (const days of [0, 91, -1]) expect(await errorCode(statistics(merchant.owner, miniProgramId, days))).toBe('BAD_USER_INPUT');
  });

  it('shows statistics to those who read the mini program only', async () => {
    const [developer, stranger] = await Promise.all([addMember(platform, merchant, 'DEVELOPER'), signUp(platform)]);
    expect((await statistics(developer, miniProgramId, 7)).totalVisits).toBe(7);
    expect((await statistics(admin, miniProgramId, 7)).totalVisits).toBe(7);
    const { miniProgram } = await stranger.client.execute(MiniProgramStatisticsDocument, { id: miniProgramId, days: 7 });
    expect(miniProgram).toBeNull();
  });
});
