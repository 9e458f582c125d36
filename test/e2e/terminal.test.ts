import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, fixture } from '../helpers.js';

/**
 * On a terminal, as a person at a shell prompt: the CLI run inside a pseudo-terminal made by
 * util-linux script(1). Off a terminal the launcher writes to the file descriptor itself; on one
 * it must hand over the real stream, which colour, width and the spinner need.
 */
const SCRIPT = '/usr/bin/script';
// A home of its own: the index and code cache go to $HOME/.cache, never into the repository.
const home = mkdtempSync(join(tmpdir(), 'centenary-terminal-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** Runs the CLI in a pseudo-terminal `columns` wide (0: never sized, as script(1) leaves it). */
function onTerminal(args: readonly string[], columns = 80) {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  // No CI variable: the spinner stays off under CI, and this test is about the terminal.
  const result = spawnSync(SCRIPT, ['-qec', `stty cols ${columns} rows 24; ${command}`, '/dev/null'], {
    encoding: 'utf8',
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', TZ: 'UTC', TERM: 'xterm-256color', HOME: home },
    timeout: 30_000,
    maxBuffer: 1 << 20,
  });
  return { output: result.stdout ?? '', code: result.status };
}

describe.skipIf(!existsSync(SCRIPT))('on a terminal', () => {
  it('validate runs its spinner and reports, with no error from the stream', () => {
    const { output, code } = onTerminal(['validate', fixture('julian-os.json')]);
    expect(output).toContain('checking 1 file');
    expect(output).not.toMatch(/TypeError|is not a function/);
    expect(output).toMatch(/ok: 1 file, 5 valid events/);
    expect(code).toBe(0);
  });

  it('a terminal that reports no width gets no spinner, and no endless clearing', () => {
    const { output, code } = onTerminal(['validate', fixture('julian-os.json')], 0);
    expect(code).toBe(0);
    expect(output).not.toContain('checking 1 file');
    expect(output).toMatch(/ok: 1 file, 5 valid events/);
    expect(output.length).toBeLessThan(2000);
  });

  it('the daily query is in colour, and the same words as off a terminal', () => {
    const args = ['--file', fixture('julian-os.json'), '--date', '2017-11-07', '--no-cache'];
    const { output, code } = onTerminal(args);
    expect(code).toBe(0);
    // eslint-disable-next-line no-control-regex
    expect(output).toMatch(/\u001b\[1m/);
    const piped = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', TZ: 'UTC' } });
    // eslint-disable-next-line no-control-regex
    const plain = output.replace(/\u001b\[[0-9;]*m/g, '').replace(/\r\n/g, '\n');
    expect(plain.replace(/\s+/g, ' ').trim()).toBe(piped.stdout.replace(/\s+/g, ' ').trim());
  });
});
