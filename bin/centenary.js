#!/usr/bin/env node
// Thin launcher: the program is a function of (arguments, world) → exit code; src/cli/launch.ts
// hands it the process. CommonJS (bin/package.json says so): an ES module here would start
// Node's ES module loader, about a sixth of a daily query's time; only commands that need the
// whole program load it.
'use strict';
require('../dist/launch.cjs');
