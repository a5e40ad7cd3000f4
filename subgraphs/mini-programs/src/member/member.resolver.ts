import { mutationPayload } from '@mpp/kit';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { MiniProgramsContext } from '../context.js';
import type { MemberRow } from '../db/schema.js';
import { AddMiniProgramMemberInput, MiniProgramMember, MiniProgramPayload, RemoveMiniProgramMemberInput } from '../mini-program/mini-program.type.js';
import { AccountRef } from '../workspace/workspace.type.js';
import { addMember, removeMember } from './member.service.js';

@Resolver(() => MiniProgramMember)
export class MiniProgramMemberResolver {
  @FieldResolver(() => AccountRef)
  account(@Root() member: MemberRow): AccountRef {
    return { id: member.accountId };
  }

  @Mutation(() => MiniProgramPayload, {
    description:
      "Gives an account a role on an ACTIVE mini program. The merchant's OWNER/MASTER add any account; the authorized ISV's " +
      'OWNER/MASTER add members of their own workspace, who keep the role only while that ISV is authorized. Anyone else: FORBIDDEN. ' +
      'userErrors: INVALID, NOT_FOUND, TAKEN, INVALID_STATE.',
  })
  addMiniProgramMember(
    @Arg('input', () => AddMiniProgramMemberInput, { description: 'The mini program, the account and its role.' }) input: AddMiniProgramMemberInput,
    @Ctx() ctx: MiniProgramsContext,
  ) {
    return mutationPayload('miniProgram', () => addMember(ctx, input));
  }

  @Mutation(() => MiniProgramPayload, {
    description:
      "Takes a member off an ACTIVE mini program. The merchant's OWNER/MASTER remove any member; the authorized ISV's OWNER/MASTER " +
      'only the members their ISV added. Anyone else: FORBIDDEN. userErrors: INVALID, NOT_FOUND, INVALID_STATE.',
  })
  removeMiniProgramMember(
    @Arg('input', () => RemoveMiniProgramMemberInput, { description: 'The mini program and the member.' }) input: RemoveMiniProgramMemberInput,
    @Ctx() ctx: MiniProgramsContext,
  ) {
    return mutationPayload('miniProgram', () => removeMember(ctx, input));
  }
}
