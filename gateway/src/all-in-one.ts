// `npm start`'s process. It runs the bundle of all-in-one-main.ts (made by bundle.mjs) through a
// V8 code cache: Node 20 has no compile cache of its own (module.enableCompileCache came in Node
// 22), and compiling the 14 MB bundle and the functions its start runs cost ~0.3 s of every start.
// The cache is written once the platform is ready, so it holds the code of the whole start; it is
// used only for the bundle it was made from (size and modification time) on the same Node, and V8
// checks its own version and flags again. A cache that does not fit costs one normal compilation
// and is written again; one that cannot be written (a read-only folder) is simply not kept.
import { closeSync, fstatSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script, constants } from 'node:vm';
import sourceMapSupport from 'source-map-support';
import type { CodeCacheUse, startAllInOne } from './all-in-one-main.js';

const bundle = fileURLToPath(new URL('all-in-one.bundle.cjs', import.meta.url));
const cacheFile = `${bundle}.v8-cache`;
const requireFromBundle = createRequire(bundle);

// The embedded database's WebAssembly (9 MB) compiles on V8's background threads while this thread
// reads and compiles the bundle: begun here, it is ready when PGlite opens instead of ~0.2 s later.
// Only without DATABASE_URL (config.ts: the embedded database); should it fail, PGlite compiles it.
// Read at once (this thread is busy until the bundle has run: an asynchronous read would wait).
const embeddedWasm = process.env.DATABASE_URL ? undefined : compilePgliteWasm();

// Stack traces read as the TypeScript sources: Node's --enable-source-maps does not see code
// compiled through node:vm, so the bundle's map is read at the first trace through it (named
// here: the 14 MB bundle need not be read to find its map's name).
sourceMapSupport.install({
  environment: 'node',
  handleUncaughtExceptions: false,
  retrieveSourceMap: (source) => (source === bundle ? { url: `${bundle}.map`, map: readFileSync(`${bundle}.map`, 'utf8') } : null),
});

// Read and dated through one descriptor: a rebuild meanwhile cannot pair one bundle's date with another's code.
const descriptor = openSync(bundle, 'r');
const { size, mtimeMs } = fstatSync(descriptor);
const bytes = readFileSync(descriptor);
closeSync(descriptor);
// ASCII (bundle.mjs escapes the rest): read as such, without decoding UTF-8 (~0.1 s at this size).
const source = bytes.toString('latin1');
const cacheKey = Buffer.from(`${size} ${mtimeMs} ${process.version} ${process.arch}\n`);
const cacheOff = process.env.START_CODE_CACHE === 'off';
const cache = cacheOff ? null : readCache();
// V8 drops the compiled code of functions idle for a while; a long first start (migrations on a
// fresh folder) would write a cache without most of its module loading. Kept until the cache is
// written, in every start alike (V8 checks its flags when it reads a cache).
setFlagsFromString('--no-flush-bytecode');
const script = new Script(`(function (exports, require, module, __filename, __dirname) {\n${source}\n})`, {
  filename: bundle,
  lineOffset: -1, // the wrapper's own line: the bundle's lines keep their numbers (and source map)
  cachedData: cache?.data,
  importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
const codeCache: CodeCacheUse = cacheOff ? 'off' : !cache ? 'absent' : !cache.fresh ? 'stale' : script.cachedDataRejected ? 'rejected' : 'used';

const loaded = { exports: {} as { startAllInOne?: typeof startAllInOne } };
(script.runInThisContext() as (...args: unknown[]) => void)(loaded.exports, requireFromBundle, loaded, bundle, dirname(bundle));
loaded.exports.startAllInOne!({ codeCache, embeddedWasm }).then(
  () => {
    if (codeCache !== 'used' && codeCache !== 'off') writeCache();
    setFlagsFromString('--flush-bytecode');
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

function compilePgliteWasm(): Promise<WebAssembly.Module | undefined> {
  try {
    return WebAssembly.compile(readFileSync(join(dirname(requireFromBundle.resolve('@electric-sql/pglite')), 'pglite.wasm'))).catch(() => undefined);
  } catch {
    return Promise.resolve(undefined);
  }
}

function readCache(): { data: Buffer | undefined; fresh: boolean } | null {
  let file: Buffer;
  try {
    file = readFileSync(cacheFile);
  } catch {
    return null;
  }
  const fresh = file.subarray(0, cacheKey.length).equals(cacheKey);
  return { data: fresh ? file.subarray(cacheKey.length) : undefined, fresh };
}

function writeCache(): void {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([cacheKey, script.createCachedData()]));
    renameSync(temporary, cacheFile); // whole or not at all, also with two processes starting at once
  } catch {
    // A cache only: without it the next start compiles as this one did.
    rmSync(temporary, { force: true });
  }
}
