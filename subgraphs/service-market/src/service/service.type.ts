import { connectionTypes, DateTimeScalar, Money, MoneyInput, UserError } from '@mpp/kit';
import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { WorkspaceRef } from '../workspace/workspace.type.js';

export enum ServiceStatus {
  DRAFT = 'DRAFT',
  PENDING_REVIEW = 'PENDING_REVIEW',
  WITHDRAWN = 'WITHDRAWN',
  REJECTED = 'REJECTED',
  ONLINE = 'ONLINE',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(ServiceStatus, {
  name: 'ServiceStatus',
  description:
    'Where a service is: DRAFT → PENDING_REVIEW → ONLINE or REJECTED; PENDING_REVIEW → WITHDRAWN; ONLINE → ARCHIVED. ' +
    'DRAFT, REJECTED and WITHDRAWN are editable and can be submitted again; any other step is INVALID_STATE.',
  valuesConfig: {
    DRAFT: { description: 'Being written by its ISV: editable, not in the market.' },
    PENDING_REVIEW: { description: 'Submitted; waits for a platform reviewer. Its ISV may withdraw it.' },
    WITHDRAWN: { description: 'Taken back from review by its ISV: editable, can be submitted again.' },
    REJECTED: { description: 'Refused by the platform, with `rejectionReason`: editable, can be submitted again.' },
    ONLINE: { description: 'Approved: in the Service Market for anyone signed in, and can be ordered.' },
    ARCHIVED: { description: 'Taken off the market by its ISV for good; orders placed before go on.' },
  },
});

export enum ServiceType {
  MINI_PROGRAM_DEVELOPMENT = 'MINI_PROGRAM_DEVELOPMENT',
}
registerEnumType(ServiceType, {
  name: 'ServiceType',
  description: 'The kind of work a service offers.',
  valuesConfig: {
    MINI_PROGRAM_DEVELOPMENT: {
      description: "Developing, uploading and releasing a merchant's mini program, under the authorization its order gives.",
    },
  },
});

/** The rules of each service field, said once for `createService` and `updateService`. */
const FIELD_RULES = {
  name: '2 to 60 characters (code points) once trimmed, showing something, without bidirectional controls, control or zero-width characters; INVALID otherwise.',
  industry: 'The industry it serves, e.g. Retail: 2 to 50 characters once trimmed; INVALID otherwise.',
  description: 'What the ISV delivers: 20 to 2000 characters once trimmed; INVALID otherwise.',
  images:
    'Pictures of its work: 1 to 9 distinct https URLs of at most 2048 characters (duplicates dropped); INVALID on the list, or on the position of a bad URL.',
  applicableApps: 'The apps it builds for: 1 to 20 distinct names of 1 to 50 characters (duplicates dropped); INVALID otherwise.',
  price: 'What an order of it costs; copied into each order when it is placed.',
  companyInfo: "The contact details of the ISV's company, shown to buyers.",
} as const;

/** Added to each field of `UpdateServiceInput`. */
const UNCHANGED_WHEN_ABSENT = 'Absent or null: unchanged.';

@ObjectType({ description: 'The contact details of the company behind a service.' })
export class CompanyInfo {
  @Field(() => String, { description: 'The company name, 2 to 100 characters.' })
  name!: string;

  @Field(() => String, { description: 'The contact email, lower-cased.' })
  contactEmail!: string;

  @Field(() => String, { nullable: true, description: 'A phone number of digits, spaces, dashes or brackets; null when not given.' })
  contactPhone!: string | null;

  @Field(() => String, { nullable: true, description: 'An https URL; null when not given.' })
  website!: string | null;
}

@InputType({ description: 'The contact details of the company behind a service.' })
export class CompanyInfoInput {
  @Field(() => String, { description: 'The company name: 2 to 100 characters (code points) once trimmed; INVALID otherwise.' })
  name!: string;

  @Field(() => String, { description: 'A valid email of at most 254 characters, stored lower-cased; INVALID otherwise.' })
  contactEmail!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Optional: 5 to 25 digits, spaces, dashes or brackets (the first a digit), optionally after a +; blank means none; INVALID otherwise.',
  })
  contactPhone?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Optional: an https URL without credentials, at most 2048 characters; blank means none; INVALID otherwise.',
  })
  website?: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "An ISV's offer in the Service Market: what it builds, for which apps, at what price. Anyone signed in sees an ONLINE " +
    "service, and an ARCHIVED one through its orders; a service in another status is seen only by its ISV's members and the platform.",
})
export class Service {
  @Field(() => ID, { description: "The service's opaque id." })
  id!: string;

  @Field(() => WorkspaceRef, { description: 'The ISV workspace that offers it.' })
  isv!: WorkspaceRef;

  @Field(() => String, { description: 'Its name in the market, 2 to 60 characters.' })
  name!: string;

  @Field(() => String, { description: 'The industry it serves, 2 to 50 characters; the market filters on it.' })
  industry!: string;

  @Field(() => ServiceType, { description: 'The kind of work it offers.' })
  type!: ServiceType;

  @Field(() => String, { description: 'What the ISV delivers, 20 to 2000 characters.' })
  description!: string;

