import { randomBytes } from 'node:crypto';
import {
  AddMiniProgramMemberDocument,
  ApproveOrderClosureDocument,
  ApproveVersionDocument,
  CancelOrderDocument,
  MiniProgramDocument,
  MiniProgramQrCodeDocument,
  MiniProgramStatisticsDocument,
  ReleaseVersionDocument,
  RemoveMiniProgramMemberDocument,
  RequestOrderClosureDocument,
  SetDomainWhitelistDocument,
  SetTrialVersionDocument,
  SubmitVersionForReviewDocument,
  UpdateMiniProgramDocument,
  UploadVersionDocument,
  type DomainKind,
  type MiniProgramMemberRole,
} from '@mpp/client';
import {
  addMember,
  createMiniProgram,
  createVerifiedIsv,
  createVerifiedMerchant,
  orderInDevelopment,
  placeOrder,
  prepareDeal,
  signInAdmin,
  signUp,
  stageUpload,
  TestPlatform,
  uploadVersion,
  type Actor,
  type Deal,
  type SeededWorkspace,
} from '@mpp/testkit';
import { rowsOf } from '@mpp/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/index.js';
import { errorCode, userError } from './support.js';

const OrderMiniProgramVersions = graphql(`
  query OrderMiniProgramVersions($id: ID!) {
    order(id: $id) {
      id
      miniProgram {
        id
        name
        versions(first: 5) {
          nodes {
            version
          }
        }
      }
    }
  }
`);

let platform: TestPlatform;
let admin: Actor;

beforeAll(async () => {
  platform = await TestPlatform.start();
  admin = await signInAdmin(platform);
});
afterAll(() => platform?.stop());

const addToMiniProgram = async (actor: Actor, miniProgramId: string, email: string, role: MiniProgramMemberRole) =>
  (await actor.client.execute(AddMiniProgramMemberDocument, { input: { miniProgramId, email, role } })).addMiniProgramMember;

const removeFromMiniProgram = async (actor: Actor, miniProgramId: string, accountId: string) =>
  (await actor.client.execute(RemoveMiniProgramMemberDocument, { input: { miniProgramId, accountId } })).removeMiniProgramMember;

/** The mini program as `actor` sees it: null when hidden from them. */
const read = async (actor: Actor, id: string) => (await actor.client.execute(MiniProgramDocument, { id })).miniProgram;

const membersOf = async (viewer: Actor, id: string) =>
  (await read(viewer, id))!.members.map((member) => [member.account.email, member.role]).sort(([a], [b]) => a!.localeCompare(b!));

/** uploadVersion with a fresh package: the payload, or the GraphQL error it throws. */
async function tryUploadVersion(actor: Actor, miniProgramId: string, version: string) {
  const staged = await stageUpload(actor, 'PACKAGE', randomBytes(1024));
  const { uploadVersion } = await actor.client.execute(UploadVersionDocument, {
    input: { miniProgramId, version, description: 'A build', packageUploadId: staged.uploadId },
  });
  return uploadVersion;
}

const setDomains = async (actor: Actor, miniProgramId: string, kind: DomainKind, domains: string[]) =>
  (await actor.client.execute(SetDomainWhitelistDocument, { input: { miniProgramId, kind, domains } })).setDomainWhitelist;

