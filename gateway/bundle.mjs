// Bundles npm start's platform (dist/all-in-one-main.js, as tsc emitted it) into one CommonJS file,
// dist/all-in-one.bundle.cjs, which dist/all-in-one.js compiles with a V8 code cache: Node 20 has
// no compile cache, and resolving, reading and compiling ~2,500 modules one by one took most of a
// start. Runs after tsc (package.json `build`); the bundle needs nothing at run time.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import { decode, encode } from '@jridgewell/sourcemap-codec';
import { build } from 'esbuild';

const entry = fileURLToPath(new URL('dist/all-in-one-main.js', import.meta.url));
const outfile = fileURLToPath(new URL('dist/all-in-one.bundle.cjs', import.meta.url));

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
      const fromBundle = relative(dirname(outfile), path).split('\\').join('/');
      return { contents: contents.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`), loader: 'js', resolveDir: dirname(path) };
    });
  },
};

await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  // A script, not an ES module: node:vm compiles scripts with a code cache in Node 20.
  format: 'cjs',
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
  // The bundle's own URL, where its modules (ES modules) ask for import.meta.url.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  logLevel: 'error',
});
escapeNonAscii(outfile);
mapOwnCodeOnly(`${outfile}.map`);
// all-in-one.js would find it stale anyway (another bundle's date); not kept beside a new bundle.
rmSync(`${outfile}.v8-cache`, { force: true });

/**
 * esbuild writes strings and names in ASCII already; what it leaves (comments, a few regular
 * expressions) becomes \u escapes, which mean the same there. An ASCII file is read without UTF-8
 * decoding and kept by V8 as one byte per character.
 */
function escapeNonAscii(file) {
  const code = readFileSync(file, 'utf8');
  // eslint-disable-next-line no-control-regex
  const escaped = code.replace(/[^\x00-\x7f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (escaped !== code) writeFileSync(file, escaped);
}

/**
 * Keeps the map's positions in our own code only. Where a stack trace is mapped, the whole map is
 * read and parsed: for 1.2 million positions (all but 5% in dependencies) that took ~0.8 s at the
 * first error. A frame in a dependency then reads as a line of the bundle, which names the
 * dependency's file in a comment above its code.
 */
function mapOwnCodeOnly(mapFile) {
  const map = JSON.parse(readFileSync(mapFile, 'utf8'));
  const dependency = map.sources.map((source) => /(?:^|\/)node_modules\//.test(source));
  // A segment is [column] or [column, source, line, column, name?].
  const lines = decode(map.mappings).map((segments) => segments.filter((segment) => segment.length > 1 && !dependency[segment[1]]));
  writeFileSync(mapFile, JSON.stringify({ ...map, mappings: encode(lines) }));
}
