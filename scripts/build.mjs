// Bundles the CLI into dist/ with esbuild: one entry for the launcher, plus the maintenance
// scripts. Commands load their heavier parts with dynamic import(), which esbuild splits into
// chunks, so a query loads only what it uses. Type-checking is `npm run typecheck`.
//
// The dataset schema is compiled here, ahead of time, with ajv's standalone code generator and
// swapped in for src/core/schema-check.ts, so the CLI never compiles it at run time.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  mainFields: ['module', 'main'],
  legalComments: 'none',
  logLevel: 'warning',
};

rmSync(root('dist'), { recursive: true, force: true });
mkdirSync(root('dist/.build'), { recursive: true });

await build({ ...common, entryPoints: [root('src/core/checksum.ts')], outfile: root('dist/.build/checksum.mjs'), banner: {} });

/**
 * 1–2. A schema's check, generated as plain code: the schema module is built to be imported
 * here, ajv compiles it, and its standalone generator writes the check as a module whose one
 * export (`name`) stands in for the module that compiles it at run time.
 */
async function precompile({ name, schemaModule, exportName, ajvOptions, compileName }) {
  const built = root(`dist/.build/${name}-schema.mjs`);
  await build({ ...common, entryPoints: [root(schemaModule)], outfile: built, banner: {} });
  const schema = (await import(built))[exportName];
  const ajv = new Ajv({ ...ajvOptions, code: { source: true, esm: true } });
  const file = root(`dist/.build/${name}-check.mjs`);
  let code = standaloneCode(ajv, ajv.compile(schema));
  // String lengths in code points (maxLength, minLength) cost a scan of the string; the UTF-16
  // length bounds them (n/2 <= code points <= n), so the count is taken only when it can matter.
  const counter = /const (\w+) = require\("ajv\/dist\/runtime\/ucs2length"\)/.exec(code)?.[1];
  if (counter) {
    code = code.replace(new RegExp(`${counter}\\((\\w+)\\) ([<>]) (\\d+)`, 'g'), (_, v, op, n) =>
      op === '>' ? `(${v}.length > ${n} && ${counter}(${v}) > ${n})` : `(${v}.length < 2 * ${n} && ${counter}(${v}) < ${n})`,
    );
  }
  writeFileSync(file, `${code}\nexport function ${compileName}() { return validate; }\n`.replace(/^export const validate = (\w+);$/m, 'const validate = $1;'));
  return file;
}
const generated = await precompile({
  name: 'dataset',
  schemaModule: 'src/core/dataset-schema.ts',
  exportName: 'datasetSchema',
  ajvOptions: { allErrors: true, strict: true },
  compileName: 'compileSchemaCheck',
});
const generatedConfig = await precompile({
  name: 'config',
  schemaModule: 'src/core/config-schema.ts',
  exportName: 'configSchema',
  ajvOptions: { allErrors: true },
  compileName: 'compileConfigCheck',
});

const precompiledSchema = {
  name: 'precompiled-schema',
  setup(b) {
    b.onResolve({ filter: /\/schema-check\.js$/ }, () => ({ path: generated }));
    b.onResolve({ filter: /\/config-check\.js$/ }, () => ({ path: generatedConfig }));
    // The generated check counts string lengths with ajv's helper; ours answers the usual string faster.
    b.onResolve({ filter: /^ajv\/dist\/runtime\/ucs2length$/ }, () => ({ path: root('src/core/ucs2length.ts') }));
  },
};

// 3. The whole program, on its own: code it shares with the scripts must not be split into chunks that
// every query then has to load one by one.
await build({
  ...common,
  entryPoints: { centenary: root('src/cli/run.ts') },
  outdir: root('dist'),
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [precompiledSchema],
});

// The worker thread of `validate` for large files (src/io/parallel-check.ts): one file, loaded by path.
await build({ ...common, entryPoints: { 'check-worker': root('src/io/check-worker.ts') }, outdir: root('dist'), plugins: [precompiledSchema] });

