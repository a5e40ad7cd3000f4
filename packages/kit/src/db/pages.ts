import DataLoader from 'dataloader';
import { and, asc, count, desc, eq, getTableColumns, gt, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { toConnection, type Connection, type PageRequest } from '../graphql/pagination.js';
import { rowsOf, type Db } from './database.js';

export interface ParentPageQuery<T extends PgTable> {
  table: T;
  /** The column naming the parent (a workspace id…). */
  parent: PgColumn;
  /** The UUIDv7 id column: the order of the list, and its cursor. */
  id: PgColumn;
  where?: SQL;
  newestFirst?: boolean;
}

/**
 * One page of children for each of many parents in three statements, whatever the number of
 * parents: the page's ids ranked per parent with a window function, their rows, and the totals
 * grouped per parent.
 */
export async function pagesPerParent<T extends PgTable>(
  db: Db,
  query: ParentPageQuery<T>,
  parentIds: readonly string[],
  page: { first: number; afterId: string | null },
): Promise<Map<string, { rows: T['$inferSelect'][]; total: number }>> {
  const { table, parent, id, where, newestFirst = true } = query;
  const pages = new Map(parentIds.map((parentId) => [parentId, { rows: [] as T['$inferSelect'][], total: 0 }]));
  if (parentIds.length === 0) return pages;
  const direction = newestFirst ? sql`desc` : sql`asc`;
  const after = page.afterId ? (newestFirst ? lt(id, page.afterId) : gt(id, page.afterId)) : undefined;
  const ranked = rowsOf<{ id: string }>(
    await db.execute(sql`
      select ranked.id from (
        select ${id} as id, row_number() over (partition by ${parent} order by ${id} ${direction}) as page_rank
        from ${table} where ${and(inArray(parent, [...parentIds]), where, after)}
      ) ranked
      where ranked.page_rank <= ${page.first + 1}`),
  );
  const [rows, totals] = await Promise.all([
    ranked.length
      ? db
          .select()
          .from(table as PgTable)
          .where(inArray(id, ranked.map((r) => r.id)))
          .orderBy(newestFirst ? desc(id) : asc(id))
      : Promise.resolve([]),
    db
      .select({ parent, total: count() })
      .from(table as PgTable)
      .where(and(inArray(parent, [...parentIds]), where))
      .groupBy(parent),
  ]);
  const parentKey = Object.entries(getTableColumns(table)).find(([, column]) => column === parent)?.[0];
  if (!parentKey) throw new Error('the parent column is not a column of the table');
  for (const row of rows as Record<string, unknown>[]) pages.get(row[parentKey] as string)?.rows.push(row as T['$inferSelect']);
  for (const { parent: parentId, total } of totals as { parent: string; total: number }[]) {
    const entry = pages.get(parentId);
    if (entry) entry.total = total;
  }
  return pages;
}

export type CountedConnection<T> = Connection<T> & { totalCount: number };

/**
 * A DataLoader of connections per parent: keys with the same filter and page are answered by one
 * `pagesPerParent` call, so a list of parents each showing its children costs three statements.
 */
export function parentPageLoader<Row extends { id: string }, Filter>(
  load: (parentIds: readonly string[], filter: Filter, page: { first: number; afterId: string | null }) => Promise<Map<string, { rows: Row[]; total: number }>>,
) {
  type Key = { parentId: string; filter: Filter; page: PageRequest; afterId: string | null };
  return new DataLoader<Key, CountedConnection<Row>, string>(
    async (keys) => {
      const groups = new Map<string, Key[]>();
      for (const key of keys) {
        const group = JSON.stringify([key.filter, key.page.first, key.afterId]);
        groups.set(group, [...(groups.get(group) ?? []), key]);
      }
      const results = new Map<Key, CountedConnection<Row>>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const { filter, page, afterId } = group[0]!;
          const pages = await load(
            group.map((key) => key.parentId),
            filter,
            { first: page.first, afterId },
          );
          for (const key of group) {
            const found = pages.get(key.parentId) ?? { rows: [], total: 0 };
            results.set(key, { ...toConnection(found.rows, key.page, (row) => [row.id]), totalCount: found.total });
          }
        }),
      );
      return keys.map((key) => results.get(key)!);
    },
    { cacheKeyFn: (key) => JSON.stringify([key.parentId, key.filter, key.page.first, key.afterId]) },
  );
}

/**
 * The keyset condition "after this (time, id)" of a list ordered by time then id, oldest first
 * (`asc`) or newest first (`desc`); undefined for the first page.
 */
export function afterTimeAndId(
  time: PgColumn,
  id: PgColumn,
  after: { at: Date; id: string } | null,
  order: 'asc' | 'desc',
): SQL | undefined {
  if (!after) return undefined;
  const beyond = order === 'asc' ? gt : lt;
  return or(beyond(time, after.at), and(eq(time, after.at), beyond(id, after.id)));
}
