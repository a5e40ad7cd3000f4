// Bundles npm start's entry (dist/all-in-one.js, as tsc emitted it) into one file in its place:
// Node 20 has no compile cache, and resolving, reading and compiling ~2,500 modules one by one
// took most of a start. Runs after tsc (package.json `build`); the bundle needs nothing at run time.
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import { decode, encode } from '@jridgewell/sourcemap-codec';
import { build } from 'esbuild';

const entry = fileURLToPath(new URL('dist/all-in-one.js', import.meta.url));

const banner = "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);";
// Only tsc's output is bundled: a second run would bundle the bundle (`npm run build` runs tsc first).
if (readFileSync(entry, 'utf8').startsWith(banner)) throw new Error(`${entry} is bundled already: run tsc first (npm run build).`);

/**
 * Our packages find their files (migrations, the schema, persisted documents) next to their own
 * built module, through `import.meta.url`: in the bundle it would be the bundle's URL, so each is
 * replaced with that module's URL, kept relative to the bundle so the checkout can move.
 */
const ownModuleUrls = {
  name: 'own-module-urls',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/](?:(?:packages|subgraphs)[\\/][^\\/]+|gateway)[\\/]dist[\\/].*\.js$/ }, async ({ path }) => {
      if (/[\\/]node_modules[\\/]/.test(path)) return undefined;
      const contents = await readFile(path, 'utf8');
      if (!contents.includes('import.meta.url')) return undefined;
      const fromBundle = relative(dirname(entry), path).split('\\').join('/');
      return { contents: contents.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`), loader: 'js', resolveDir: dirname(path) };
    });
  },
};

await build({
  entryPoints: [entry],
  outfile: entry,
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // type-graphql names GraphQL types after their classes: names the bundle renames (two modules'
  // `SignUpInput`) must still read as written.
  keepNames: true,
  // Maps through tsc's maps to the TypeScript sources; sources are read from disk when needed.
  sourcemap: true,
  sourcesContent: false,
  plugins: [ownModuleUrls],
  external: [
    // Loads its WebAssembly and data files from beside its own modules.
    '@electric-sql/pglite',
    // A native addon, found from its own folder.
    'argon2',
    // An optional peer of type-graphql, not installed.
    'class-validator',
  ],
  // CommonJS dependencies inside an ES module bundle still call require() for Node's built-ins.
  banner: { js: banner },
  logLevel: 'error',
});
mapOwnCodeOnly(`${entry}.map`);

/**
 * Keeps the map's positions in our own code only. With --enable-source-maps (npm start) Node reads
 * the whole map as the bundle loads and parses it at the first stack trace it formats: for
 * 1.2 million positions (all but 5% in dependencies) that took 0.1–0.2 s of CPU in each start and
 * ~0.8 s at the first error. A frame in a dependency then reads as a line of the bundle, which
 * names the dependency's file in a comment above its code.
 */
function mapOwnCodeOnly(mapFile) {
  const map = JSON.parse(readFileSync(mapFile, 'utf8'));
  const dependency = map.sources.map((source) => /(?:^|\/)node_modules\//.test(source));
  // A segment is [column] or [column, source, line, column, name?].
  const lines = decode(map.mappings).map((segments) => segments.filter((segment) => segment.length > 1 && !dependency[segment[1]]));
  writeFileSync(mapFile, JSON.stringify({ ...map, mappings: encode(lines) }));
}
