// SQL statements per order transition, from a trace of scripts/bench/sql-trace.mjs: over the last
// `events` transitions (an insert into Orders' event log marks each; the window runs from 500 ms
// after the one before them to 500 ms after the last), the statements per transition, by text.
//   npx tsx scripts/bench/sql-per-event.ts /tmp/sql-trace-<pid>.json [events=15] [rows=30]
import { readFileSync } from 'node:fs';

const [file, eventsArgument = '15', rowsArgument = '30'] = process.argv.slice(2);
if (!file) throw new Error('usage: sql-per-event.ts <trace.json> [events] [rows]');
const trace = (JSON.parse(readFileSync(file, 'utf8')) as [number, string][]).sort((a, b) => a[0] - b[0]);
const events = Number(eventsArgument);
const logged = trace.filter(([, text]) => text.startsWith('insert into "orders"."event_log"')).map(([at]) => at);
if (logged.length <= events) throw new Error(`the trace holds ${logged.length} transitions; ask for fewer than that`);
const from = logged[logged.length - events - 1]! + 500;
const to = logged[logged.length - 1]! + 500;
const byText = new Map<string, number>();
let statements = 0;
for (const [at, text] of trace) {
  if (at <= from || at > to) continue;
  statements += 1;
  const key = text.replace(/\s+/g, ' ').slice(0, 120);
  byText.set(key, (byText.get(key) ?? 0) + 1);
}
console.log(`${events} transitions: ${(statements / events).toFixed(1)} SQL statements per transition`);
for (const [text, count] of [...byText].sort((a, b) => b[1] - a[1]).slice(0, Number(rowsArgument))) {
  console.log(`${(count / events).toFixed(2).padStart(6)}  ${text}`);
}
