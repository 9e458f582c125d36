#!/usr/bin/env node
// Thin launcher: the program is a function of (arguments, world) → exit code.
// CommonJS (bin/package.json says so): an ES module here would start Node's ES module loader,
// about a sixth of a daily query's time; only commands that need the whole program load it.
'use strict';
const { launch, standardOutput } = require('../dist/launch.cjs');

// A reader that stops early (`centenary --help | head -1`) is not an error worth a stack trace.
const closed = () => process.exit(process.exitCode ?? 0);

launch(process.argv.slice(2), {
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
