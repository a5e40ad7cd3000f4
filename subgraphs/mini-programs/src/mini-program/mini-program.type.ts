import { connectionTypes, DateTimeScalar, UserError } from '@mpp/kit';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AccountRef, WorkspaceRef } from '../workspace/workspace.type.js';

export enum MiniProgramStatus {
  ACTIVE = 'ACTIVE',
  REMOVED = 'REMOVED',
}
registerEnumType(MiniProgramStatus, {
  name: 'MiniProgramStatus',
  description: 'Whether a mini program is in service.',
  valuesConfig: {
    ACTIVE: { description: "In service: counts toward its merchant's quota of 10 and can be edited, developed and ordered for." },
    REMOVED: {
      description:
        'Removed by its merchant (`removeMiniProgram`), for good: frees its place in the quota and stays listed for the merchant; ' +
        'changing it, developing it or ordering for it answers INVALID_STATE.',
    },
  },
});

export enum MiniProgramMemberRole {
  DEVELOPER = 'DEVELOPER',
  TESTER = 'TESTER',
}
registerEnumType(MiniProgramMemberRole, {
  name: 'MiniProgramMemberRole',
  description: 'What a member account may do on one mini program, whatever its workspace roles.',
  valuesConfig: {
    DEVELOPER: {
      description:
        'Sees all of the mini program; uploads versions, sets domains and the trial version, submits for review, releases, ' +
        'rolls back and takes versions offline.',
    },
    TESTER: { description: 'Sees all of the mini program (its versions, QR codes and statistics), to try the trial version; changes nothing.' },
  },
});

export enum DomainKind {
  SERVER = 'SERVER',
  H5 = 'H5',
}
registerEnumType(DomainKind, {
  name: 'DomainKind',
  description: 'Which whitelist of a mini program a domain belongs to.',
  valuesConfig: {
    SERVER: { description: "Servers the mini program's code may send network requests to." },
    H5: { description: 'Web pages (H5) the mini program may open in a web view.' },
  },
});

export enum QrCodeKind {
  TRIAL = 'TRIAL',
  RELEASE = 'RELEASE',
}
registerEnumType(QrCodeKind, {
  name: 'QrCodeKind',
  description: 'Which version of a mini program a QR code opens.',
  valuesConfig: {
    TRIAL: { description: 'The trial version chosen with `setTrialVersion`, for members trying it before release.' },
    RELEASE: { description: 'The released (live) version, for everyone.' },
  },
});

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "A merchant's mini program in a super app. The merchant, its authorized ISV, the members and the platform see all of it. " +
    'A party to one of its orders without the authorization (order not yet in development, or ended) sees, through the order, ' +
    'the public profile only (id, merchant, name, tagline, logoUrl, industry, status, createdAt): every other field is a FORBIDDEN error.',
})
export class MiniProgram {
  @Field(() => ID, { description: 'Opaque identifier; also the `appId` of its deep links and QR codes. Public profile.' })
  id!: string;

  @Field(() => WorkspaceRef, { description: 'The MERCHANT workspace that owns it. Public profile.' })
  merchant!: WorkspaceRef;

  @Field(() => String, {
    description:
      'The super app it launches in, 2 to 50 characters; set at creation, never changed. Beyond the public profile: FORBIDDEN ' +
      'to an order party without the authorization.',
  })
  targetApp!: string;

  @Field(() => String, { description: 'Its name: 3 to 30 characters, each CJK character counting 2. Public profile.' })
  name!: string;

  @Field(() => String, { description: 'A one-line pitch, 10 to 30 characters. Public profile.' })
  tagline!: string;

  @Field(() => String, {
    description: 'What it does, 20 to 200 characters. Beyond the public profile: FORBIDDEN to an order party without the authorization.',
  })
  description!: string;

  @Field(() => String, {
    description:
      "Where its logo (a square JPEG or PNG of at most 256 KB) is served, on the gateway's origin; a new logo gets a new URL. " +
      'Public profile.',
  })
  logoUrl!: string;

  @Field(() => String, { description: 'Its industry, 2 to 50 characters. Public profile.' })
  industry!: string;

  @Field(() => String, {
    description:
      'Customer service landline, `XXXX-XXXXXXX` (3–4 digits, a dash, 7–8 digits). Contact details: FORBIDDEN to an order ' +
      'party without the authorization.',
  })
  contactPhone!: string;

  @Field(() => String, {
    description: 'Customer service email, lower-cased. Contact details: FORBIDDEN to an order party without the authorization.',
  })
  contactEmail!: string;

  @Field(() => MiniProgramStatus, { description: 'ACTIVE, or REMOVED once its merchant removed it. Public profile.' })
  status!: MiniProgramStatus;

  @Field(() => DateTimeScalar, { description: 'When the merchant created it. Public profile.' })
  createdAt!: Date;
}

