import { badUserInput, forbidden, idAfter, invalidStateError, isId, mutationPayload, PAGE_ARGUMENT_DESCRIPTIONS, pageRequest, withUserErrors } from '@mpp/kit';
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

/** The viewer's rights on a mini program, computed once per request (hiding it only on fresh facts). */
function rights(ctx: MiniProgramsContext, miniProgram: MiniProgramRow): Promise<Rights> {
  return ctx.readRights.load(miniProgram);
}

/** Whether the viewer reads all of the mini program; a "no" is from fresh facts. */
async function readsAll(ctx: MiniProgramsContext, miniProgram: MiniProgramRow): Promise<boolean> {
  return (await rights(ctx, miniProgram)).read || (await ctx.fullReadRights.load(miniProgram)).read;
}

/** What the viewer sees of this mini program (visibility.ts). */
async function viewOf(ctx: MiniProgramsContext, miniProgram: MiniProgramRow): Promise<MiniProgramView> {
  if (!ctx.viewer) return 'NONE';
  return miniProgramView(await rights(ctx, miniProgram));
}

/** Contact details, versions, members, codes and statistics: FORBIDDEN beyond the public profile. */
async function requireField(ctx: MiniProgramsContext, miniProgram: MiniProgramRow, field: string): Promise<void> {
  ctx.access.requireViewer();
  if (maySee(await viewOf(ctx, miniProgram), field)) return;
  // An order party asking for more than the profile: refused only once the facts are current (its
  // order may have just been confirmed, authorizing its ISV).
  if (!maySee(miniProgramView(await ctx.fullReadRights.load(miniProgram)), field)) throw forbidden(PROFILE_ONLY_MESSAGE);
}

export const STATISTICS_MAX_DAYS = 90;

/** Said of every field beyond the public profile (visibility.ts). */
const BEYOND_PROFILE = 'Beyond the public profile: FORBIDDEN to an order party without the authorization.';

@Resolver(() => MiniProgram)
export class MiniProgramResolver {
  @Query(() => MiniProgram, {
    nullable: true,
    description:
      "A mini program by id, for the members of its merchant and of its authorized ISV, its own members and the platform; " +
      'null for anyone else (an order party sees its public profile through `Order.miniProgram`).',
  })
  async miniProgram(
    @Arg('id', () => ID, { description: 'The mini program; an unknown or malformed id gives null.' }) id: string,
    @Ctx() ctx: MiniProgramsContext,
  ): Promise<MiniProgramRow | null> {
    ctx.access.requireViewer();
    const miniProgram = isId(id) ? await ctx.loaders.miniProgram.load(id) : null;
    return miniProgram && (await readsAll(ctx, miniProgram)) ? miniProgram : null;
  }

  @FieldResolver(() => WorkspaceRef)
  merchant(@Root() miniProgram: MiniProgramRow): WorkspaceRef {
    return { id: miniProgram.merchantWorkspaceId };
  }

  @FieldResolver(() => String)
  async targetApp(@Root() miniProgram: MiniProgramRow, @Ctx() ctx: MiniProgramsContext): Promise<string> {
    await requireField(ctx, miniProgram, 'targetApp');
    return miniProgram.targetApp;
  }

  @FieldResolver(() => String)
  async description(@Root() miniProgram: MiniProgramRow, @Ctx() ctx: MiniProgramsContext): Promise<string> {
    await requireField(ctx, miniProgram, 'description');
    return miniProgram.description;
  }

  @FieldResolver(() => String)
  async contactPhone(@Root() miniProgram: MiniProgramRow, @Ctx() ctx: MiniProgramsContext): Promise<string> {
    await requireField(ctx, miniProgram, 'contactPhone');
    return miniProgram.contactPhone;
  }

  @FieldResolver(() => String)
  async contactEmail(@Root() miniProgram: MiniProgramRow, @Ctx() ctx: MiniProgramsContext): Promise<string> {
    await requireField(ctx, miniProgram, 'contactEmail');
    return miniProgram.contactEmail;
  }

