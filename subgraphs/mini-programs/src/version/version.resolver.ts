import { mutationPayload, PAGE_ARGUMENT_DESCRIPTIONS } from '@mpp/kit';
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { MiniProgramsContext } from '../context.js';
import type { VersionRow } from '../db/schema.js';
import { MiniProgram, MiniProgramRefInput } from '../mini-program/mini-program.type.js';
import { AccountRef } from '../workspace/workspace.type.js';
import {
  releaseVersion,
  reviewVersion,
  rollbackRelease,
  setTrialVersion,
  submitForReview,
  takeOffline,
  uploadVersion,
  versionsPendingReview,
  withdrawReview,
} from './version.service.js';
import {
  MiniProgramVersion,
  MiniProgramVersionConnection,
  RejectVersionInput,
  ReleaseVersionInput,
  UploadVersionInput,
  VersionPayload,
  VersionRefInput,
} from './version.type.js';

/** Who may take a developer's step on a mini program's versions (`develop` in rights.ts). */
const DEVELOPERS =
  "For the merchant's OWNER/MASTER, the authorized ISV's OWNER/MASTER and the mini program's DEVELOPER members (else FORBIDDEN).";

@Resolver(() => MiniProgramVersion)
export class VersionResolver {
  @FieldResolver(() => MiniProgram)
  miniProgram(@Root() version: VersionRow, @Ctx() ctx: MiniProgramsContext) {
    return ctx.loaders.miniProgram.load(version.miniProgramId);
  }

  @FieldResolver(() => AccountRef)
  uploadedBy(@Root() version: VersionRow): AccountRef {
    return { id: version.uploadedBy };
  }

  @Query(() => MiniProgramVersionConnection, {
    description:
      "The platform's review queue: versions UNDER_REVIEW across mini programs, oldest submission first. " +
      'Platform members only (else FORBIDDEN).',
  })
  versionsPendingReview(
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARGUMENT_DESCRIPTIONS.first }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: PAGE_ARGUMENT_DESCRIPTIONS.after }) after: string | null,
    @Ctx() ctx: MiniProgramsContext,
  ) {
    return versionsPendingReview(ctx.deps.db, ctx.access, { first, after });
  }

  @Mutation(() => VersionPayload, {
    description:
      `A received package upload becomes an UPLOADED version of an ACTIVE mini program. ${DEVELOPERS} ` +
      'userErrors: INVALID, TAKEN, NOT_FOUND, INVALID_STATE.',
  })
  uploadVersion(
    @Arg('input', () => UploadVersionInput, { description: 'The mini program, the version number and the package.' }) input: UploadVersionInput,
    @Ctx() ctx: MiniProgramsContext,
  ) {
    return mutationPayload('version', () => uploadVersion(ctx, input));
  }

  @Mutation(() => VersionPayload, {
    description: `Makes an UPLOADED, UNDER_REVIEW or APPROVED version the one the TRIAL QR code opens. ${DEVELOPERS} userErrors: NOT_FOUND, INVALID_STATE.`,
  })
  setTrialVersion(@Arg('input', () => VersionRefInput, { description: 'The version to try.' }) input: VersionRefInput, @Ctx() ctx: MiniProgramsContext) {
    return mutationPayload('version', () => setTrialVersion(ctx, input.versionId));
  }

  @Mutation(() => VersionPayload, {
    description: `UPLOADED to UNDER_REVIEW; at most one version under review per mini program. ${DEVELOPERS} userErrors: NOT_FOUND, INVALID_STATE.`,
  })
  submitVersionForReview(
    @Arg('input', () => VersionRefInput, { description: 'The version to submit.' }) input: VersionRefInput,
    @Ctx() ctx: MiniProgramsContext,
  ) {
    return mutationPayload('version', () => submitForReview(ctx, input.versionId));
  }

  @Mutation(() => VersionPayload, { description: `UNDER_REVIEW back to UPLOADED. ${DEVELOPERS} userErrors: NOT_FOUND, INVALID_STATE.` })
  withdrawVersionReview(
    @Arg('input', () => VersionRefInput, { description: 'The version to withdraw.' }) input: VersionRefInput,
    @Ctx() ctx: MiniProgramsContext,
  ) {
    return mutationPayload('version', () => withdrawReview(ctx, input.versionId));
  }

  @Mutation(() => VersionPayload, {
    description: 'UNDER_REVIEW to APPROVED. Platform members only (else FORBIDDEN). userErrors: NOT_FOUND, INVALID_STATE.',
  })
  approveVersion(@Arg('input', () => VersionRefInput, { description: 'The version to approve.' }) input: VersionRefInput, @Ctx() ctx: MiniProgramsContext) {
    return mutationPayload('version', () => reviewVersion(ctx, { versionId: input.versionId, approve: true }));
  }

  @Mutation(() => VersionPayload, {
    description:
      'UNDER_REVIEW to REJECTED, with the reason; final. Platform members only (else FORBIDDEN). userErrors: INVALID, NOT_FOUND, INVALID_STATE.',
  })
  rejectVersion(
    @Arg('input', () => RejectVersionInput, { description: 'The version and the reason.' }) input: RejectVersionInput,
    @Ctx() ctx: MiniProgramsContext,
  ) {
    return mutationPayload('version', () => reviewVersion(ctx, { versionId: input.versionId, approve: false, reason: input.reason }));
  }

  @Mutation(() => VersionPayload, {
    description:
      'APPROVED (or GRAY) to RELEASED, the previous RELEASED version becoming SUPERSEDED; or, below 100 %, to GRAY (at most one ' +
      `GRAY per mini program, and none other may be released meanwhile). ${DEVELOPERS} userErrors: INVALID, NOT_FOUND, INVALID_STATE.`,
  })
  releaseVersion(
    @Arg('input', () => ReleaseVersionInput, { description: 'The version and its share of users.' }) input: ReleaseVersionInput,
    @Ctx() ctx: MiniProgramsContext,
  ) {
    return mutationPayload('version', () => releaseVersion(ctx, input));
  }

  @Mutation(() => VersionPayload, {
    description:
      'The RELEASED version becomes ROLLED_BACK and the newest SUPERSEDED one RELEASED again; INVALID_STATE during a gray release, ' +
      `or when nothing is released or nothing was before. ${DEVELOPERS} userErrors: NOT_FOUND, INVALID_STATE.`,
  })
  rollbackRelease(
    @Arg('input', () => MiniProgramRefInput, { description: 'The mini program to roll back.' }) input: MiniProgramRefInput,
    @Ctx() ctx: MiniProgramsContext,
  ) {
    return mutationPayload('version', () => rollbackRelease(ctx, input.miniProgramId));
  }

  @Mutation(() => VersionPayload, {
    description: `RELEASED to OFFLINE, final: the mini program has no live version then. ${DEVELOPERS} userErrors: NOT_FOUND, INVALID_STATE.`,
  })
  takeVersionOffline(@Arg('input', () => VersionRefInput, { description: 'The live version.' }) input: VersionRefInput, @Ctx() ctx: MiniProgramsContext) {
    return mutationPayload('version', () => takeOffline(ctx, input.versionId));
  }
}
