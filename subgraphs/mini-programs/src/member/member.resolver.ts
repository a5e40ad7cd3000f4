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
    description: "The merchant's OWNER/MASTER add anyone; the authorized ISV's OWNER/MASTER add their own accounts.",
  })
  addMiniProgramMember(@Arg('input', () => AddMiniProgramMemberInput) input: AddMiniProgramMemberInput, @Ctx() ctx: MiniProgramsContext) {
    return mutationPayload('miniProgram', () => addMember(ctx, input));
  }

  @Mutation(() => MiniProgramPayload, { description: 'The merchant removes any member; the authorized ISV the members it added.' })
  removeMiniProgramMember(
    @Arg('input', () => RemoveMiniProgramMemberInput) input: RemoveMiniProgramMemberInput,
    @Ctx() ctx: MiniProgramsContext,
  ) {
    return mutationPayload('miniProgram', () => removeMember(ctx, input));
  }
}
