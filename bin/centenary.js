#!/usr/bin/env node
// Thin launcher: the program is a function of (arguments, world) → exit code.
// CommonJS (bin/package.json says so): an ES module here would start Node's ES module loader,
// about a sixth of a daily query's time; only commands that need the whole program load it.
'use strict';
const { launch } = require('../dist/launch.cjs');

// A reader that stops early (`centenary --help | head -1`) is not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

launch(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  now: () => Date.now(),
  // A getter: process.stdin is created only by a command that reads it.
  get stdin() {
    return process.stdin;
  },
}).then((code) => {
  process.exitCode = code;
});