describe('the merchant manages the members of its mini program', () => {
  let merchant: SeededWorkspace;
  let miniProgramId: string;

  beforeAll(async () => {
    merchant = await createVerifiedMerchant(platform);
    miniProgramId = (await createMiniProgram(merchant)).id;
  });

  it('lets its OWNER and MASTER add any account as DEVELOPER or TESTER, once', async () => {
    const [master, freelancer, tester] = await Promise.all([addMember(platform, merchant, 'MASTER'), signUp(platform), signUp(platform)]);
    const added = await addToMiniProgram(merchant.owner, miniProgramId, freelancer.email, 'DEVELOPER');
    expect(added.userErrors).toEqual([]);
    expect(added.miniProgram?.members).toContainEqual(expect.objectContaining({ role: 'DEVELOPER', account: { id: freelancer.id, email: freelancer.email } }));
    expect((await addToMiniProgram(master, miniProgramId, tester.email.toUpperCase(), 'TESTER')).userErrors).toEqual([]);

    expect((await addToMiniProgram(merchant.owner, miniProgramId, freelancer.email, 'TESTER')).userErrors).toEqual([userError('TAKEN', 'email')]);
    expect((await addToMiniProgram(merchant.owner, miniProgramId, 'nobody@example.com', 'TESTER')).userErrors).toEqual([
      userError('NOT_FOUND', 'email'),
    ]);
    expect((await addToMiniProgram(merchant.owner, miniProgramId, 'not an email', 'TESTER')).userErrors).toEqual([userError('INVALID', 'email')]);
    expect(await membersOf(merchant.owner, miniProgramId)).toEqual(
      [
        [freelancer.email, 'DEVELOPER'],
        [tester.email, 'TESTER'],
      ].sort(([a], [b]) => a!.localeCompare(b!)),
    );
  });

  it('refuses a DEVELOPER of the merchant (FORBIDDEN) and an outsider (NOT_FOUND)', async () => {
    const [developer, outsider, candidate] = await Promise.all([addMember(platform, merchant, 'DEVELOPER'), signUp(platform), signUp(platform)]);
    expect(await errorCode(addToMiniProgram(developer, miniProgramId, candidate.email, 'DEVELOPER'))).toBe('FORBIDDEN');
    expect((await addToMiniProgram(outsider, miniProgramId, candidate.email, 'DEVELOPER')).userErrors).toEqual([
      userError('NOT_FOUND', 'miniProgramId'),
    ]);
    const before = await membersOf(merchant.owner, miniProgramId);
    expect(before.map(([email]) => email)).not.toContain(candidate.email);
    const member = (await read(merchant.owner, miniProgramId))!.members[0]!;
    expect(await errorCode(removeFromMiniProgram(developer, miniProgramId, member.account.id))).toBe('FORBIDDEN');
  });

  it('gives a DEVELOPER member the development steps, not the management ones', async () => {
    const developer = await signUp(platform);
    await addToMiniProgram(merchant.owner, miniProgramId, developer.email, 'DEVELOPER');

    const v1 = await uploadVersion(developer, miniProgramId, '1.0.0');
    expect(v1.uploadedBy.id).toBe(developer.id);
    expect((await setDomains(developer, miniProgramId, 'SERVER', ['api.shop.example.com'])).userErrors).toEqual([]);
    const { submitVersionForReview } = await developer.client.execute(SubmitVersionForReviewDocument, { input: { versionId: v1.id } });
    expect(submitVersionForReview.version?.status).toBe('UNDER_REVIEW');

    expect(await errorCode(developer.client.execute(UpdateMiniProgramDocument, { input: { miniProgramId, name: 'Taken over' } }))).toBe('FORBIDDEN');
    const someone = await signUp(platform);
    expect(await errorCode(addToMiniProgram(developer, miniProgramId, someone.email, 'DEVELOPER'))).toBe('FORBIDDEN');
  });

  it('lets a TESTER read the mini program, its versions, codes and statistics, but not develop it', async () => {
    const tester = await signUp(platform);
    await addToMiniProgram(merchant.owner, miniProgramId, tester.email, 'TESTER');
    const trial = await uploadVersion(merchant.owner, miniProgramId, '1.1.0');
    await merchant.owner.client.execute(SetTrialVersionDocument, { input: { versionId: trial.id } });

    const seen = await read(tester, miniProgramId);
    expect(seen?.versions.nodes.map((v) => v.version)).toContain('1.1.0');
    expect(seen?.trialVersion?.version).toBe('1.1.0');
    const { miniProgram: coded } = await tester.client.execute(MiniProgramQrCodeDocument, { id: miniProgramId, kind: 'TRIAL', page: null });
    expect(coded?.qrCode.svg).toContain('<svg');
    const { miniProgram: counted } = await tester.client.execute(MiniProgramStatisticsDocument, { id: miniProgramId, days: 7 });
    expect(counted?.statistics.days).toHaveLength(7);

    expect(await errorCode(tryUploadVersion(tester, miniProgramId, '1.2.0'))).toBe('FORBIDDEN');
    expect(await errorCode(setDomains(tester, miniProgramId, 'H5', ['h5.shop.example.com']))).toBe('FORBIDDEN');
    expect(await errorCode(tester.client.execute(SetTrialVersionDocument, { input: { versionId: trial.id } }))).toBe('FORBIDDEN');
  });

  it('removes a member, who then neither sees nor develops the mini program', async () => {
    const developer = await signUp(platform);
    await addToMiniProgram(merchant.owner, miniProgramId, developer.email, 'DEVELOPER');
    expect(await read(developer, miniProgramId)).not.toBeNull();

    const removed = await removeFromMiniProgram(merchant.owner, miniProgramId, developer.id);
    expect(removed.userErrors).toEqual([]);
    expect(removed.miniProgram?.members.map((m) => m.account.id)).not.toContain(developer.id);
    expect(await read(developer, miniProgramId)).toBeNull();
    expect((await tryUploadVersion(developer, miniProgramId, '9.0.0')).userErrors).toEqual([userError('NOT_FOUND', 'miniProgramId')]);
    expect((await removeFromMiniProgram(merchant.owner, miniProgramId, developer.id)).userErrors).toEqual([userError('NOT_FOUND', 'accountId')]);
  });
});

