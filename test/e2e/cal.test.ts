import { describe, expect, it } from 'vitest';
import { cli, fixture } from '../helpers.js';

const ESC = '\u001b';
const OS = fixture('julian-os.json');

describe('centenary cal', () => {
  it('shows this month N years back, event days marked with * in a pipe', () => {
    const { stdout, stderr, code } = cli(['cal', '--file', OS, '--date', '2017-11-20']);
    expect([stderr, code]).toEqual(['', 0]);
    expect(stdout).not.toContain(ESC);
    expect(stdout.split('\n').slice(0, 4)).toEqual(['   November 1917', 'Su Mo Tu We Th Fr Sa', '             1  2  3', ' 4  5  6* 7* 8* 9 10']);
    expect(stdout).toContain('* 6 The October Revolution');
    expect(stdout).toContain('* 7 Provisional Government deposed');
  });

  it('highlights event days in colour on a terminal, without the * marks', () => {
    const { stdout } = cli(['cal', '1917-11', '--file', OS], { FORCE_COLOR: '1' });
    expect(stdout).toContain(`${ESC}[33m${ESC}[1m 7${ESC}[22m${ESC}[39m`);
    expect(stdout).not.toContain(' 7*');
  });

  it('--old-style puts each day’s Old Style number beside its New Style one', async () => {
    const { stdout } = cli(['cal', '1917-11', '--old-style', '--file', OS]);
    await expect(stdout).toMatchFileSnapshot('./golden/cal-1917-11-old-style.txt');
  });

  it.each([
    ['1918-02', 'RU'],
    ['1752-09', 'GB'],
    ['1923-02', 'GR'],
    ['1917-10', 'RU'],
  ])('%s --country %s shows the month as the country numbered it, its skipped days said', async (month, country) => {
    const { stdout, code } = cli(['cal', month, '--country', country, '--file', OS]);
    expect(code).toBe(0);
    await expect(stdout).toMatchFileSnapshot(`./golden/cal-${month}-${country}.txt`);
  });

  it('a bad month is a usage error', () => {
    const { stderr, code } = cli(['cal', '1917-13']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/expected a month written YYYY-MM/);
  });
});
