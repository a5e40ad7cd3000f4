import { badUserInput, forbidden, idAfter, invalidStateError, isId, mutationPayload, pageRequest, withUserErrors } from '@mpp/kit';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Rights } from '../authorization/rights.js';
import { maySee, miniProgramView, PROFILE_ONLY_MESSAGE, type MiniProgramView } from '../authorization/visibility.js';
import type { MiniProgramsContext } from '../context.js';
import type { MiniProgramRow, VersionRow, VersionStatusValue } from '../db/schema.js';
import { setDomainWhitelist } from '../domain/domain.service.js';
import { deepLink, isValidPage, qrCodeSvg } from '../qr-code/qr-code.service.js';
import { recordVisits } from '../statistics/statistics.service.js';
import type { Statistics } from '../statistics/statistics.loader.js';
import { logoUrl } from '../upload/upload.service.js';
import { MiniProgramVersion, MiniProgramVersionConnection, VersionStatus } from '../version/version.type.js';
import { WorkspaceRef } from '../workspace/workspace.type.js';
import { createMiniProgram, removeMiniProgram, updateMiniProgram } from './mini-program.service.js';
import {
  CreateMiniProgramInput,
  DomainKind,
  MiniProgram,
  MiniProgramMember,
  MiniProgramPayload,
  MiniProgramRefInput,
  MiniProgramStatistics,
  QrCode,
  QrCodeKind,
  RecordVisitsInput,
  RecordVisitsPayload,
  SetDomainWhitelistInput,
  UpdateMiniProgramInput,
} from './mini-program.type.js';

/** The viewer's rights on a mini program, computed once per request (a refusal from fresh facts). */
function rights(ctx: MiniProgramsContext, miniProgram: MiniProgramRow): Promise<Rights> {
  return ctx.readRights.load(miniProgram);
}

/** What the viewer sees of this mini program (visibility.ts). */
async function viewOf(ctx: MiniProgramsContext, miniProgram: MiniProgramRow): Promise<MiniProgramView> {
  if (!ctx.viewer) return 'NONE';
  return miniProgramView(await rights(ctx, miniProgram));
}

/** Contact details, versions, members, codes and statistics: FORBIDDEN beyond the public profile. */
async function requireField(ctx: MiniProgramsContext, miniProgram: MiniProgramRow, field: string): Promise<void> {
  ctx.access.requireViewer();
  if (!maySee(await viewOf(ctx, miniProgram), field)) throw forbidden(PROFILE_ONLY_MESSAGE);
}

export const STATISTICS_MAX_DAYS = 90;

@Resolver(() => MiniProgram)
export class MiniProgramResolver {
  @Query(() => MiniProgram, { nullable: true, description: 'For the merchant, its authorized ISV, the members and the platform.' })
  async miniProgram(@Arg('id', () => ID) id: string, @Ctx() ctx: MiniProgramsContext): Promise<MiniProgramRow | null> {
    ctx.access.requireViewer();
    const miniProgram = isId(id) ? await ctx.loaders.miniProgram.load(id) : null;
    return miniProgram && (await rights(ctx, miniProgram)).read ? miniProgram : null;
  }

  @FieldResolver(() => WorkspaceRef)
  merchant(@Root() miniProgram: MiniProgramRow): WorkspaceRef {
    return { id: miniProgram.merchantWorkspaceId };
  }

  @FieldResolver(() => String, { description: 'Beyond the public profile: FORBIDDEN to an order party without the authorization.' })
  async targetApp(@Root() miniProgram: MiniProgramRow, @Ctx() ctx: MiniProgramsContext): Promise<string> {
    await requireField(ctx, miniProgram, 'targetApp');
    return miniProgram.targetApp;
  }

  @FieldResolver(() => String, { description: 'Beyond the public profile: FORBIDDEN to an order party without the authorization.' })
  async description(@Root() miniProgram: MiniProgramRow, @Ctx() ctx: MiniProgramsContext): Promise<string> {
    await requireField(ctx, miniProgram, 'description');
    return miniProgram.description;
  }

