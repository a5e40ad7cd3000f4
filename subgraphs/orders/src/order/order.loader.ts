import { AUTHORIZING_ORDER_STATUSES, loaderById, parentPageLoader, rowsOf } from '@mpp/kit';
import { and, desc, getTableColumns, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
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
 * the ISV, newest first, in two statements whatever the number of workspaces and orders: the
 * pages with their rows (each order ranked on both sides with a window function, kept on the side
 * its workspace was asked for), and the totals of both sides.
 */
export function ordersByWorkspaceLoader(db: OrdersDb) {
  return parentPageLoader<OrderRow, { statuses: OrderStatusValue[] | null }>(async (workspaceIds, filter, page) => {
    const ids = [...workspaceIds];
    const scoped: SQL | undefined = filter.statuses ? inArray(orders.status, filter.statuses) : undefined;
    const after = page.afterId ? lt(orders.id, page.afterId) : undefined;
    const either = or(inArray(orders.merchantWorkspaceId, ids), inArray(orders.isvWorkspaceId, ids));
    const ranked = db
      .select({
        ...getTableColumns(orders),
        merchantRank: sql<number>`row_number() over (partition by ${orders.merchantWorkspaceId} order by ${orders.id} desc)`.as('merchant_rank'),
        isvRank: sql<number>`row_number() over (partition by ${orders.isvWorkspaceId} order by ${orders.id} desc)`.as('isv_rank'),
      })
      .from(orders)
      .where(and(either, scoped, after))
      .as('ranked');
    const limit = page.first + 1;
    const [rows, totals] = await Promise.all([
      db
        .select()
        .from(ranked)
        .where(
          or(
            and(inArray(ranked.merchantWorkspaceId, ids), lte(ranked.merchantRank, limit)),
            and(inArray(ranked.isvWorkspaceId, ids), lte(ranked.isvRank, limit)),
          ),
        )
        .orderBy(desc(ranked.id)),
      db.execute(sql`
        select side.parent, count(*)::int as total from (
          select ${orders.merchantWorkspaceId} as parent from ${orders} where ${and(inArray(orders.merchantWorkspaceId, ids), scoped)}
          union all
          select ${orders.isvWorkspaceId} as parent from ${orders} where ${and(inArray(orders.isvWorkspaceId, ids), scoped)}
        ) side group by side.parent`),
    ]);
    const pages = new Map(ids.map((id) => [id, { rows: [] as OrderRow[], total: 0 }]));
    for (const { merchantRank, isvRank, ...order } of rows) {
      const asMerchant = pages.get(order.merchantWorkspaceId);
      if (asMerchant && Number(merchantRank) <= limit) asMerchant.rows.push(order);
      const asIsv = pages.get(order.isvWorkspaceId);
      if (asIsv && Number(isvRank) <= limit) asIsv.rows.push(order);
    }
    for (const { parent, total } of rowsOf<{ parent: string; total: number }>(totals)) {
      const entry = pages.get(parent);
      if (entry) entry.total = Number(total);
    }
    return pages;
  });
}
