import { mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { checksum } from '../core/checksum.js';
import { resolveCacheRoot, writeCacheFile } from '../io/cache-root.js';
import { standardOutput } from '../io/std-output.js';
import { type CliIO, type OutputStream, redirected } from './cli-io.js';

/**
 * What the launcher runs: the daily query first, from a small bundle (dist/plain-query.cjs)
 * compiled with V8's code cache, then, for anything that bundle hands over, the whole program
 * (dist/centenary.js, commander and every command).
 *
 * Why a code cache: most of a query's own start-up is V8 compiling JavaScript, not running it.
 * The first run saves V8's compiled code, including what it compiled lazily while answering,
 * in the cache directory; later runs hand it back to V8 (node:vm's cachedData) and skip the
 * work. The file is named by a checksum of the bundle's text, carries a checksum of its own,
 * and is written atomically; V8 also refuses code from another V8 version or other flags. Any
 * doubt means compiling afresh, never a wrong answer. Node 22's module.enableCompileCache does
 * the same for ES modules, but the machines run Node 20. The launcher itself is built as CommonJS
 * (scripts/build.mjs), so that a query never starts Node's ES module loader.
 */
type PlainQuery = (argv: readonly string[], io: CliIO) => Promise<number | undefined>;

/** The plain-query bundle's size and checksum, written in by the build (scripts/build.mjs). */
declare const PLAIN_QUERY_BUNDLE: { readonly size: number; readonly checksum: string };

// The launcher runs only as built (CommonJS, scripts/build.mjs), where this is __dirname.
const here = import.meta.dirname;
const CODE_CACHE_MAGIC = 'centenary-code-cache-1\n';

/** What became of the code cache, for --debug (and the tests). */
interface CodeCacheReport {
  state: string;
}

/**
 * The code cache is read on every query, so its checksum sums every 32nd 32-bit word (and the
 * length). Damage on a disk comes in blocks of 512 bytes or more, each of which holds 4 of the
 * words summed, and truncation changes the length; V8 itself checks the version, flags and
 * lengths of what it is given, but not the content. A full checksum would cost a query a
 * millisecond, and a longer loop gets a TurboFan job that Node waits for at exit.
 */
const codeChecksum = (data: Buffer) => checksum(data, 32);

/**
 * A code cache, and whether it is partial: made after a run that did not answer with output — it
 * handed over (the first run, which builds the index, does), failed, or had nothing to print
 * (`--quiet`) — it may lack the code of matching and rendering, which every later query would then
 * compile afresh.
 */
interface CodeCache {
  readonly code: Buffer;
  readonly partial: boolean;
}

function readCodeCache(file: string): CodeCache | 'missing' | 'damaged' {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return 'missing';
  }
  const head = data.subarray(0, CODE_CACHE_MAGIC.length + 40).toString('latin1');
  const match = /^centenary-code-cache-1\n([0-9a-z]+-[0-9a-f]{8})( partial)?\n/.exec(head);
  if (!match?.[1]) return 'damaged';
  const code = data.subarray(match[0].length);
  return codeChecksum(code) === match[1] ? { code, partial: match[2] !== undefined } : 'damaged';
}

async function writeCodeCache(file: string, { code, partial }: CodeCache): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const head = `${CODE_CACHE_MAGIC}${codeChecksum(code)}${partial ? ' partial' : ''}\n`;
  await writeCacheFile(file, Buffer.concat([Buffer.from(head, 'latin1'), code]));
  // Code of earlier versions of the bundle is of no further use, once it is a week old: two
  // installed versions sharing one cache directory (a global and a project's own, say) would
  // otherwise delete each other's code on every run, and each run compile afresh. (Another
  // run's file being written is left alone: only finished files are named code-*.bin.)
  const now = Date.now();
  for (const name of readdirSync(dirname(file))) {
    const other = join(dirname(file), name);
    if (!/^code-[0-9a-z]+-[0-9a-f]{8}(-[0-9a-z]+-[0-9a-f]{8})?\.bin$/.test(name) || other === file) continue;
    try {
      if (now - statSync(other).mtimeMs > CODE_CACHE_KEPT_MS) rmSync(other, { force: true });
    } catch {
      // gone already
    }
  }
}

/** `stream`, noting whether anything was written to it (the plain query reads no more of it). */
function watched(stream: OutputStream): OutputStream & { readonly written: boolean } {
  let written = false;
  const write = (text: string) => {
    written = true;
    return stream.write(text);
  };
  return {
    ...redirected(stream, write),
    get written() {
      return written;
    },
  };
}

/** How long code compiled from another version of the bundle is kept. */
const CODE_CACHE_KEPT_MS = 7 * 24 * 3600 * 1000;