  @FieldResolver(() => String, { description: 'Contact details: FORBIDDEN to an order party without the authorization.' })
  async contactPhone(@Root() miniProgram: MiniProgramRow, @Ctx() ctx: MiniProgramsContext): Promise<string> {
    await requireField(ctx, miniProgram, 'contactPhone');
    return miniProgram.contactPhone;
  }

  @FieldResolver(() => String, { description: 'Contact details: FORBIDDEN to an order party without the authorization.' })
  async contactEmail(@Root() miniProgram: MiniProgramRow, @Ctx() ctx: MiniProgramsContext): Promise<string> {
    await requireField(ctx, miniProgram, 'contactEmail');
    return miniProgram.contactEmail;
  }

  @FieldResolver(() => String)
  logoUrl(@Root() miniProgram: MiniProgramRow, @Ctx() ctx: MiniProgramsContext): string {
    return logoUrl(ctx.deps.config.publicUrl, miniProgram.logoUploadId);
  }

  @FieldResolver(() => [MiniProgramMember])
  async members(@Root() miniProgram: MiniProgramRow, @Ctx() ctx: MiniProgramsContext) {
    await requireField(ctx, miniProgram, 'members');
    return ctx.loaders.membersByMiniProgram.load(miniProgram.id);
  }

  @FieldResolver(() => MiniProgramVersionConnection, { description: 'Newest first.' })
  async versions(
    @Root() miniProgram: MiniProgramRow,
    @Arg('status', () => VersionStatus, { nullable: true }) status: VersionStatus | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: MiniProgramsContext,
  ) {
    await requireField(ctx, miniProgram, 'versions');
    const page = pageRequest({ first, after });
    return ctx.loaders.versionsByMiniProgram.load({
      parentId: miniProgram.id,
      filter: { statuses: status ? [status as VersionStatusValue] : null },
      page,
      afterId: idAfter(page.after),
    });
  }

  @FieldResolver(() => MiniProgramVersion, { nullable: true, description: 'The RELEASED version, if any.' })
  async currentRelease(@Root() miniProgram: MiniProgramRow, @Ctx() ctx: MiniProgramsContext): Promise<VersionRow | null> {
    await requireField(ctx, miniProgram, 'currentRelease');
    return ctx.loaders.currentRelease.load(miniProgram.id);
  }

  @FieldResolver(() => MiniProgramVersion, { nullable: true })
  async trialVersion(@Root() miniProgram: MiniProgramRow, @Ctx() ctx: MiniProgramsContext): Promise<VersionRow | null> {
    await requireField(ctx, miniProgram, 'trialVersion');
    return miniProgram.trialVersionId ? ctx.loaders.version.load(miniProgram.trialVersionId) : null;
  }

  @FieldResolver(() => [String], { description: 'Whitelisted https hostnames, of one kind or both.' })
  async domains(
    @Root() miniProgram: MiniProgramRow,
    @Arg('kind', () => DomainKind, { nullable: true }) kind: DomainKind | null,
    @Ctx() ctx: MiniProgramsContext,
  ): Promise<string[]> {
    await requireField(ctx, miniProgram, 'domains');
    const rows = await ctx.loaders.domainsByMiniProgram.load(miniProgram.id);
    return [...new Set(rows.filter((row) => !kind || row.kind === kind).map((row) => row.domain))];
  }

  @FieldResolver(() => QrCode, { description: 'TRIAL needs a trial version, RELEASE a released one (INVALID_STATE otherwise).' })
  async qrCode(
    @Root() miniProgram: MiniProgramRow,
    @Arg('kind', () => QrCodeKind) kind: QrCodeKind,
    @Arg('page', () => String, { nullable: true }) page: string | null,
    @Ctx() ctx: MiniProgramsContext,
  ): Promise<QrCode> {
    await requireField(ctx, miniProgram, 'qrCode');
    if (page !== null && !isValidPage(page)) throw badUserInput('`page` must be a page path such as pages/index/index.', 'page');
    const trial = kind === QrCodeKind.TRIAL && miniProgram.trialVersionId ? await ctx.loaders.version.load(miniProgram.trialVersionId) : null;
    if (kind === QrCodeKind.TRIAL && !trial) throw invalidStateError('Set a trial version first.');
    if (kind === QrCodeKind.RELEASE && !(await ctx.loaders.currentRelease.load(miniProgram.id))) throw invalidStateError('Nothing is released yet.');
    const url = deepLink(miniProgram, page, trial);
    return { kind, url, svg: await qrCodeSvg(url) };
  }

