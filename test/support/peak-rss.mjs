// Preloaded with `node --import` by the hostile-input tests: writes the process's peak resident
// memory (kilobytes, from getrusage) to $CENTENARY_TEST_RSS_FILE when it exits.
import { writeFileSync } from 'node:fs';

const out = process.env.CENTENARY_TEST_RSS_FILE;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
