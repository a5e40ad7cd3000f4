import { DateTimeScalar, VerificationStatus } from '@mpp/kit';
import { Field, ID, InputType, ObjectType } from 'type-graphql';

/** How every submitted detail reads for whom. */
const HIDDEN_DETAIL = 'null before a submission, and for callers other than its members and the platform.';

@ObjectType({
  description:
    'Identity verification of a workspace. Its status is public; the submitted details and the ' +
    "reviewer's reason are shown to the workspace's members and the platform only.",
})
export class Verification {
  @Field(() => VerificationStatus, { description: 'Where the verification is; public.' })
  status!: VerificationStatus;

  @Field(() => String, { nullable: true, description: `The registered company name submitted; ${HIDDEN_DETAIL}` })
  companyName!: string | null;

  @Field(() => String, { nullable: true, description: `The company's registration number as submitted; ${HIDDEN_DETAIL}` })
  registrationNumber!: string | null;

  @Field(() => String, { nullable: true, description: `The country of registration, ISO 3166-1 alpha-2 (e.g. SG); ${HIDDEN_DETAIL}` })
  country!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: `When the details were last submitted; ${HIDDEN_DETAIL}` })
  submittedAt!: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When a platform reviewer decided the last submission; null while it waits, and for callers other than its members and the platform.',
  })
  reviewedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "The reviewer's reason when REJECTED; null otherwise, and for callers other than its members and the platform.",
  })
  rejectionReason!: string | null;
}

@InputType({ description: 'The company details a platform reviewer checks.' })
export class SubmitVerificationInput {
  @Field(() => ID, { description: "The workspace's id; NOT_FOUND when there is none." })
  workspaceId!: string;

  @Field(() => String, { description: 'The registered company name: 2 to 200 characters once trimmed; INVALID otherwise.' })
  companyName!: string;

  @Field(() => String, {
    description: 'The registration number: 1 to 64 letters, digits, spaces, dots, slashes or dashes, starting with a letter or digit; INVALID otherwise.',
  })
  registrationNumber!: string;

  @Field(() => String, { description: 'The country of registration as an ISO 3166-1 alpha-2 code, e.g. SG or CN (case ignored); INVALID otherwise.' })
  country!: string;
}

@InputType({ description: 'A pending verification to refuse, and why.' })
export class RejectVerificationInput {
  @Field(() => ID, { description: "The workspace's id; NOT_FOUND when there is none." })
  workspaceId!: string;

  @Field(() => String, { description: "Shown to the workspace's members: 1 to 1000 characters once trimmed; INVALID otherwise." })
  reason!: string;
}
