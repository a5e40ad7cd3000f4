// How long `npm start`'s process (gateway/dist/all-in-one.js, with npm start's Node options) takes to be ready: started on a fresh
// DATA_DIR (migrations, keys, the admin), stopped, then started again on the same folder, each
// timed from spawn to the first `/readyz` 200. Also checks that `/readyz` already answers 200 when
// the process prints its URL, and reports when that happened. On a shared machine the wall clock
// swings with the load; the CPU the process used until ready (from /proc) varies much less.
//   npx tsx scripts/bench/startup.ts                   (BENCH_STARTS=3 restarts on the existing folder)
//   BENCH_CPU_PROF=/tmp/profiles npx tsx scripts/bench/startup.ts   (V8 profiles of each start)
//   BENCH_BASELINE=/path/to/other/checkout npx tsx scripts/bench/startup.ts   (its build too, in alternate starts)
//   START_CODE_CACHE=off npx tsx scripts/bench/startup.ts   (this build without its code cache)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchPlatformEnv, freePort, processCpuMs, root, startNodeOptions } from './platform-process.js';

const restarts = Number(process.env.BENCH_STARTS ?? 3);

interface Start {
  build: string;
  start: string;
  'printed ms': number;
  'readyz 200 ms': number;
  'CPU ms until ready': number;
  'readyz when printed': number;
}

async function timeStart(checkout: string, dataDir: string, label: string): Promise<Start> {
  const port = await freePort();
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const began = performance.now();
  const child = spawn(process.execPath, [...startNodeOptions(checkout), ...profile, 'gateway/dist/all-in-one.js'], {
    cwd: checkout,
    // START_CODE_CACHE=off: this checkout's starts without the bundle's code cache.
    env: { ...benchPlatformEnv(port, dataDir), ...(checkout === root && process.env.START_CODE_CACHE ? { START_CODE_CACHE: process.env.START_CODE_CACHE } : {}) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const readyz = () => fetch(`http://127.0.0.1:${port}/readyz`).then((response) => response.status);
  let printed = NaN;
  let statusWhenPrinted = 0;
  const printedLine = new Promise<void>((resolve) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!Number.isNaN(printed) || !output.includes('Mini program platform graph')) return;
      printed = performance.now() - began;
      void readyz().then((status) => {
        statusWhenPrinted = status;
        resolve();
      }, resolve);
    });
  });
  let ready = NaN;
  let cpu = NaN;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${label}: the platform exited with ${child.exitCode}`);
    if ((await readyz().catch(() => 0)) === 200) {
      ready = performance.now() - began;
      cpu = processCpuMs(child.pid!);
      break;
    }
    if (performance.now() - began > 120_000) throw new Error(`${label}: not ready within 2 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await printedLine;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  return { build: checkout === root ? 'this' : 'baseline', start: label, 'printed ms': Math.round(printed), 'readyz 200 ms': Math.round(ready), 'CPU ms until ready': Math.round(cpu), 'readyz when printed': statusWhenPrinted };
}

/** User + system CPU time of a process, in ms (Linux). */

const checkouts = [root, ...(process.env.BENCH_BASELINE ? [process.env.BENCH_BASELINE] : [])];
const dataDirs = checkouts.map(() => mkdtempSync(join(tmpdir(), 'bench-startup-')));
try {
  const rows: Start[] = [];
  for (const [i, checkout] of checkouts.entries()) rows.push(await timeStart(checkout, dataDirs[i]!, 'fresh DATA_DIR'));
  for (let n = 0; n < restarts; n++) {
    for (const [i, checkout] of checkouts.entries()) rows.push(await timeStart(checkout, dataDirs[i]!, 'existing DATA_DIR'));
  }
  console.log('\nnpm start (gateway/dist/all-in-one.js, embedded database): spawn to ready');
  console.table(rows);
} finally {
  for (const dataDir of dataDirs) rmSync(dataDir, { recursive: true, force: true });
}