/** Loads the plain-query bundle as CommonJS through node:vm, with the code cache when there is one. */
function loadPlainQuery(cacheRoot: string, report: CodeCacheReport): { run: PlainQuery; script: Script; cacheFile?: string; used?: 'whole' | 'partial' } {
  const file = join(here, 'plain-query.cjs');
  const source = readFileSync(file);
  // Named by the bundle's checksum, so that code compiled from one bundle never meets another
  // (V8 itself compares only the length of the source), and by where the bundle is: V8 keeps
  // the file name it was compiled under, and two installs sharing a cache would otherwise show
  // each other's paths in --debug stack traces. A bundle that is not the one built with this
  // launcher gets no code cache at all.
  const known = source.length === PLAIN_QUERY_BUNDLE.size;
  if (!known) report.state = 'off (the bundle is not the one this launcher was built with)';
  const cacheFile = known ? join(cacheRoot, 'v1', 'code', `code-${PLAIN_QUERY_BUNDLE.checksum}-${checksum(Buffer.from(file))}.bin`) : undefined;
  const cached = cacheFile === undefined ? undefined : readCodeCache(cacheFile);
  // The build wrapped the bundle as a function of CommonJS's five names, and kept it ASCII.
  const script = new Script(source.toString('latin1'), {
    filename: file,
    ...(typeof cached === 'object' ? { cachedData: cached.code } : {}),
  });
  const used = typeof cached === 'object' && !script.cachedDataRejected ? (cached.partial ? 'partial' : 'whole') : undefined;
  if (cached === 'damaged') report.state = 'damaged';
  else if (typeof cached === 'object') report.state = used === undefined ? 'refused by V8 (another Node.js or other V8 flags)' : used === 'partial' ? 'used, partial' : 'used';
  const module = { exports: {} as { runPlainQuery?: PlainQuery } };
  // The launcher's own require (it is built as CommonJS, in the same folder as the bundle): the
  // bundle requires only Node's built-ins, and node:module's createRequire would load Node's ES
  // module loader, a third of a millisecond.
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, file, here);
  const run = module.exports.runPlainQuery;
  if (!run) throw new Error(`${file} does not export runPlainQuery`);
  return { run, script, ...(cacheFile ? { cacheFile } : {}), ...(used ? { used } : {}) };
}

async function launch(argv: readonly string[], io: CliIO): Promise<number> {
  const debug = argv.includes('--debug');
  // The plain path answers from the prepared index only: without a cache directory, or with
  // --no-cache, there is none, and the whole program reads the files itself.
  const cacheRoot = argv.includes('--no-cache') ? undefined : resolveCacheRoot(io.env);
  const report: CodeCacheReport = { state: 'missing' };
  let code: number | undefined;
  if (cacheRoot !== undefined) {
    try {
      const plain = loadPlainQuery(cacheRoot, report);
      const stdout = watched(io.stdout);
      // Not `...io`: that would call the stdin getter, which creates process.stdin.
      code = await plain.run(argv, { stdout, stderr: io.stderr, env: io.env, now: io.now });
      // Made after the run, so that it holds what V8 compiled while answering too; a partial one
      // (see CodeCache) is made whole by the first run that answers with output.
      const partial = code !== 0 || !stdout.written;
      if (plain.cacheFile && plain.used !== 'whole' && !(plain.used === 'partial' && partial)) {
        try {
          await writeCodeCache(plain.cacheFile, { code: plain.script.createCachedData(), partial });
          report.state = report.state === 'missing' ? `written${partial ? ', partial' : ''}` : `${report.state}, rewritten`;
        } catch (error) {
          report.state = `${report.state}, not written: ${(error as Error).message}`;
        }
      }
    } catch (error) {
      // The plain path is an optimisation: if it cannot even be loaded, the whole program answers.
      if (debug) io.stderr.write(`centenary: plain query path unavailable: ${(error as Error).message}\n`);
    }
  }
  if (code !== undefined) {
    if (debug) io.stderr.write(`centenary: answered by the plain query path; code cache ${report.state}\n`);
    return code;
  }
  const fullProgram: string = new URL('./centenary.js', import.meta.url).href;
  const { run } = (await import(fullProgram)) as { run: (argv: readonly string[], io: CliIO) => Promise<number> };
  return run(argv, io);
}

/**
 * The process, handed to the program as its world. Run when bin/centenary.js requires this
 * module, which exports nothing: an export would cost every query esbuild's CommonJS
 * interop (a getter defined per name) before anything else.
 */
function main(): void {
  // A reader that stops early (`centenary --help | head -1`) is not an error worth a stack trace.
  const closed = () => process.exit(process.exitCode ?? 0);
  void launch(process.argv.slice(2), {
    // Off a terminal, written straight to the file descriptor (see src/io/std-output.ts).
    stdout: standardOutput({ fd: 1, stream: () => process.stdout, closed }),
    // Messages to a reader that has gone are dropped; the output may still be wanted.
    stderr: standardOutput({ fd: 2, stream: () => process.stderr, closed: () => undefined }),
    env: process.env,
    now: () => Date.now(),
    // A getter: process.stdin is created only by a command that reads it.
    get stdin() {
      return process.stdin;
    },
  }).then((code) => {
    process.exitCode = code;
  });
}

main();