  @Field(() => [String], { description: 'https URLs of 1 to 9 pictures of its work, in order.' })
  images!: string[];

  @Field(() => [String], { description: 'The 1 to 20 apps it builds for; the market filters on them.' })
  applicableApps!: string[];

  @Field(() => Money, { description: 'What an order of it costs; each order keeps the price it was placed at.' })
  price!: Money;

  @Field(() => CompanyInfo, { description: "The contact details of the ISV's company." })
  companyInfo!: CompanyInfo;

  @Field(() => ServiceStatus, { description: 'Where it is in review; only ONLINE services are in the market and can be ordered.' })
  status!: ServiceStatus;

  @Field(() => String, { nullable: true, description: "The platform reviewer's reason, when REJECTED." })
  rejectionReason!: string | null;

  @Field(() => DateTimeScalar, { description: 'When its ISV created it.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When it last changed: an edit or a status change.' })
  updatedAt!: Date;
}

export const { Edge: ServiceEdge, Connection: ServiceConnection } = connectionTypes(Service, 'Service', { totalCount: true });

@InputType({ description: 'Narrows the Service Market; the filters given must all match.' })
export class ServiceMarketFilter {
  @Field(() => String, { nullable: true, description: 'Only services of this industry (the whole name, case-insensitive).' })
  industry?: string | null;

  @Field(() => String, { nullable: true, description: 'Only services that build for this app (the whole name, case-insensitive).' })
  applicableApp?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Text found in the name or description, case-insensitive; at most 100 characters (BAD_USER_INPUT otherwise).',
  })
  search?: string | null;
}

@InputType({ description: 'A new service, created as a DRAFT.' })
export class CreateServiceInput {
  @Field(() => ID, {
    description: 'The ISV workspace that offers it (the caller is its OWNER or MASTER); NOT_FOUND when there is none, INVALID when it is not an ISV.',
  })
  isvWorkspaceId!: string;

  @Field(() => String, { description: FIELD_RULES.name })
  name!: string;

  @Field(() => String, { description: FIELD_RULES.industry })
  industry!: string;

  @Field(() => ServiceType, { description: 'The kind of work it offers.' })
  type!: ServiceType;

  @Field(() => String, { description: FIELD_RULES.description })
  description!: string;

  @Field(() => [String], { description: FIELD_RULES.images })
  images!: string[];

  @Field(() => [String], { description: FIELD_RULES.applicableApps })
  applicableApps!: string[];

  @Field(() => MoneyInput, { description: FIELD_RULES.price })
  price!: MoneyInput;

  @Field(() => CompanyInfoInput, { description: FIELD_RULES.companyInfo })
  companyInfo!: CompanyInfoInput;
}

@InputType({ description: 'Changes to a service in DRAFT, REJECTED or WITHDRAWN, with the rules of `createService`.' })
export class UpdateServiceInput {
  @Field(() => ID, { description: "The service's id; NOT_FOUND when the caller cannot see it." })
  serviceId!: string;

  @Field(() => String, { nullable: true, description: `${FIELD_RULES.name} ${UNCHANGED_WHEN_ABSENT}` })
  name?: string | null;

  @Field(() => String, { nullable: true, description: `${FIELD_RULES.industry} ${UNCHANGED_WHEN_ABSENT}` })
  industry?: string | null;

  @Field(() => String, { nullable: true, description: `${FIELD_RULES.description} ${UNCHANGED_WHEN_ABSENT}` })
  description?: string | null;

  @Field(() => [String], { nullable: true, description: `${FIELD_RULES.images} ${UNCHANGED_WHEN_ABSENT}` })
  images?: string[] | null;

  @Field(() => [String], { nullable: true, description: `${FIELD_RULES.applicableApps} ${UNCHANGED_WHEN_ABSENT}` })
  applicableApps?: string[] | null;

  @Field(() => MoneyInput, { nullable: true, description: `${FIELD_RULES.price} ${UNCHANGED_WHEN_ABSENT}` })
  price?: MoneyInput | null;

  @Field(() => CompanyInfoInput, { nullable: true, description: `${FIELD_RULES.companyInfo} ${UNCHANGED_WHEN_ABSENT}` })
  companyInfo?: CompanyInfoInput | null;
}

@InputType({ description: 'Names one service.' })
export class ServiceRefInput {
  @Field(() => ID, { description: "The service's id; NOT_FOUND when the caller cannot see it." })
  serviceId!: string;
}

@InputType({ description: 'A service to refuse, and why.' })
export class RejectServiceInput {
  @Field(() => ID, { description: "The service's id; NOT_FOUND when there is none." })
  serviceId!: string;

  @Field(() => String, { description: 'Shown to the ISV: 1 to 1000 characters once trimmed; INVALID otherwise.' })
  reason!: string;
}

@ObjectType({ description: 'The service a mutation created or changed, or the userErrors.' })
export class ServicePayload {
  @Field(() => Service, { nullable: true, description: 'The service after the change; null when userErrors is not empty.' })
  service!: Service | null;

  @Field(() => [UserError], { description: 'Why nothing was changed; empty on success.' })
  userErrors!: UserError[];
}