// 4. The daily query's own bundle, loaded by the launcher through node:vm with V8's code cache
// (see src/cli/launch.ts), so CommonJS and one file. Every dynamic import of the program's own
// modules (another format or locale, building the index, a config file) becomes a module that
// throws FULL_PROGRAM_NEEDED: the query then hands its command line to the whole program.
// chalk (colour on a terminal) is small and kept in.
/** import.meta.url in a CommonJS bundle, made on first use. */
const LAZY_MODULE_URL = "const __centenaryModule = { get url() { return require('node:url').pathToFileURL(__filename).href; } };";
const KEPT_IN_PLAIN_QUERY = new Set(['chalk']);
const handOver = {
  name: 'hand-over',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind !== 'dynamic-import' || args.path.startsWith('node:') || KEPT_IN_PLAIN_QUERY.has(args.path)) return undefined;
      return { path: args.path, namespace: 'hand-over' };
    });
    b.onLoad({ filter: /.*/, namespace: 'hand-over' }, (args) => ({
      contents: `throw Object.assign(new Error(${JSON.stringify(`the plain query leaves out ${args.path}`)}), { code: 'CENTENARY_FULL_PROGRAM_NEEDED' });`,
      loader: 'js',
    }));
  },
};
await build({
  ...common,
  format: 'cjs',
  entryPoints: { 'plain-query': root('src/cli/plain-query.ts') },
  outdir: root('dist'),
  outExtension: { '.js': '.cjs' },
  // import.meta.dirname is CommonJS's __dirname; the URL, which a query does not need, is made
  // only if asked for (a path turned into a URL costs a query a tenth of a millisecond).
  define: { 'import.meta.url': '__centenaryModule.url', 'import.meta.dirname': '__dirname' },
  banner: { js: LAZY_MODULE_URL },
  plugins: [handOver, precompiledSchema],
  // The bundle runs in node:vm, where import() has no loader to call (it throws
  // ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING): Node's built-ins it imports on demand (node:crypto,
  // to hash a touched dataset) are required instead.
  supported: { 'dynamic-import': false },
});
// The launcher names the bundle's code cache by this, instead of hashing the bundle on every run.
const { checksum } = await import(root('dist/.build/checksum.mjs'));
// Wrapped here as a function, as Node wraps a CommonJS module, so that the launcher hands V8 the
// file's text as it is read: no second copy of 130 kB made by joining strings on every query.
// ASCII only (esbuild escapes the rest), so the launcher can read it as Latin-1, the cheapest way.
const wrapped = `(function (exports, require, module, __filename, __dirname) {${readFileSync(root('dist/plain-query.cjs'), 'utf8')}\n})`;
if (!/^[\x00-\x7f]*$/.test(wrapped)) throw new Error('dist/plain-query.cjs is not ASCII: the launcher reads it as Latin-1');
writeFileSync(root('dist/plain-query.cjs'), wrapped);
const plainQuery = readFileSync(root('dist/plain-query.cjs'));
// CommonJS, like the launcher in bin/ that requires it: an ES module would start Node's ES module
// loader, which costs a query about a sixth of its time; only a hand-over to the whole program does.
await build({
  ...common,
  format: 'cjs',
  entryPoints: { launch: root('src/cli/launch.ts') },
  outdir: root('dist'),
  outExtension: { '.js': '.cjs' },
  define: {
    PLAIN_QUERY_BUNDLE: JSON.stringify({ size: plainQuery.length, checksum: checksum(plainQuery) }),
    'import.meta.url': '__centenaryModule.url',
    'import.meta.dirname': '__dirname',
  },
  banner: { js: LAZY_MODULE_URL },
});

// 5. The maintenance scripts.
await build({
  ...common,
  entryPoints: {
    'scripts/format-dataset': root('scripts/format-dataset.ts'),
    'scripts/write-schema': root('scripts/write-schema.ts'),
    'scripts/bench': root('scripts/bench.ts'),
    'scripts/generate-dataset': root('scripts/generate-dataset.ts'),
    'scripts/write-man': root('scripts/write-man.ts'),
  },
  outdir: root('dist'),
  splitting: true,
  chunkNames: 'scripts/chunks/[name]-[hash]',
  plugins: [precompiledSchema],
});
rmSync(root('dist/.build'), { recursive: true, force: true });

// CommonJS dependencies (commander) call require() for Node built-ins, and write-file-atomic reads
// __filename; ESM has neither. Each file that uses them gets them defined at its top — only
// those files, since every definition costs start-up time.
const REQUIRE = "import { createRequire as __centenaryRequire } from 'node:module'; const require = __centenaryRequire(import.meta.url);\n";
const FILENAME = "import { fileURLToPath as __centenaryPath } from 'node:url'; const __filename = __centenaryPath(import.meta.url);\n";
for (const dir of [root('dist'), root('dist/chunks'), root('dist/scripts'), root('dist/scripts/chunks')]) {
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.js'))) {
    const file = join(dir, name);
    const code = readFileSync(file, 'utf8');
    const prefix = (/\brequire\b/.test(code) ? REQUIRE : '') + (/\b__filename\b/.test(code) ? FILENAME : '');
    if (prefix) writeFileSync(file, prefix + code);
  }
}

// The man page is generated from the same commander definitions as --help, so the two cannot drift.
execFileSync(process.execPath, [root('dist/scripts/write-man.js')], { stdio: 'inherit' });
