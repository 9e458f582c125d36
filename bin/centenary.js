#!/usr/bin/env node
// Thin launcher: the program is a function of (arguments, world) → exit code.
import { launch } from '../dist/launch.js';

// A reader that stops early (`centenary --help | head -1`) is not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await launch(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  now: () => Date.now(),
  // A getter: process.stdin is created only by a command that reads it.
  get stdin() {
    return process.stdin;
  },
});
