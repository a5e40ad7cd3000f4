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
registerEnumType(ServiceStatus, { name: 'ServiceStatus' });

export enum ServiceType {
  MINI_PROGRAM_DEVELOPMENT = 'MINI_PROGRAM_DEVELOPMENT',
}
registerEnumType(ServiceType, { name: 'ServiceType' });

@ObjectType()
export class CompanyInfo {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  contactEmail!: string;

  @Field(() => String, { nullable: true })
  contactPhone!: string | null;

  @Field(() => String, { nullable: true })
  website!: string | null;
}

@InputType()
export class CompanyInfoInput {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  contactEmail!: string;

  @Field(() => String, { nullable: true })
  contactPhone?: string | null;

  @Field(() => String, { nullable: true })
  website?: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: "An ISV's offer in the Service Market: what it builds, for which apps, at what price." })
export class Service {
  @Field(() => ID)
  id!: string;

  @Field(() => WorkspaceRef)
  isv!: WorkspaceRef;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  industry!: string;

  @Field(() => ServiceType)
  type!: ServiceType;

  @Field(() => String)
  description!: string;

  @Field(() => [String])
  images!: string[];

  @Field(() => [String])
  applicableApps!: string[];

  @Field(() => Money)
  price!: Money;

  @Field(() => CompanyInfo)
  companyInfo!: CompanyInfo;

  @Field(() => ServiceStatus)
  status!: ServiceStatus;

  @Field(() => String, { nullable: true, description: "The platform reviewer's reason, when REJECTED." })
  rejectionReason!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

export const { Edge: ServiceEdge, Connection: ServiceConnection } = connectionTypes(Service, 'Service', { totalCount: true });

@InputType()
export class ServiceMarketFilter {
  @Field(() => String, { nullable: true })
  industry?: string | null;

  @Field(() => String, { nullable: true })
  applicableApp?: string | null;

  @Field(() => String, { nullable: true, description: 'Matches name or description, case-insensitive.' })
  search?: string | null;
}

@InputType()
export class CreateServiceInput {
  @Field(() => ID)
  isvWorkspaceId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  industry!: string;

  @Field(() => ServiceType)
  type!: ServiceType;

  @Field(() => String)
  description!: string;

  @Field(() => [String])
  images!: string[];

  @Field(() => [String])
  applicableApps!: string[];

  @Field(() => MoneyInput)
  price!: MoneyInput;

  @Field(() => CompanyInfoInput)
  companyInfo!: CompanyInfoInput;
}

@InputType()
export class UpdateServiceInput {
  @Field(() => ID)
  serviceId!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  industry?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [String], { nullable: true })
  images?: string[] | null;

  @Field(() => [String], { nullable: true })
  applicableApps?: string[] | null;

  @Field(() => MoneyInput, { nullable: true })
  price?: MoneyInput | null;

  @Field(() => CompanyInfoInput, { nullable: true })
  companyInfo?: CompanyInfoInput | null;
}

@InputType()
export class ServiceRefInput {
  @Field(() => ID)
  serviceId!: string;
}

@InputType()
export class RejectServiceInput {
  @Field(() => ID)
  serviceId!: string;

  @Field(() => String)
  reason!: string;
}

@ObjectType()
export class ServicePayload {
  @Field(() => Service, { nullable: true })
  service!: Service | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
