import {
  connectionTypes,
  DateTimeScalar,
  UserError,
  VerificationStatus,
  WorkspaceKind,
  WorkspaceRole,
} from '@mpp/kit';
import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

registerEnumType(WorkspaceKind, {
  name: 'WorkspaceKind',
  description: 'What a workspace is on the platform; fixed when it is created.',
  valuesConfig: {
    ISV: { description: "An independent software vendor: offers services in the Service Market and develops merchants' mini programs under their orders." },
    MERCHANT: { description: 'A business that owns mini programs and orders services for them.' },
    PLATFORM: { description: 'The platform operator (one workspace): reviews verifications, services and versions; cannot be created through the API.' },
  },
});
registerEnumType(WorkspaceRole, {
  name: 'WorkspaceRole',
  description: "A member's role in a workspace.",
  valuesConfig: {
    OWNER: { description: 'Everything MASTER may, plus adding and removing members and changing roles; a workspace always keeps one OWNER at least.' },
    MASTER: {
      description: "Runs the workspace's business: its verification and webhook endpoints; an ISV's services and orders, a merchant's mini programs and orders.",
    },
    DEVELOPER: { description: "Reads the workspace; an ISV's developers work on the mini programs they are members of." },
  },
});
registerEnumType(VerificationStatus, {
  name: 'VerificationStatus',
  description: "Where a workspace's identity verification is.",
  valuesConfig: {
    UNVERIFIED: { description: 'Nothing submitted yet; `submitVerification` starts it.' },
    PENDING: { description: 'Submitted; waits for a platform reviewer.' },
    VERIFIED: { description: 'Approved: an ISV may submit services; a merchant may create mini programs and place orders.' },
    REJECTED: { description: 'Refused, with `rejectionReason`; corrected details can be submitted again.' },
  },
});

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A company on the platform: an ISV, a merchant, or the platform operator itself. Anyone signed in who reaches it (through a ' +
    'service, an order, a mini program) sees its kind, name and verification status; its members and verification details are for its members and the platform.',
})
export class Workspace {
  @Field(() => ID, { description: "The workspace's opaque id." })
  id!: string;

  @Field(() => WorkspaceKind, { description: 'ISV, MERCHANT or PLATFORM; fixed at creation.' })
  kind!: WorkspaceKind;

  @Field(() => String, { description: 'The name others see: 2 to 60 characters.' })
  name!: string;

  @Field(() => DateTimeScalar, { description: 'When it was created.' })
  createdAt!: Date;
}

export const { Edge: WorkspaceEdge, Connection: WorkspaceConnection } = connectionTypes(Workspace, 'Workspace');

@InputType({ description: 'A new workspace.' })
export class CreateWorkspaceInput {
  @Field(() => WorkspaceKind, { description: 'ISV or MERCHANT; PLATFORM is refused (INVALID).' })
  kind!: WorkspaceKind;

  @Field(() => String, {
    description:
      '2 to 60 characters (code points) once trimmed, showing something, without bidirectional controls, control or zero-width characters; INVALID otherwise.',
  })
  name!: string;
}

@InputType({ description: 'Names one workspace.' })
export class WorkspaceRefInput {
  @Field(() => ID, { description: "The workspace's id; NOT_FOUND when there is none." })
  workspaceId!: string;
}

@ObjectType({ description: 'The workspace a mutation created or changed, or the userErrors.' })
export class WorkspacePayload {
  @Field(() => Workspace, { nullable: true, description: 'The workspace after the change; null when userErrors is not empty.' })
  workspace!: Workspace | null;

  @Field(() => [UserError], { description: 'Why nothing was changed; empty on success.' })
  userErrors!: UserError[];
}
