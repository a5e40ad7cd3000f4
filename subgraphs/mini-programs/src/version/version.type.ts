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
registerEnumType(VersionStatus, { name: 'VersionStatus' });

@ObjectType({ description: 'An uploaded package of a mini program and where it stands in review and release.' })
export class MiniProgramVersion {
  @Field(() => ID)
  id!: string;

  @Field(() => MiniProgram)
  miniProgram!: MiniProgram;

  @Field(() => String)
  version!: string;

  @Field(() => String)
  description!: string;

  @Field(() => VersionStatus)
  status!: VersionStatus;

  @Field(() => Int)
  packageSize!: number;

  @Field(() => String)
  packageSha256!: string;

  @Field(() => Int, { nullable: true })
  grayPercentage!: number | null;

  @Field(() => String, { nullable: true })
  rejectionReason!: string | null;

  @Field(() => AccountRef)
  uploadedBy!: AccountRef;

  @Field(() => DateTimeScalar)
  uploadedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  submittedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  reviewedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  releasedAt!: Date | null;
}

export const { Edge: MiniProgramVersionEdge, Connection: MiniProgramVersionConnection } = connectionTypes(
  MiniProgramVersion,
  'MiniProgramVersion',
);

@InputType()
export class UploadVersionInput {
  @Field(() => ID)
  miniProgramId!: string;

  @Field(() => String, { description: 'Semantic version, greater than every earlier version of this mini program.' })
  version!: string;

  @Field(() => String)
  description!: string;

  @Field(() => ID)
  packageUploadId!: string;
}

@InputType()
export class VersionRefInput {
  @Field(() => ID)
  versionId!: string;
}

@InputType()
export class RejectVersionInput {
  @Field(() => ID)
  versionId!: string;

  @Field(() => String)
  reason!: string;
}

@InputType()
export class ReleaseVersionInput {
  @Field(() => ID)
  versionId!: string;

  @Field(() => Int, { nullable: true, description: '1 to 100; below 100 starts a gray release. A gray release\'s percentage may only grow.' })
  grayPercentage?: number | null;
}

@ObjectType()
export class VersionPayload {
  @Field(() => MiniProgramVersion, { nullable: true })
  version!: MiniProgramVersion | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