  @FieldResolver(() => MiniProgramStatistics, { description: 'The last `days` UTC days (1 to 90), today included.' })
  async statistics(
    @Root() miniProgram: MiniProgramRow,
    @Arg('days', () => Int) days: number,
    @Ctx() ctx: MiniProgramsContext,
  ): Promise<Statistics> {
    await requireField(ctx, miniProgram, 'statistics');
    if (!Number.isInteger(days) || days < 1 || days > STATISTICS_MAX_DAYS) {
      throw badUserInput(`\`days\` must be 1 to ${STATISTICS_MAX_DAYS}.`, 'days');
    }
    return ctx.loaders.statistics.load({ miniProgramId: miniProgram.id, days });
  }

  @Mutation(() => MiniProgramPayload, { description: 'Merchant OWNER or MASTER of a VERIFIED merchant; at most 10 per merchant.' })
  createMiniProgram(@Arg('input', () => CreateMiniProgramInput) input: CreateMiniProgramInput, @Ctx() ctx: MiniProgramsContext) {
    return mutationPayload('miniProgram', () => createMiniProgram(ctx, input));
  }

  @Mutation(() => MiniProgramPayload, { description: 'Merchant OWNER or MASTER; omitted fields stay as they are.' })
  updateMiniProgram(@Arg('input', () => UpdateMiniProgramInput) input: UpdateMiniProgramInput, @Ctx() ctx: MiniProgramsContext) {
    return mutationPayload('miniProgram', () => updateMiniProgram(ctx, input));
  }

  @Mutation(() => MiniProgramPayload, { description: 'Merchant OWNER or MASTER; frees a place in the quota.' })
  removeMiniProgram(@Arg('input', () => MiniProgramRefInput) input: MiniProgramRefInput, @Ctx() ctx: MiniProgramsContext) {
    return mutationPayload('miniProgram', () => removeMiniProgram(ctx, input.miniProgramId));
  }

  @Mutation(() => MiniProgramPayload, { description: 'Replaces the whitelist of one kind: https hostnames, at most 200, duplicates removed.' })
  setDomainWhitelist(@Arg('input', () => SetDomainWhitelistInput) input: SetDomainWhitelistInput, @Ctx() ctx: MiniProgramsContext) {
    return mutationPayload('miniProgram', () => setDomainWhitelist(ctx, input));
  }

  @Mutation(() => RecordVisitsPayload, { description: "Platform members: the super app's visit feed, up to 1,000 a batch; replays are ignored." })
  recordVisits(@Arg('input', () => RecordVisitsInput) input: RecordVisitsInput, @Ctx() ctx: MiniProgramsContext) {
    return withUserErrors(async () => ({ accepted: await recordVisits(ctx.deps.db, ctx.access, input) }), { accepted: null }).then(
      (payload) => ({ ...payload, accepted: payload.accepted ?? 0 }),
    );
  }
}

/**
 * Federation entry point: `MiniProgram` references from Orders, batched. Those who may read it
 * get it, order parties get its public profile (other fields FORBIDDEN), anybody else null.
 */
export async function resolveMiniProgramReference(reference: { id: string }, ctx: MiniProgramsContext): Promise<MiniProgramRow | null> {
  if (!ctx.viewer || !isId(reference.id)) return null;
  const miniProgram = await ctx.loaders.miniProgram.load(reference.id);
  return miniProgram && (await viewOf(ctx, miniProgram)) !== 'NONE' ? miniProgram : null;
}
