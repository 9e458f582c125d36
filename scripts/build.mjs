// Bundles the CLI into dist/ with esbuild: one entry for the launcher, plus the maintenance
// scripts. Commands load their heavier parts with dynamic import(), which esbuild splits into
// chunks, so a query loads only what it uses. Type-checking is `npm run typecheck`.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: {
    centenary: 'src/cli/run.ts',
    'scripts/format-dataset': 'scripts/format-dataset.ts',
    'scripts/write-schema': 'scripts/write-schema.ts',
    'scripts/write-man': 'scripts/write-man.ts',
  },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  mainFields: ['module', 'main'],
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // CommonJS dependencies (commander, ajv) call require() for Node built-ins.
  // CommonJS dependencies (write-file-atomic) also read __filename.
  banner: {
    js:
      "import { createRequire as __centenaryRequire } from 'node:module'; const require = __centenaryRequire(import.meta.url);" +
      " import { fileURLToPath as __centenaryPath } from 'node:url'; const __filename = __centenaryPath(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
});

// The man page is generated from the same commander definitions as --help, so the two cannot drift.
execFileSync(process.execPath, [new URL('../dist/scripts/write-man.js', import.meta.url).pathname], { stdio: 'inherit' });
