import { mutationPayload } from '@mpp/kit';
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

  @Query(() => MiniProgramVersionConnection, { description: 'Platform reviewers only; oldest submission first.' })
  versionsPendingReview(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: MiniProgramsContext,
  ) {
    return versionsPendingReview(ctx.deps.db, ctx.access, { first, after });
  }

  @Mutation(() => VersionPayload, { description: 'A package upload becomes a version: UPLOADED.' })
  uploadVersion(@Arg('input', () => UploadVersionInput) input: UploadVersionInput, @Ctx() ctx: MiniProgramsContext) {
    return mutationPayload('version', () => uploadVersion(ctx, input));
  }

  @Mutation(() => VersionPayload)
  setTrialVersion(@Arg('input', () => VersionRefInput) input: VersionRefInput, @Ctx() ctx: MiniProgramsContext) {
    return mutationPayload('version', () => setTrialVersion(ctx, input.versionId));
  }

  @Mutation(() => VersionPayload, { description: 'UPLOADED to UNDER_REVIEW; one at a time per mini program.' })
  submitVersionForReview(@Arg('input', () => VersionRefInput) input: VersionRefInput, @Ctx() ctx: MiniProgramsContext) {
    return mutationPayload('version', () => submitForReview(ctx, input.versionId));
  }

  @Mutation(() => VersionPayload, { description: 'UNDER_REVIEW back to UPLOADED.' })
  withdrawVersionReview(@Arg('input', () => VersionRefInput) input: VersionRefInput, @Ctx() ctx: MiniProgramsContext) {
    return mutationPayload('version', () => withdrawReview(ctx, input.versionId));
  }

  @Mutation(() => VersionPayload, { description: 'Platform members: UNDER_REVIEW to APPROVED.' })
  approveVersion(@Arg('input', () => VersionRefInput) input: VersionRefInput, @Ctx() ctx: MiniProgramsContext) {
    return mutationPayload('version', () => reviewVersion(ctx, { versionId: input.versionId, approve: true }));
  }

  @Mutation(() => VersionPayload, { description: 'Platform members: UNDER_REVIEW to REJECTED, with the reason.' })
  rejectVersion(@Arg('input', () => RejectVersionInput) input: RejectVersionInput, @Ctx() ctx: MiniProgramsContext) {
    return mutationPayload('version', () => reviewVersion(ctx, { versionId: input.versionId, approve: false, reason: input.reason }));
  }

  @Mutation(() => VersionPayload, { description: 'APPROVED (or GRAY) to RELEASED, or to GRAY below 100 %.' })
  releaseVersion(@Arg('input', () => ReleaseVersionInput) input: ReleaseVersionInput, @Ctx() ctx: MiniProgramsContext) {
    return mutationPayload('version', () => releaseVersion(ctx, input));
  }

  @Mutation(() => VersionPayload, { description: 'Back to the previous release; not during a gray release.' })
  rollbackRelease(@Arg('input', () => MiniProgramRefInput) input: MiniProgramRefInput, @Ctx() ctx: MiniProgramsContext) {
    return mutationPayload('version', () => rollbackRelease(ctx, input.miniProgramId));
  }

  @Mutation(() => VersionPayload, { description: 'RELEASED to OFFLINE.' })
  takeVersionOffline(@Arg('input', () => VersionRefInput) input: VersionRefInput, @Ctx() ctx: MiniProgramsContext) {
    return mutationPayload('version', () => takeOffline(ctx, input.versionId));
  }
}
