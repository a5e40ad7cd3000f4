import { mutationPayload } from '@mpp/kit';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { MarketContext } from '../context.js';
import { RejectServiceInput, ServiceConnection, ServicePayload, ServiceRefInput } from '../service/service.type.js';
import { reviewService, servicesPendingReview } from './review.service.js';

@Resolver()
export class ReviewResolver {
  @Query(() => ServiceConnection, { description: 'Platform reviewers only; oldest submission first.' })
  servicesPendingReview(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: MarketContext,
  ) {
    return servicesPendingReview(ctx.deps.db, ctx.access, { first, after });
  }

  @Mutation(() => ServicePayload, { description: 'Platform members; PENDING_REVIEW to ONLINE.' })
  approveService(@Arg('input', () => ServiceRefInput) input: ServiceRefInput, @Ctx() ctx: MarketContext) {
    return mutationPayload('service', () => reviewService(ctx.deps, ctx.access, { serviceId: input.serviceId, approve: true }));
  }

  @Mutation(() => ServicePayload, { description: 'Platform members; PENDING_REVIEW to REJECTED with the reason shown to the ISV.' })
  rejectService(@Arg('input', () => RejectServiceInput) input: RejectServiceInput, @Ctx() ctx: MarketContext) {
    return mutationPayload('service', () =>
      reviewService(ctx.deps, ctx.access, { serviceId: input.serviceId, approve: false, reason: input.reason }),
    );
  }
}
