// Writes dist/centenary.1 from the commander definitions (run by the build; package.json "man").
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderManPage } from '../src/cli/man-page.js';
import { buildProgram } from '../src/cli/program.js';
import { PACKAGE_ROOT, packageVersion } from '../src/io/package-files.js';

const silent = { write: () => true };
const program = await buildProgram(packageVersion(), { stdout: silent, stderr: silent, env: {}, now: () => 0 }, () => undefined);
writeFileSync(join(PACKAGE_ROOT, 'dist', 'centenary.1'), renderManPage(program, packageVersion()));