@ObjectType({
  description:
    'An account with a role on one mini program, besides its workspace roles. One added by the authorized ISV acts only ' +
    'while that ISV holds the authorization, and is removed when it ends.',
})
export class MiniProgramMember {
  @Field(() => AccountRef, { description: "The member's account." })
  account!: AccountRef;

  @Field(() => MiniProgramMemberRole, { description: 'What the member may do on this mini program.' })
  role!: MiniProgramMemberRole;

  @Field(() => DateTimeScalar, { description: 'When the account was added.' })
  addedAt!: Date;
}

@ObjectType({ description: 'A QR code that opens the mini program, or its trial version, in the super app.' })
export class QrCode {
  @Field(() => QrCodeKind, { description: 'Which version the code opens.' })
  kind!: QrCodeKind;

  @Field(() => String, {
    description:
      'The deep link the code encodes: `miniprogram://launch?appId=<id>`, with `page` when given, and `version` and ' +
      '`mode=trial` for TRIAL.',
  })
  url!: string;

  @Field(() => String, { description: 'The code as an SVG document.' })
  svg!: string;
}

@ObjectType({ description: 'The visits of one UTC day.' })
export class DailyStatistic {
  @Field(() => String, { description: 'The day, YYYY-MM-DD, UTC.' })
  date!: string;

  @Field(() => Int, { description: 'Visits recorded that day.' })
  visits!: number;

  @Field(() => Int, { description: 'Distinct visitor ids that day.' })
  uniqueVisitors!: number;
}

@ObjectType({ description: 'Visit statistics over a window of UTC days, from the visits the platform records (`recordVisits`).' })
export class MiniProgramStatistics {
  @Field(() => [DailyStatistic], { description: 'One entry per day of the window, oldest first, days without visits included (as 0).' })
  days!: DailyStatistic[];

  @Field(() => Int, { description: 'Visits in the whole window (the sum of the days).' })
  totalVisits!: number;

  @Field(() => Int, { description: 'Distinct visitor ids over the whole window (not the sum of the days).' })
  uniqueVisitors!: number;
}

export const { Edge: MiniProgramEdge, Connection: MiniProgramConnection } = connectionTypes(MiniProgram, 'MiniProgram');

@InputType({
  description:
    'A new mini program: every field is required; each broken rule is an INVALID userError on ' +
    'its field.',
})
export class CreateMiniProgramInput {
  @Field(() => ID, {
    description:
      'The MERCHANT workspace that will own it; the caller must be its OWNER or MASTER (else FORBIDDEN). NOT_FOUND if ' +
      'unknown, INVALID if not a merchant workspace, NOT_VERIFIED before it passes identity verification, QUOTA_EXCEEDED when ' +
      'it already has 10 mini programs that are not REMOVED.',
  })
  merchantWorkspaceId!: string;

  @Field(() => String, { description: 'The super app to launch it in, 2 to 50 characters (trimmed); cannot be changed later.' })
  targetApp!: string;

  @Field(() => String, {
    description:
      'Its name: 3 to 30 characters where each CJK character (Han, kana, Hangul, full-width forms) counts 2 and any other 1; ' +
      'trimmed. It must show something and carry no bidirectional controls or zero-width characters (INVALID).',
  })
  name!: string;

  @Field(() => String, { description: 'A one-line pitch, 10 to 30 characters (trimmed).' })
  tagline!: string;

  @Field(() => String, { description: 'What it does, 20 to 200 characters (trimmed).' })
  description!: string;

  @Field(() => ID, {
    description:
      'A LOGO upload of the caller (`createUpload`) whose bytes were received and which was not used yet (NOT_FOUND if not ' +
      "the caller's, INVALID otherwise). The image must be a JPEG or PNG by its bytes, at most 256 KB, exactly square, with " +
      'nothing after its end (INVALID).',
  })
  logoUploadId!: string;

  @Field(() => String, { description: 'Its industry, 2 to 50 characters (trimmed).' })
  industry!: string;

  @Field(() => String, { description: 'Customer service landline as `XXXX-XXXXXXX`: 3–4 digits, a dash, 7–8 digits.' })
  contactPhone!: string;

  @Field(() => String, { description: 'Customer service email: a valid address of at most 254 characters, stored lower-cased.' })
  contactEmail!: string;
}

