import { mutationPayload, PAGE_ARGUMENT_DESCRIPTIONS } from '@mpp/kit';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { MarketContext } from '../context.js';
import { RejectServiceInput, ServiceConnection, ServicePayload, ServiceRefInput } from '../service/service.type.js';
import { reviewService, servicesPendingReview } from './review.service.js';

@Resolver()
export class ReviewResolver {
  @Query(() => ServiceConnection, {
    description: 'Platform members only (FORBIDDEN otherwise): the services in PENDING_REVIEW, oldest submission first.',
  })
  servicesPendingReview(
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARGUMENT_DESCRIPTIONS.first }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: PAGE_ARGUMENT_DESCRIPTIONS.after }) after: string | null,
    @Ctx() ctx: MarketContext,
  ) {
    return servicesPendingReview(ctx.deps.db, ctx.access, { first, after });
  }

  @Mutation(() => ServicePayload, {
    description: 'Platform members only (FORBIDDEN otherwise): PENDING_REVIEW to ONLINE, into the market. userErrors: NOT_FOUND (serviceId), INVALID_STATE.',
  })
  approveService(
    @Arg('input', () => ServiceRefInput, { description: 'The service to approve.' }) input: ServiceRefInput,
    @Ctx() ctx: MarketContext,
  ) {
    return mutationPayload('service', () => reviewService(ctx.deps, ctx.access, { serviceId: input.serviceId, approve: true }));
  }

  @Mutation(() => ServicePayload, {
    description:
      'Platform members only (FORBIDDEN otherwise): PENDING_REVIEW to REJECTED, with the reason shown to the ISV. ' +
      'userErrors: NOT_FOUND (serviceId), INVALID (reason), INVALID_STATE.',
  })
  rejectService(
    @Arg('input', () => RejectServiceInput, { description: 'The service and the reason.' }) input: RejectServiceInput,
    @Ctx() ctx: MarketContext,
  ) {
    return mutationPayload('service', () =>
      reviewService(ctx.deps, ctx.access, { serviceId: input.serviceId, approve: false, reason: input.reason }),
    );
  }
}
