import { connectionTypes, DateTimeScalar, UserError } from '@mpp/kit';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MiniProgram } from '../mini-program/mini-program.type.js';
import { AccountRef } from '../workspace/workspace.type.js';

export enum VersionStatus {
  UPLOADED = 'UPLOADED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  REJECTED = 'REJECTED',
  APPROVED = 'APPROVED',
  GRAY = 'GRAY',
  RELEASED = 'RELEASED',
  SUPERSEDED = 'SUPERSEDED',
  ROLLED_BACK = 'ROLLED_BACK',
  OFFLINE = 'OFFLINE',
}
registerEnumType(VersionStatus, {
  name: 'VersionStatus',
  description: 'Where a version stands in review and release; any step not listed for a status is INVALID_STATE.',
  valuesConfig: {
    UPLOADED: { description: 'In development: can be the trial version, and submitted for review.' },
    UNDER_REVIEW: { description: 'Submitted, waiting for the platform; at most one per mini program. May be withdrawn (back to UPLOADED).' },
    REJECTED: { description: 'Refused by the platform, with `rejectionReason`; final (upload a new version).' },
    APPROVED: { description: 'Approved by the platform, waiting to be released, fully or to a gray share of users.' },
    GRAY: { description: 'Released to `grayPercentage` of users; at most one per mini program; its share only grows, and 100 makes it RELEASED.' },
    RELEASED: { description: 'The live version; at most one per mini program.' },
    SUPERSEDED: { description: 'Was live, replaced by a newer release; the newest one comes back if the release is rolled back.' },
    ROLLED_BACK: { description: 'Was live, replaced by rolling back to the previous release.' },
    OFFLINE: { description: 'Taken offline; final.' },
  },
});

@ObjectType({
  description:
    'An uploaded package of a mini program and where it stands in review and release. Seen by those who see all of the mini program, ' +
    'and by platform members.',
})
export class MiniProgramVersion {
  @Field(() => ID, { description: 'Opaque identifier.' })
  id!: string;

  @Field(() => MiniProgram, { description: 'The mini program it belongs to.' })
  miniProgram!: MiniProgram;

  @Field(() => String, { description: 'Its semantic version, e.g. 1.2.0; greater than every earlier version of the mini program.' })
  version!: string;

  @Field(() => String, { description: 'What it changes, 1 to 500 characters.' })
  description!: string;

  @Field(() => VersionStatus, { description: 'Where it stands in review and release.' })
  status!: VersionStatus;

  @Field(() => Int, { description: 'Size of its package in bytes.' })
  packageSize!: number;

  @Field(() => String, { description: 'Hex SHA-256 of its package.' })
  packageSha256!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The share of users (1 to 99 %) a GRAY version is released to; null in any other status.',
  })
  grayPercentage!: number | null;

  @Field(() => String, { nullable: true, description: "The platform's reason, when REJECTED; null otherwise." })
  rejectionReason!: string | null;

  @Field(() => AccountRef, { description: 'The account that uploaded it.' })
  uploadedBy!: AccountRef;

  @Field(() => DateTimeScalar, { description: 'When it was uploaded.' })
  uploadedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was last submitted for review; null before.' })
  submittedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the platform approved or rejected it; null before.' })
  reviewedAt!: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it last went live (its gray release, its full release, or a rollback to it); null if never released.',
  })
  releasedAt!: Date | null;
}

export const { Edge: MiniProgramVersionEdge, Connection: MiniProgramVersionConnection } = connectionTypes(
  MiniProgramVersion,
  'MiniProgramVersion',
);

@InputType({ description: 'A new version of a mini program from a received package upload.' })
export class UploadVersionInput {
  @Field(() => ID, { description: 'The mini program; NOT_FOUND if unknown or not visible to the caller, INVALID_STATE once REMOVED.' })
  miniProgramId!: string;

  @Field(() => String, {
    description:
      'A semantic version such as 1.2.0 (INVALID otherwise), greater than every earlier version of this mini program (TAKEN ' +
      'if equal to one, INVALID if lower).',
  })
  version!: string;

  @Field(() => String, { description: 'What the version changes, 1 to 500 characters (trimmed).' })
  description!: string;

  @Field(() => ID, {
    description:
      'A PACKAGE upload of the caller (`createUpload`) whose bytes were received and which was not used yet (NOT_FOUND if not ' +
      "the caller's, INVALID otherwise); its size and SHA-256 become the version's.",
  })
  packageUploadId!: string;
}

@InputType({ description: 'Names one version.' })
export class VersionRefInput {
  @Field(() => ID, {
    description: 'The version; NOT_FOUND if unknown or not visible to the caller. A developer step on a REMOVED mini program is INVALID_STATE.',
  })
  versionId!: string;
}

@InputType({ description: 'A version to reject, with the reason.' })
export class RejectVersionInput {
  @Field(() => ID, { description: 'The version under review; NOT_FOUND if unknown.' })
  versionId!: string;

  @Field(() => String, { description: 'Why, 1 to 1,000 characters (trimmed), shown to the developers as `rejectionReason`.' })
  reason!: string;
}

@InputType({ description: 'A version to release, fully or to a share of users.' })
export class ReleaseVersionInput {
  @Field(() => ID, { description: 'An APPROVED version, or the GRAY one; NOT_FOUND if unknown or not visible to the caller.' })
  versionId!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'Share of users, 1 to 100 (INVALID otherwise). Omitted or 100: a full release; below 100: a gray release, whose share ' +
      'may only grow (INVALID otherwise).',
  })
  grayPercentage?: number | null;
}

@ObjectType({ description: 'The result of a version mutation.' })
export class VersionPayload {
  @Field(() => MiniProgramVersion, {
    nullable: true,
    description: 'The version after the step (after a rollback: the one live again); null when `userErrors` says why nothing changed.',
  })
  version!: MiniProgramVersion | null;

  @Field(() => [UserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: UserError[];
}