@InputType({ description: 'Changes to a mini program: the rules of creation apply to each field given; the target app cannot change.' })
export class UpdateMiniProgramInput {
  @Field(() => ID, {
    description:
      'The mini program to edit; the caller must be OWNER or MASTER of its merchant workspace (else FORBIDDEN). NOT_FOUND if ' +
      'unknown or not visible to the caller, INVALID_STATE once REMOVED.',
  })
  miniProgramId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'A new name, as at creation: 3 to 30 characters, each CJK character counting 2. Omitted or null: unchanged.',
  })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'A new tagline, 10 to 30 characters. Omitted or null: unchanged.' })
  tagline?: string | null;

  @Field(() => String, { nullable: true, description: 'A new description, 20 to 200 characters. Omitted or null: unchanged.' })
  description?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'A new logo: a LOGO upload with the same rules as at creation (a JPEG or PNG, at most 256 KB, exactly square). Omitted ' +
      'or null: unchanged.',
  })
  logoUploadId?: string | null;

  @Field(() => String, { nullable: true, description: 'A new industry, 2 to 50 characters. Omitted or null: unchanged.' })
  industry?: string | null;

  @Field(() => String, { nullable: true, description: 'A new landline as `XXXX-XXXXXXX`. Omitted or null: unchanged.' })
  contactPhone?: string | null;

  @Field(() => String, { nullable: true, description: 'A new contact email. Omitted or null: unchanged.' })
  contactEmail?: string | null;
}

@InputType({ description: 'Names one mini program.' })
export class MiniProgramRefInput {
  @Field(() => ID, { description: 'The mini program; NOT_FOUND if unknown or not visible to the caller, INVALID_STATE once REMOVED.' })
  miniProgramId!: string;
}

@InputType({ description: 'Gives an existing account a role on a mini program.' })
export class AddMiniProgramMemberInput {
  @Field(() => ID, { description: 'The mini program; NOT_FOUND if unknown or not visible to the caller, INVALID_STATE once REMOVED.' })
  miniProgramId!: string;

  @Field(() => String, {
    description:
      'Email of an existing account (INVALID if not an email, NOT_FOUND if no account has it; TAKEN if it is already a ' +
      'member). The authorized ISV adds only members of its own workspace (INVALID).',
  })
  email!: string;

  @Field(() => MiniProgramMemberRole, { description: 'The role the account gets on this mini program.' })
  role!: MiniProgramMemberRole;
}

@InputType({ description: 'Takes a member off a mini program.' })
export class RemoveMiniProgramMemberInput {
  @Field(() => ID, { description: 'The mini program; NOT_FOUND if unknown or not visible to the caller, INVALID_STATE once REMOVED.' })
  miniProgramId!: string;

  @Field(() => ID, {
    description: 'The member to remove (NOT_FOUND if not a member); the authorized ISV removes only the members it added (INVALID).',
  })
  accountId!: string;
}

@InputType({ description: "Replaces one of a mini program's domain whitelists." })
export class SetDomainWhitelistInput {
  @Field(() => ID, { description: 'The mini program; NOT_FOUND if unknown or not visible to the caller, INVALID_STATE once REMOVED.' })
  miniProgramId!: string;

  @Field(() => DomainKind, { description: 'The whitelist to replace; the other kind stays as it is.' })
  kind!: DomainKind;

  @Field(() => [String], {
    description:
      'The whole new list (empty clears it): hostnames, or `https://` URLs without port, path, query or credentials; no IP ' +
      'address or localhost. Stored as `https://<hostname>`, duplicates removed, at most 200. Each bad entry is an INVALID ' +
      'userError at its index.',
  })
  domains!: string[];
}

@ObjectType({ description: 'The result of a mini program mutation.' })
export class MiniProgramPayload {
  @Field(() => MiniProgram, {
    nullable: true,
    description: 'The mini program after the change; null when `userErrors` says why nothing changed.',
  })
  miniProgram!: MiniProgram | null;

  @Field(() => [UserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: UserError[];
}

@InputType({ description: 'One visit of a mini program in the super app.' })
export class VisitInput {
  @Field(() => String, {
    description: 'Opaque id of the visitor in the super app, 1 to 128 characters; unique visitors are counted by it.',
  })
  visitorId!: string;

  @Field(() => String, { description: 'The page visited, 1 to 512 characters.' })
  page!: string;

  @Field(() => DateTimeScalar, {
    description:
      'When the visit happened; at most 5 minutes in the future. A visit with the same visitor, page and instant as one ' +
      'already recorded is a replay and is ignored.',
  })
  occurredAt!: Date;
}

@InputType({ description: 'A batch of visits of one mini program, from the super app.' })
export class RecordVisitsInput {
  @Field(() => ID, { description: 'The mini program visited (NOT_FOUND if unknown).' })
  miniProgramId!: string;

  @Field(() => [VisitInput], { description: '1 to 1,000 visits (INVALID otherwise; each bad visit is an INVALID userError at its index).' })
  visits!: VisitInput[];
}

@ObjectType({ description: 'The result of `recordVisits`.' })
export class RecordVisitsPayload {
  @Field(() => Int, { description: 'How many visits were newly recorded; replays are not counted. 0 when `userErrors` is not empty.' })
  accepted!: number;

  @Field(() => [UserError], { description: 'Why nothing was recorded; empty on success.' })
  userErrors!: UserError[];
}
