import { AUTHORIZING_ORDER_STATUSES, loaderById, pagesPerParent, parentPageLoader } from '@mpp/kit';
import { and, inArray, type SQL } from 'drizzle-orm';
import type { OrdersDb } from '../db/client.js';
import { orders, type OrderRow, type OrderStatusValue } from '../db/schema.js';

export function orderLoader(db: OrdersDb) {
  return loaderById((ids) => db.select().from(orders).where(inArray(orders.id, ids)));
}

/** The order currently authorizing an ISV on each mini program (IN_DEVELOPMENT or CLOSURE_REQUESTED). */
export function activeOrderByMiniProgramLoader(db: OrdersDb) {
  return loaderById(
    (ids) =>
      db
        .select()
        .from(orders)
        .where(and(inArray(orders.miniProgramId, ids), inArray(orders.status, [...AUTHORIZING_ORDER_STATUSES] as OrderStatusValue[]))),
    (order) => order.miniProgramId,
  );
}

/**
 * `Workspace.orders` for many workspaces at once: orders where the workspace is the merchant or
 * the ISV, newest first. One page query per side, merged per workspace (a workspace is one kind,
 * so one side is always empty).
 */
export function ordersByWorkspaceLoader(db: OrdersDb) {
  return parentPageLoader<OrderRow, { statuses: OrderStatusValue[] | null }>(async (workspaceIds, filter, page) => {
    const scoped: SQL | undefined = filter.statuses ? inArray(orders.status, filter.statuses) : undefined;
    const [asMerchant, asIsv] = await Promise.all([
      pagesPerParent(db, { table: orders, parent: orders.merchantWorkspaceId, id: orders.id, where: scoped }, workspaceIds, page),
      pagesPerParent(db, { table: orders, parent: orders.isvWorkspaceId, id: orders.id, where: scoped }, workspaceIds, page),
    ]);
    return new Map(
      workspaceIds.map((id) => {
        const a = asMerchant.get(id)!;
        const b = asIsv.get(id)!;
        const rows = [...a.rows, ...b.rows].sort((x, y) => (x.id < y.id ? 1 : x.id > y.id ? -1 : 0));
        return [id, { rows, total: a.total + b.total }];
      }),
    );
  });
}

