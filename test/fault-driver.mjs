// Runs the built CLI like bin/centenary.js, but holds it at one file-system call so that a test
// can act at an exact moment "in the middle of writing": send a signal, delete a directory.
// FAULT_HOLD names the call: "fsync" (write-file-atomic's temporary file is written in full and
// is being fsynced; the rename has not happened) or "rename" (fs/promises rename, used by the
// cache index for its manifest). FAULT_SKIP lets that many calls pass first. When held, the
// driver tells the parent over IPC ({ held }) and waits for "go". Nothing else is changed: the
// calls themselves, and everything the program does around them, are the real ones.
//
// FAULT_FAIL=ENOSPC|EROFS is the fallback for machines where a test cannot mount a small or
// read-only tmpfs: writes (ENOSPC), or opening for writing and making directories (EROFS), then
// fail with that error at the file-system boundary, as the kernel would report it.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const hold = process.env.FAULT_HOLD;
let skip = Number(process.env.FAULT_SKIP ?? '0');

const waitForGo = (name) =>
  new Promise((resolve) => {
    process.send?.({ held: name });
    process.once('message', () => resolve());
  });

if (hold === 'fsync') {
  const real = fs.fsync;
  fs.fsync = (fd, callback) => {
    if (skip-- > 0) return real(fd, callback);
    waitForGo('fsync').then(() => real(fd, callback));
  };
} else if (hold === 'rename') {
  const real = fs.promises.rename;
  fs.promises.rename = async (from, to) => {
    if (skip-- <= 0) await waitForGo('rename');
    return real(from, to);
  };
}
const fail = process.env.FAULT_FAIL;
const fault = (syscall) => Object.assign(new Error(`${fail}: injected, ${syscall}`), { code: fail, errno: fail === 'ENOSPC' ? -28 : -30, syscall });
const writing = (flags) => flags !== undefined && flags !== 'r' && flags !== 0;
if (fail === 'ENOSPC') {
  // Standard output and error are not on the full disk.
  const { write, writeSync } = fs;
  fs.write = (fd, ...args) => (fd <= 2 ? write(fd, ...args) : args.at(-1)(fault('write')));
  fs.writeSync = (fd, ...args) => { if (fd <= 2) return writeSync(fd, ...args); throw fault('write'); };
  fs.promises.writeFile = async () => { throw fault('write'); };
} else if (fail === 'EROFS') {
  const { open, openSync } = fs;
  fs.open = (path, flags, ...rest) => (writing(flags) ? rest.at(-1)(fault('open')) : open(path, flags, ...rest));
  fs.openSync = (path, flags, ...rest) => { if (writing(flags)) throw fault('open'); return openSync(path, flags, ...rest); };
  fs.mkdir = (...args) => args.at(-1)(fault('mkdir'));
  fs.mkdirSync = () => { throw fault('mkdir'); };
  fs.promises.mkdir = async () => { throw fault('mkdir'); };
  fs.promises.writeFile = async () => { throw fault('open'); };
}
syncBuiltinESMExports();

const { run } = await import('../dist/centenary.js');
const code = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, now: () => Date.now() });
process.send?.({ done: code });
process.exitCode = code;
process.disconnect?.();
