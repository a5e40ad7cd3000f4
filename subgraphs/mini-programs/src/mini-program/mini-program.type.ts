import { connectionTypes, DateTimeScalar, UserError } from '@mpp/kit';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AccountRef, WorkspaceRef } from '../workspace/workspace.type.js';

export enum MiniProgramStatus {
  ACTIVE = 'ACTIVE',
  REMOVED = 'REMOVED',
}
registerEnumType(MiniProgramStatus, { name: 'MiniProgramStatus' });

export enum MiniProgramMemberRole {
  DEVELOPER = 'DEVELOPER',
  TESTER = 'TESTER',
}
registerEnumType(MiniProgramMemberRole, { name: 'MiniProgramMemberRole' });

export enum DomainKind {
  SERVER = 'SERVER',
  H5 = 'H5',
}
registerEnumType(DomainKind, { name: 'DomainKind' });

export enum QrCodeKind {
  TRIAL = 'TRIAL',
  RELEASE = 'RELEASE',
}
registerEnumType(QrCodeKind, { name: 'QrCodeKind' });

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "A merchant's mini program in a super app. The merchant, its authorized ISV, the members and the platform see all of it. " +
    'A party to one of its orders without the authorization (order not yet in development, or ended) sees, through the order, ' +
    'the public profile only (id, merchant, name, tagline, logoUrl, industry, status, createdAt): every other field is a FORBIDDEN error.',
})
export class MiniProgram {
  @Field(() => ID)
  id!: string;

  @Field(() => WorkspaceRef)
  merchant!: WorkspaceRef;

  @Field(() => String)
  targetApp!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  tagline!: string;

  @Field(() => String)
  description!: string;

  @Field(() => String)
  logoUrl!: string;

  @Field(() => String)
  industry!: string;

  @Field(() => String)
  contactPhone!: string;

  @Field(() => String)
  contactEmail!: string;

  @Field(() => MiniProgramStatus)
  status!: MiniProgramStatus;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@ObjectType()
export class MiniProgramMember {
  @Field(() => AccountRef)
  account!: AccountRef;

  @Field(() => MiniProgramMemberRole)
  role!: MiniProgramMemberRole;

  @Field(() => DateTimeScalar)
  addedAt!: Date;
}

@ObjectType()
export class QrCode {
  @Field(() => QrCodeKind)
  kind!: QrCodeKind;

  @Field(() => String, { description: 'The deep link the code encodes.' })
  url!: string;

  @Field(() => String, { description: 'The code as an SVG document.' })
  svg!: string;
}

@ObjectType()
export class DailyStatistic {
  @Field(() => String, { description: 'YYYY-MM-DD, UTC.' })
  date!: string;

  @Field(() => Int)
  visits!: number;

  @Field(() => Int)
  uniqueVisitors!: number;
}

@ObjectType()
export class MiniProgramStatistics {
  @Field(() => [DailyStatistic])
  days!: DailyStatistic[];

  @Field(() => Int)
  totalVisits!: number;

  @Field(() => Int)
  uniqueVisitors!: number;
}

export const { Edge: MiniProgramEdge, Connection: MiniProgramConnection } = connectionTypes(MiniProgram, 'MiniProgram');

@InputType()
export class CreateMiniProgramInput {
  @Field(() => ID)
  merchantWorkspaceId!: string;

  @Field(() => String)
  targetApp!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  tagline!: string;

  @Field(() => String)
  description!: string;

  @Field(() => ID)
  logoUploadId!: string;

  @Field(() => String)
  industry!: string;

  @Field(() => String)
  contactPhone!: string;

  @Field(() => String)
  contactEmail!: string;
}

@InputType()
export class UpdateMiniProgramInput {
  @Field(() => ID)
  miniProgramId!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  tagline?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ID, { nullable: true })
  logoUploadId?: string | null;

  @Field(() => String, { nullable: true })
  industry?: string | null;

  @Field(() => String, { nullable: true })
  contactPhone?: string | null;

  @Field(() => String, { nullable: true })
  contactEmail?: string | null;
}

@InputType()
export class MiniProgramRefInput {
  @Field(() => ID)
  miniProgramId!: string;
}

@InputType()
export class AddMiniProgramMemberInput {
  @Field(() => ID)
  miniProgramId!: string;

  @Field(() => String)
  email!: string;

  @Field(() => MiniProgramMemberRole)
  role!: MiniProgramMemberRole;
}

@InputType()
export class RemoveMiniProgramMemberInput {
  @Field(() => ID)
  miniProgramId!: string;

  @Field(() => ID)
  accountId!: string;
}

@InputType()
export class SetDomainWhitelistInput {
  @Field(() => ID)
  miniProgramId!: string;

  @Field(() => DomainKind)
  kind!: DomainKind;

  @Field(() => [String])
  domains!: string[];
}

@ObjectType()
export class MiniProgramPayload {
  @Field(() => MiniProgram, { nullable: true })
  miniProgram!: MiniProgram | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@InputType()
export class VisitInput {
  @Field(() => String)
  visitorId!: string;

  @Field(() => String)
  page!: string;

  @Field(() => DateTimeScalar)
  occurredAt!: Date;
}

@InputType()
export class RecordVisitsInput {
  @Field(() => ID)
  miniProgramId!: string;

  @Field(() => [VisitInput])
  visits!: VisitInput[];
}

@ObjectType()
export class RecordVisitsPayload {
  @Field(() => Int)
  accepted!: number;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
