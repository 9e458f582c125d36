#!/usr/bin/env node
// Thin launcher: the program is a function of (arguments, world) → exit code.
import { run } from '../dist/centenary.js';

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  now: () => Date.now(),
  // A getter: process.stdin is created only by a command that reads it.
  get stdin() {
    return process.stdin;
  },
});
