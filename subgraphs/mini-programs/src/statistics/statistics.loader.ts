import { rowsOf } from '@mpp/kit';
import DataLoader from 'dataloader';
import { sql } from 'drizzle-orm';
import type { MiniProgramsDb } from '../db/client.js';

export interface DailyVisits {
  date: string;
  visits: number;
  uniqueVisitors: number;
}

export interface Statistics {
  days: DailyVisits[];
  totalVisits: number;
  uniqueVisitors: number;
}

/**
 * Visit statistics of the last `days` UTC days (today included), computed in SQL: daily visits
 * and unique visitors, plus unique visitors over the whole window (not a sum of the days). Two
 * statements for any number of mini programs asking for the same window.
 */
export function statisticsLoader(db: MiniProgramsDb) {
  return new DataLoader<{ miniProgramId: string; days: number }, Statistics, string>(
    async (keys) => {
      const windows = new Map<number, string[]>();
      for (const key of keys) windows.set(key.days, [...(windows.get(key.days) ?? []), key.miniProgramId]);
      const results = new Map<string, Statistics>();
      for (const [days, ids] of windows) {
        const idList = sql.join(ids.map((id) => sql`${id}`), sql`, `);
        const [daily, window] = await Promise.all([
          db.execute(sql`
            with day as (
              select generate_series((now() at time zone 'UTC')::date - ${days - 1}::int, (now() at time zone 'UTC')::date, interval '1 day')::date as date
            )
            select program.id::text as id, to_char(day.date, 'YYYY-MM-DD') as date,
                   count(v.visitor_id)::int as visits, count(distinct v.visitor_id)::int as unique_visitors
            from unnest(array[${idList}]::uuid[]) as program(id)
            cross join day
            left join mini_programs.visits v
              on v.mini_program_id = program.id
             and v.occurred_at >= (day.date::timestamp at time zone 'UTC')
             and v.occurred_at < ((day.date + 1)::timestamp at time zone 'UTC')
            group by program.id, day.date
            order by day.date`),
          db.execute(sql`
            select mini_program_id::text as id, count(distinct visitor_id)::int as unique_visitors
            from mini_programs.visits
            where mini_program_id in (${idList})
              and occurred_at >= (((now() at time zone 'UTC')::date - ${days - 1}::int)::timestamp at time zone 'UTC')
            group by mini_program_id`),
        ]);
        const uniques = new Map(rowsOf<{ id: string; unique_visitors: number }>(window).map((r) => [r.id, r.unique_visitors]));
        const rows = rowsOf<{ id: string; date: string; visits: number; unique_visitors: number }>(daily);
        for (const id of ids) {
          const mine = rows.filter((r) => r.id === id).map((r) => ({ date: r.date, visits: r.visits, uniqueVisitors: r.unique_visitors }));
          results.set(`${id}:${days}`, {
            days: mine,
            totalVisits: mine.reduce((sum, day) => sum + day.visits, 0),
            uniqueVisitors: uniques.get(id) ?? 0,
          });
        }
      }
      return keys.map((key) => results.get(`${key.miniProgramId}:${key.days}`)!);
    },
    { cacheKeyFn: (key) => `${key.miniProgramId}:${key.days}` },
  );
}
