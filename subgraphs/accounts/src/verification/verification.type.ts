import { DateTimeScalar, VerificationStatus } from '@mpp/kit';
import { Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'Identity verification of a workspace. Its status is public; the submitted details and the ' +
    "reviewer's reason are shown to the workspace's members and the platform only.",
})
export class Verification {
  @Field(() => VerificationStatus)
  status!: VerificationStatus;

  @Field(() => String, { nullable: true })
  companyName!: string | null;

  @Field(() => String, { nullable: true })
  registrationNumber!: string | null;

  @Field(() => String, { nullable: true })
  country!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  submittedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  reviewedAt!: Date | null;

  @Field(() => String, { nullable: true })
  rejectionReason!: string | null;
}

@InputType()
export class SubmitVerificationInput {
  @Field(() => ID)
  workspaceId!: string;

  @Field(() => String)
  companyName!: string;

  @Field(() => String)
  registrationNumber!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  country!: string;
}

@InputType()
export class RejectVerificationInput {
  @Field(() => ID)
  workspaceId!: string;

  @Field(() => String)
  reason!: string;
}