describe('the ISV authorized by an order in development', () => {
  let deal: Deal;
  let orderId: string;
  let isvDeveloper: Actor;
  let isvTester: Actor;
  let isvColleague: Actor;
  let merchantsFreelancer: Actor;

  beforeAll(async () => {
    deal = await prepareDeal(platform);
    [isvDeveloper, isvTester, isvColleague, merchantsFreelancer] = await Promise.all([
      addMember(platform, deal.isv, 'DEVELOPER'),
      addMember(platform, deal.isv, 'DEVELOPER'),
      addMember(platform, deal.isv, 'DEVELOPER'),
      signUp(platform),
    ]);
  });

  it('has no hand on the mini program before the merchant confirms the order', async () => {
    const order = await placeOrder(deal);
    expect(await read(deal.isv.owner, deal.miniProgramId)).toBeNull();
    expect((await addToMiniProgram(deal.isv.owner, deal.miniProgramId, isvDeveloper.email, 'DEVELOPER')).userErrors).toEqual([
      userError('NOT_FOUND', 'miniProgramId'),
    ]);
    expect((await tryUploadVersion(deal.isv.owner, deal.miniProgramId, '0.1.0')).userErrors).toEqual([userError('NOT_FOUND', 'miniProgramId')]);
    // The order names the mini program, but its versions are not the ISV's to see yet.
    const result = await deal.isv.owner.client.request(OrderMiniProgramVersions, { id: order.id });
    expect(result.errors?.map((error) => [error.extensions?.code, error.path])).toEqual([['FORBIDDEN', ['order', 'miniProgram', 'versions']]]);
    await deal.merchant.owner.client.execute(CancelOrderDocument, { input: { orderId: order.id, reason: 'Ordered twice' } });
  });

  it('adds accounts of its own workspace as members, never an outsider', async () => {
    orderId = (await orderInDevelopment(deal)).id;
    const outsider = await signUp(platform);

    expect((await addToMiniProgram(deal.isv.owner, deal.miniProgramId, isvDeveloper.email, 'DEVELOPER')).userErrors).toEqual([]);
    expect((await addToMiniProgram(deal.isv.owner, deal.miniProgramId, isvTester.email, 'TESTER')).userErrors).toEqual([]);
    expect((await addToMiniProgram(deal.isv.owner, deal.miniProgramId, outsider.email, 'DEVELOPER')).userErrors).toEqual([userError('INVALID', 'email')]);
    // A developer of the ISV workspace does not manage members.
    expect(await errorCode(addToMiniProgram(isvColleague, deal.miniProgramId, outsider.email, 'DEVELOPER'))).toBe('FORBIDDEN');
    // The merchant adds whomever it likes, alongside.
    expect((await addToMiniProgram(deal.merchant.owner, deal.miniProgramId, merchantsFreelancer.email, 'DEVELOPER')).userErrors).toEqual([]);

    expect(await membersOf(deal.merchant.owner, deal.miniProgramId)).toEqual(
      [
        [isvDeveloper.email, 'DEVELOPER'],
        [isvTester.email, 'TESTER'],
        [merchantsFreelancer.email, 'DEVELOPER'],
      ].sort(([a], [b]) => a!.localeCompare(b!)),
    );
  });

  it('lets its developer member upload, set domains, submit and release', async () => {
    const uploaded = await uploadVersion(isvDeveloper, deal.miniProgramId, '1.0.0');
    expect((await setDomains(isvDeveloper, deal.miniProgramId, 'SERVER', ['api.isv-built.example.com'])).userErrors).toEqual([]);
    const { submitVersionForReview } = await isvDeveloper.client.execute(SubmitVersionForReviewDocument, { input: { versionId: uploaded.id } });
    expect(submitVersionForReview.userErrors).toEqual([]);
    const { approveVersion } = await admin.client.execute(ApproveVersionDocument, { input: { versionId: uploaded.id } });
    expect(approveVersion.version?.status).toBe('APPROVED');
    // The review event names the ISV authorized then: readers of the log (webhooks) need nothing else.
    const logged = rowsOf<{ payload: Record<string, unknown> }>(
      await platform.platform.database.orm({}).execute(`select payload from mini_programs.event_log where payload->>'versionId' = '${uploaded.id}' and payload->>'to' = 'APPROVED'`),
    );
    expect(logged.map(({ payload }) => payload.authorizedIsvWorkspaceId)).toEqual([deal.isv.id]);
    const { releaseVersion } = await isvDeveloper.client.execute(ReleaseVersionDocument, { input: { versionId: uploaded.id } });
    expect(releaseVersion.version?.status).toBe('RELEASED');
    // Its OWNER develops too.
    expect((await tryUploadVersion(deal.isv.owner, deal.miniProgramId, '1.1.0')).userErrors).toEqual([]);
  });

  it('lets its other members read but not develop, and no one of it manage the mini program', async () => {
    expect(await read(isvTester, deal.miniProgramId)).not.toBeNull();
    expect(await errorCode(tryUploadVersion(isvTester, deal.miniProgramId, '1.2.0'))).toBe('FORBIDDEN');
    // A member of the ISV workspace who is no member of the mini program reads it, as the ISV does.
    expect(await read(isvColleague, deal.miniProgramId)).not.toBeNull();
    expect(await errorCode(tryUploadVersion(isvColleague, deal.miniProgramId, '1.2.0'))).toBe('FORBIDDEN');
    expect(
      await errorCode(deal.isv.owner.client.execute(UpdateMiniProgramDocument, { input: { miniProgramId: deal.miniProgramId, name: 'Renamed by ISV' } })),
    ).toBe('FORBIDDEN');
  });

  it('removes only the members it added', async () => {
    expect((await removeFromMiniProgram(deal.isv.owner, deal.miniProgramId, merchantsFreelancer.id)).userErrors).toEqual([
      userError('INVALID', 'accountId'),
    ]);
    const extra = await addMember(platform, deal.isv, 'DEVELOPER');
    await addToMiniProgram(deal.isv.owner, deal.miniProgramId, extra.email, 'TESTER');
    expect((await removeFromMiniProgram(deal.isv.owner, deal.miniProgramId, extra.id)).userErrors).toEqual([]);
    expect((await membersOf(deal.merchant.owner, deal.miniProgramId)).map(([email]) => email)).not.toContain(extra.email);
  });

  it('keeps its powers while closure is requested, and loses them with its members once the merchant closes the order', async () => {
    const { requestOrderClosure } = await deal.isv.owner.client.execute(RequestOrderClosureDocument, { input: { orderId } });
    expect(requestOrderClosure.order?.status).toBe('CLOSURE_REQUESTED');
    expect((await tryUploadVersion(isvDeveloper, deal.miniProgramId, '1.3.0')).userErrors).toEqual([]);

    const { approveOrderClosure } = await deal.merchant.owner.client.execute(ApproveOrderClosureDocument, { input: { orderId } });
    expect(approveOrderClosure.order?.status).toBe('CLOSED');

    expect((await tryUploadVersion(isvDeveloper, deal.miniProgramId, '1.4.0')).userErrors).toEqual([userError('NOT_FOUND', 'miniProgramId')]);
    expect((await tryUploadVersion(deal.isv.owner, deal.miniProgramId, '1.4.0')).userErrors).toEqual([userError('NOT_FOUND', 'miniProgramId')]);
    expect((await setDomains(isvDeveloper, deal.miniProgramId, 'SERVER', ['evil.example.com'])).userErrors).toEqual([
      userError('NOT_FOUND', 'miniProgramId'),
    ]);
    expect((await addToMiniProgram(deal.isv.owner, deal.miniProgramId, isvColleague.email, 'DEVELOPER')).userErrors).toEqual([
      userError('NOT_FOUND', 'miniProgramId'),
    ]);
    for (const formerly of [deal.isv.owner, isvDeveloper, isvTester, isvColleague]) expect(await read(formerly, deal.miniProgramId)).toBeNull();

    // The members the ISV added are gone; the merchant's own stay and keep working.
    expect(await membersOf(deal.merchant.owner, deal.miniProgramId)).toEqual([[merchantsFreelancer.email, 'DEVELOPER']]);
    expect((await tryUploadVersion(merchantsFreelancer, deal.miniProgramId, '1.4.0')).userErrors).toEqual([]);
  });

  it('loses its powers and members the same way when it abandons the order', async () => {
    const second = await prepareDeal(platform);
    const order = await orderInDevelopment(second);
    const developer = await addMember(platform, second.isv, 'DEVELOPER');
    expect((await addToMiniProgram(second.isv.owner, second.miniProgramId, developer.email, 'DEVELOPER')).userErrors).toEqual([]);
    await uploadVersion(developer, second.miniProgramId, '1.0.0');

    const { cancelOrder } = await second.isv.owner.client.execute(CancelOrderDocument, { input: { orderId: order.id, reason: 'Team unavailable' } });
    expect(cancelOrder.order?.status).toBe('CANCELLED');

    expect((await tryUploadVersion(developer, second.miniProgramId, '1.1.0')).userErrors).toEqual([userError('NOT_FOUND', 'miniProgramId')]);
    expect(await read(developer, second.miniProgramId)).toBeNull();
    expect(await read(second.isv.owner, second.miniProgramId)).toBeNull();
    expect(await membersOf(second.merchant.owner, second.miniProgramId)).toEqual([]);
  });

  it('gives an ISV that is not authorized nothing on the mini program', async () => {
    const otherIsv = await createVerifiedIsv(platform);
    const developer = await addMember(platform, otherIsv, 'DEVELOPER');
    expect(await read(otherIsv.owner, deal.miniProgramId)).toBeNull();
    expect((await addToMiniProgram(otherIsv.owner, deal.miniProgramId, developer.email, 'DEVELOPER')).userErrors).toEqual([
      userError('NOT_FOUND', 'miniProgramId'),
    ]);
    expect((await tryUploadVersion(otherIsv.owner, deal.miniProgramId, '5.0.0')).userErrors).toEqual([userError('NOT_FOUND', 'miniProgramId')]);
  });
});

