import { isId, Money as MoneyType, mutationPayload, PAGE_ARGUMENT_DESCRIPTIONS, type Money } from '@mpp/kit';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { MarketContext } from '../context.js';
import type { ServiceRow } from '../db/schema.js';
import { workspaceRef, WorkspaceRef } from '../workspace/workspace.type.js';
import { serviceMarket } from './market.service.js';
import { archiveService, canSee, createService, submitService, updateService, withdrawService } from './service.service.js';
import {
  CompanyInfo,
  CreateServiceInput,
  Service,
  ServiceConnection,
  ServiceMarketFilter,
  ServicePayload,
  ServiceRefInput,
  UpdateServiceInput,
} from './service.type.js';

@Resolver(() => Service)
export class ServiceResolver {
  @Query(() => ServiceConnection, { description: 'Any signed-in account: the ONLINE services, most recently published first.' })
  serviceMarket(
    @Arg('filter', () => ServiceMarketFilter, { nullable: true, description: 'Narrows the list; null: every ONLINE service.' })
    filter: ServiceMarketFilter | null,
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARGUMENT_DESCRIPTIONS.first }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: PAGE_ARGUMENT_DESCRIPTIONS.after }) after: string | null,
    @Ctx() ctx: MarketContext,
  ) {
    return serviceMarket(ctx.deps.db, ctx.access, { filter, first, after });
  }

  @Query(() => Service, {
    nullable: true,
    description: "Signed-in callers: an ONLINE service for anyone; one in another status for its ISV's members and the platform; null otherwise.",
  })
  async service(@Arg('id', () => ID, { description: "The service's id." }) id: string, @Ctx() ctx: MarketContext): Promise<ServiceRow | null> {
    ctx.access.requireViewer();
    const service = isId(id) ? await ctx.loaders.service.load(id) : null;
    return service && (await canSee(ctx.access, service)) ? service : null;
  }

  @FieldResolver(() => WorkspaceRef)
  isv(@Root() service: ServiceRow): WorkspaceRef {
    return workspaceRef(service.isvWorkspaceId);
  }

  @FieldResolver(() => MoneyType)
  price(@Root() service: ServiceRow): Money {
    return { amount: service.priceAmount, currency: service.priceCurrency };
  }

  @FieldResolver(() => CompanyInfo)
  companyInfo(@Root() service: ServiceRow): CompanyInfo {
    return {
      name: service.companyName,
      contactEmail: service.companyContactEmail,
      contactPhone: service.companyContactPhone,
      website: service.companyWebsite,
    };
  }

  @Mutation(() => ServicePayload, {
    description:
      "The ISV workspace's OWNER or MASTER (FORBIDDEN otherwise): a new service, as a DRAFT; verification is needed only to submit it. " +
      'userErrors: NOT_FOUND (isvWorkspaceId), INVALID (isvWorkspaceId not an ISV, a field breaking its rule).',
  })
  createService(
    @Arg('input', () => CreateServiceInput, { description: 'The ISV workspace and every field of the service.' }) input: CreateServiceInput,
    @Ctx() ctx: MarketContext,
  ) {
    return mutationPayload('service', () => createService(ctx.deps, ctx.access, input));
  }

  @Mutation(() => ServicePayload, {
    description:
      "The ISV's OWNER or MASTER (FORBIDDEN otherwise): edits a service in DRAFT, REJECTED or WITHDRAWN; omitted fields stay as they are. " +
      'userErrors: NOT_FOUND (serviceId), INVALID (a field breaking its rule), INVALID_STATE (another status).',
  })
  updateService(
    @Arg('input', () => UpdateServiceInput, { description: 'The service and the fields to change.' }) input: UpdateServiceInput,
    @Ctx() ctx: MarketContext,
  ) {
    return mutationPayload('service', () => updateService(ctx.deps, ctx.access, input));
  }

  @Mutation(() => ServicePayload, {
    description:
      "The ISV's OWNER or MASTER (FORBIDDEN otherwise): DRAFT, REJECTED or WITHDRAWN to PENDING_REVIEW; the ISV workspace must be VERIFIED. " +
      'userErrors: NOT_FOUND (serviceId), NOT_VERIFIED, INVALID_STATE.',
  })
  submitServiceForReview(
    @Arg('input', () => ServiceRefInput, { description: 'The service to submit.' }) input: ServiceRefInput,
    @Ctx() ctx: MarketContext,
  ) {
    return mutationPayload('service', () => submitService(ctx.deps, ctx.access, input.serviceId));
  }

  @Mutation(() => ServicePayload, {
    description: "The ISV's OWNER or MASTER (FORBIDDEN otherwise): PENDING_REVIEW to WITHDRAWN. userErrors: NOT_FOUND (serviceId), INVALID_STATE.",
  })
  withdrawService(
    @Arg('input', () => ServiceRefInput, { description: 'The service to withdraw.' }) input: ServiceRefInput,
    @Ctx() ctx: MarketContext,
  ) {
    return mutationPayload('service', () => withdrawService(ctx.deps, ctx.access, input.serviceId));
  }

  @Mutation(() => ServicePayload, {
    description:
      "The ISV's OWNER or MASTER (FORBIDDEN otherwise): ONLINE to ARCHIVED; it leaves the market, open orders go on. " +
      'userErrors: NOT_FOUND (serviceId), INVALID_STATE.',
  })
  archiveService(
    @Arg('input', () => ServiceRefInput, { description: 'The service to archive.' }) input: ServiceRefInput,
    @Ctx() ctx: MarketContext,
  ) {
    return mutationPayload('service', () => archiveService(ctx.deps, ctx.access, input.serviceId));
  }
}
