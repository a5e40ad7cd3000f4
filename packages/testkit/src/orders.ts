import { randomUUID } from 'node:crypto';
import {
  AcceptOrderDocument,
  ConfirmOrderDocument,
  PlaceOrderDocument,
  type OrderFieldsFragment,
} from '@mpp/client';
import { createOnlineService } from './market.js';
import { createMiniProgram } from './mini-programs.js';
import type { TestPlatform } from './platform.js';
import { createVerifiedIsv, createVerifiedMerchant, unwrap, type SeededWorkspace } from './seed.js';

/** A verified merchant with a mini program, a verified ISV with an ONLINE service. */
export interface Deal {
  merchant: SeededWorkspace;
  isv: SeededWorkspace;
  miniProgramId: string;
  serviceId: string;
}

export async function prepareDeal(platform: TestPlatform): Promise<Deal> {
  const [merchant, isv] = await Promise.all([createVerifiedMerchant(platform), createVerifiedIsv(platform)]);
  const [miniProgram, service] = await Promise.all([createMiniProgram(merchant), createOnlineService(platform, isv)]);
  return { merchant, isv, miniProgramId: miniProgram.id, serviceId: service.id };
}

/** The merchant owner places an order of the deal's service for its mini program. */
export async function placeOrder(deal: Deal, requirements = 'A loyalty mini program with a points shop.'): Promise<OrderFieldsFragment> {
  const { placeOrder } = await deal.merchant.owner.client.execute(PlaceOrderDocument, {
    input: { serviceId: deal.serviceId, miniProgramId: deal.miniProgramId, requirements, idempotencyKey: randomUUID() },
  });
  return unwrap(placeOrder, placeOrder.order, 'placeOrder');
}

/** Places, accepts (ISV) and confirms (merchant) an order: the ISV is now authorized. */
export async function orderInDevelopment(deal: Deal): Promise<OrderFieldsFragment> {
  const order = await placeOrder(deal);
  const { acceptOrder } = await deal.isv.owner.client.execute(AcceptOrderDocument, { input: { orderId: order.id } });
  unwrap(acceptOrder, acceptOrder.order, 'acceptOrder');
  const { confirmOrder } = await deal.merchant.owner.client.execute(ConfirmOrderDocument, { input: { orderId: order.id } });
  return unwrap(confirmOrder, confirmOrder.order, 'confirmOrder');
}