  @FieldResolver(() => String)
  logoUrl(@Root() miniProgram: MiniProgramRow, @Ctx() ctx: MiniProgramsContext): string {
    return logoUrl(ctx.deps.config.publicUrl, miniProgram.logoUploadId);
  }

  @FieldResolver(() => [MiniProgramMember], {
    description: `The accounts with a role on this mini program, oldest first. ${BEYOND_PROFILE}`,
  })
  async members(@Root() miniProgram: MiniProgramRow, @Ctx() ctx: MiniProgramsContext) {
    await requireField(ctx, miniProgram, 'members');
    return ctx.loaders.membersByMiniProgram.load(miniProgram.id);
  }

  @FieldResolver(() => MiniProgramVersionConnection, { description: `Its versions, newest first. ${BEYOND_PROFILE}` })
  async versions(
    @Root() miniProgram: MiniProgramRow,
    @Arg('status', () => VersionStatus, { nullable: true, description: 'Only the versions in this status; omitted: all.' })
    status: VersionStatus | null,
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARGUMENT_DESCRIPTIONS.first }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: PAGE_ARGUMENT_DESCRIPTIONS.after }) after: string | null,
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

  @FieldResolver(() => MiniProgramVersion, {
    nullable: true,
    description: `The RELEASED (live) version; null before the first release or after it was taken offline. ${BEYOND_PROFILE}`,
  })
  async currentRelease(@Root() miniProgram: MiniProgramRow, @Ctx() ctx: MiniProgramsContext): Promise<VersionRow | null> {
    await requireField(ctx, miniProgram, 'currentRelease');
    return ctx.loaders.currentRelease.load(miniProgram.id);
  }

  @FieldResolver(() => MiniProgramVersion, {
    nullable: true,
    description: `The version the TRIAL QR code opens, chosen with \`setTrialVersion\`; null until chosen. ${BEYOND_PROFILE}`,
  })
  async trialVersion(@Root() miniProgram: MiniProgramRow, @Ctx() ctx: MiniProgramsContext): Promise<VersionRow | null> {
    await requireField(ctx, miniProgram, 'trialVersion');
    return miniProgram.trialVersionId ? ctx.loaders.version.load(miniProgram.trialVersionId) : null;
  }

  @FieldResolver(() => [String], {
    description: `Whitelisted domains as \`https://<hostname>\`, of one kind or both (each listed once). ${BEYOND_PROFILE}`,
  })
  async domains(
    @Root() miniProgram: MiniProgramRow,
    @Arg('kind', () => DomainKind, { nullable: true, description: 'Only this whitelist; omitted: both.' }) kind: DomainKind | null,
    @Ctx() ctx: MiniProgramsContext,
  ): Promise<string[]> {
    await requireField(ctx, miniProgram, 'domains');
    const rows = await ctx.loaders.domainsByMiniProgram.load(miniProgram.id);
    return [...new Set(rows.filter((row) => !kind || row.kind === kind).map((row) => row.domain))];
  }

  @FieldResolver(() => QrCode, {
    description:
      'A QR code that opens this mini program in the super app. TRIAL needs a trial version, RELEASE a released one ' +
      `(an INVALID_STATE error otherwise). ${BEYOND_PROFILE}`,
  })
  async qrCode(
    @Root() miniProgram: MiniProgramRow,
    @Arg('kind', () => QrCodeKind, { description: 'Which version the code opens.' }) kind: QrCodeKind,
    @Arg('page', () => String, {
      nullable: true,
      description:
        'The page to open, a path such as `pages/index/index` with an optional query (`?from=qr`): letters, digits and `_-./`, ' +
        'up to 200 characters, no leading `/`, no `..` (else a BAD_USER_INPUT error). Omitted: its home page.',
    })
    page: string | null,
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

  @FieldResolver(() => MiniProgramStatistics, {
    description: `Visits over the last \`days\` UTC days, today included. ${BEYOND_PROFILE}`,
  })
  async statistics(
    @Root() miniProgram: MiniProgramRow,
    @Arg('days', () => Int, { description: 'The window, 1 to 90 days (else a BAD_USER_INPUT error).' }) days: number,
    @Ctx() ctx: MiniProgramsContext,
  ): Promise<Statistics> {
    await requireField(ctx, miniProgram, 'statistics');
    if (!Number.isInteger(days) || days < 1 || days > STATISTICS_MAX_DAYS) {
      throw badUserInput(`\`days\` must be 1 to ${STATISTICS_MAX_DAYS}.`, 'days');
    }
    return ctx.loaders.statistics.load({ miniProgramId: miniProgram.id, days });
  }

  @Mutation(() => MiniProgramPayload, {
    description:
      'Creates an ACTIVE mini program, using its logo upload. For OWNER or MASTER of a VERIFIED merchant workspace (else FORBIDDEN), ' +
      'at most 10 not REMOVED per merchant. userErrors: INVALID, NOT_FOUND, NOT_VERIFIED, QUOTA_EXCEEDED.',
  })
  createMiniProgram(
    @Arg('input', () => CreateMiniProgramInput, { description: 'The new mini program.' }) input: CreateMiniProgramInput,
    @Ctx() ctx: MiniProgramsContext,
  ) {
    return mutationPayload('miniProgram', () => createMiniProgram(ctx, input));
  }

  @Mutation(() => MiniProgramPayload, {
    description:
      "Edits an ACTIVE mini program; omitted fields stay as they are. For its merchant's OWNER or MASTER (else FORBIDDEN). " +
      'userErrors: INVALID, NOT_FOUND, INVALID_STATE.',
  })
  updateMiniProgram(
    @Arg('input', () => UpdateMiniProgramInput, { description: 'What to change.' }) input: UpdateMiniProgramInput,
    @Ctx() ctx: MiniProgramsContext,
  ) {
    return mutationPayload('miniProgram', () => updateMiniProgram(ctx, input));
  }

  @Mutation(() => MiniProgramPayload, {
    description:
      "Makes a mini program REMOVED, for good, freeing a place in its merchant's quota of 10; it stays listed for the merchant. " +
      "For its merchant's OWNER or MASTER (else FORBIDDEN). userErrors: NOT_FOUND, INVALID_STATE.",
  })
  removeMiniProgram(
    @Arg('input', () => MiniProgramRefInput, { description: 'The mini program to remove.' }) input: MiniProgramRefInput,
    @Ctx() ctx: MiniProgramsContext,
  ) {
    return mutationPayload('miniProgram', () => removeMiniProgram(ctx, input.miniProgramId));
  }

  @Mutation(() => MiniProgramPayload, {
    description:
      'Replaces the whitelist of one kind: https hostnames, at most 200, duplicates removed. ' +
      "For the merchant's OWNER/MASTER, the authorized ISV's OWNER/MASTER and the mini program's DEVELOPER members (else FORBIDDEN). " +
      'userErrors: INVALID, NOT_FOUND, INVALID_STATE.',
  })
  setDomainWhitelist(
    @Arg('input', () => SetDomainWhitelistInput, { description: 'The whitelist and its new domains.' }) input: SetDomainWhitelistInput,
    @Ctx() ctx: MiniProgramsContext,
  ) {
    return mutationPayload('miniProgram', () => setDomainWhitelist(ctx, input));
  }

  @Mutation(() => RecordVisitsPayload, {
    description:
      "The super app's feed of visits, 1 to 1,000 a batch; a replayed visit is ignored, so a retried batch never counts twice. " +
      'For platform members only (else FORBIDDEN). userErrors: INVALID, NOT_FOUND.',
  })
  recordVisits(
    @Arg('input', () => RecordVisitsInput, { description: 'The mini program and its visits.' }) input: RecordVisitsInput,
    @Ctx() ctx: MiniProgramsContext,
  ) {
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
  // What the view is decided from, read with the mini program rather than after it: the viewer's
  // memberships and the mini program's members (batched over the fetch's references).
  ctx.access.prefetchMemberships();
  ctx.loaders.membersByMiniProgram.load(reference.id).catch(() => {});
  const miniProgram = await ctx.loaders.miniProgram.load(reference.id);
  return miniProgram && (await viewOf(ctx, miniProgram)) !== 'NONE' ? miniProgram : null;
}