describe('the domain whitelist', () => {
  let merchant: SeededWorkspace;
  let miniProgramId: string;

  beforeAll(async () => {
    merchant = await createVerifiedMerchant(platform);
    miniProgramId = (await createMiniProgram(merchant)).id;
  });

  it('stores https hostnames as https://host, lower-cased, without duplicates, one list per kind', async () => {
    const set = await setDomains(merchant.owner, miniProgramId, 'SERVER', [
      'api.shop.example.com',
      'https://Pay.Shop.Example.com',
      'https://api.shop.example.com/',
      '  cdn.shop.example.com ',
    ]);
    expect(set.userErrors).toEqual([]);
    expect(set.miniProgram?.server).toEqual(['https://api.shop.example.com', 'https://cdn.shop.example.com', 'https://pay.shop.example.com']);
    expect(set.miniProgram?.h5).toEqual([]);

    const h5 = await setDomains(merchant.owner, miniProgramId, 'H5', ['m.shop.example.com']);
    expect(h5.miniProgram).toMatchObject({ h5: ['https://m.shop.example.com'], server: set.miniProgram!.server });

    // Setting a list replaces it; an empty list clears it.
    const replaced = await setDomains(merchant.owner, miniProgramId, 'SERVER', ['api2.shop.example.com']);
    expect(replaced.miniProgram?.server).toEqual(['https://api2.shop.example.com']);
    const cleared = await setDomains(merchant.owner, miniProgramId, 'H5', []);
    expect(cleared.miniProgram).toMatchObject({ h5: [], server: ['https://api2.shop.example.com'] });
  });

  it('refuses anything but an https hostname, naming each bad entry, and keeps the list as it was', async () => {
    const bad = [
      'http://api.shop.example.com',
      'ftp://files.shop.example.com',
      '192.168.1.10',
      'https://10.0.0.1',
      '[::1]',
      'localhost',
      'https://app.localhost',
      'api.shop.example.com:8443',
      'https://api.shop.example.com/v1',
      'https://api.shop.example.com?x=1',
      'https://user@api.shop.example.com',
      'intranet',
      '',
    ];
    const payload = await setDomains(merchant.owner, miniProgramId, 'SERVER', ['ok.shop.example.com', ...bad]);
    expect(payload.miniProgram).toBeNull();
    expect(payload.userErrors).toHaveLength(bad.length);
    expect(payload.userErrors).toEqual(bad.map((_, i) => userError('INVALID', 'domains', String(i + 1))));
    expect((await read(merchant.owner, miniProgramId))?.server).toEqual(['https://api2.shop.example.com']);
  });

  it('takes at most 200 domains of a kind, counted after removing duplicates', async () => {
    const hosts = (n: number) => Array.from({ length: n }, (_, i) => `host${i}.shop.example.com`);
    expect((await setDomains(merchant.owner, miniProgramId, 'H5', hosts(201))).userErrors).toEqual([userError('INVALID', 'domains')]);
    const withDuplicates = [...hosts(200), 'https://host0.shop.example.com', 'HOST1.shop.example.com'];
    const accepted = await setDomains(merchant.owner, miniProgramId, 'H5', withDuplicates);
    expect(accepted.userErrors).toEqual([]);
    expect(accepted.miniProgram?.h5).toHaveLength(200);
  });

  it('is set by those who develop the mini program only', async () => {
    const [developer, tester, workspaceDeveloper] = await Promise.all([signUp(platform), signUp(platform), addMember(platform, merchant, 'DEVELOPER')]);
    await addToMiniProgram(merchant.owner, miniProgramId, developer.email, 'DEVELOPER');
    await addToMiniProgram(merchant.owner, miniProgramId, tester.email, 'TESTER');
    expect((await setDomains(developer, miniProgramId, 'SERVER', ['dev.shop.example.com'])).userErrors).toEqual([]);
    for (const reader of [tester, workspaceDeveloper, admin]) {
      expect(await errorCode(setDomains(reader, miniProgramId, 'SERVER', ['evil.example.com']))).toBe('FORBIDDEN');
    }
    expect((await read(merchant.owner, miniProgramId))?.server).toEqual(['https://dev.shop.example.com']);
  });
});
