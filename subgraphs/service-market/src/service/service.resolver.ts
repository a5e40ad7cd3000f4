import { isId, Money as MoneyType, mutationPayload, type Money } from '@mpp/kit';
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
  @Query(() => ServiceConnection, { description: 'ONLINE services, newest first; any signed-in account.' })
  serviceMarket(
    @Arg('filter', () => ServiceMarketFilter, { nullable: true }) filter: ServiceMarketFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: MarketContext,
  ) {
    return serviceMarket(ctx.deps.db, ctx.access, { filter, first, after });
  }

  @Query(() => Service, { nullable: true, description: 'ONLINE services for anyone signed in; others for their ISV and the platform.' })
  async service(@Arg('id', () => ID) id: string, @Ctx() ctx: MarketContext): Promise<ServiceRow | null> {
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

  @Mutation(() => ServicePayload, { description: 'ISV OWNER or MASTER; the service starts as a DRAFT.' })
  createService(@Arg('input', () => CreateServiceInput) input: CreateServiceInput, @Ctx() ctx: MarketContext) {
    return mutationPayload('service', () => createService(ctx.deps, ctx.access, input));
  }

  @Mutation(() => ServicePayload, { description: 'In DRAFT, REJECTED or WITHDRAWN; omitted fields stay as they are.' })
  updateService(@Arg('input', () => UpdateServiceInput) input: UpdateServiceInput, @Ctx() ctx: MarketContext) {
    return mutationPayload('service', () => updateService(ctx.deps, ctx.access, input));
  }

  @Mutation(() => ServicePayload, { description: 'To PENDING_REVIEW; the ISV workspace must be VERIFIED.' })
  submitServiceForReview(@Arg('input', () => ServiceRefInput) input: ServiceRefInput, @Ctx() ctx: MarketContext) {
    return mutationPayload('service', () => submitService(ctx.deps, ctx.access, input.serviceId));
  }

  @Mutation(() => ServicePayload, { description: 'PENDING_REVIEW to WITHDRAWN.' })
  withdrawService(@Arg('input', () => ServiceRefInput) input: ServiceRefInput, @Ctx() ctx: MarketContext) {
    return mutationPayload('service', () => withdrawService(ctx.deps, ctx.access, input.serviceId));
  }

  @Mutation(() => ServicePayload, { description: 'ONLINE to ARCHIVED: leaves the market; open orders go on.' })
  archiveService(@Arg('input', () => ServiceRefInput) input: ServiceRefInput, @Ctx() ctx: MarketContext) {
    return mutationPayload('service', () => archiveService(ctx.deps, ctx.access, input.serviceId));
  }
}
