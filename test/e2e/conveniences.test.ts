import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cli, fixture, runInProcess } from '../helpers.js';

const OS = fixture('julian-os.json');

function configHome(config: string): string {
  const home = mkdtempSync(join(tmpdir(), 'centenary-config-'));
  mkdirSync(join(home, 'centenary'));
  writeFileSync(join(home, 'centenary', 'config.json'), config);
  return home;
}

describe('the config file', () => {
  it('its settings are the defaults: files, years, locale, Old Style', async () => {
    const home = configHome(JSON.stringify({ files: [OS], years: [100, 101], locale: 'de', oldStyle: true }));
    const { stdout, code } = await runInProcess(['--date', '2018-11-11'], { env: { TZ: 'UTC', XDG_CONFIG_HOME: home } });
    expect(code).toBe(0);
    expect(stdout).toContain('100 years before 11. November 2018: Montag, 11. November 1918 (29. Oktober a. St.)');
    expect(stdout).toContain('Armistice of Compiègne');
  });

  it('options on the command line win', async () => {
    const home = configHome(JSON.stringify({ files: ['/nonexistent.json'], years: 50, format: 'json' }));
    const { stdout } = await runInProcess(['--date', '2017-11-07', '--file', OS, '--years', '100', '--format', 'text'], { env: { TZ: 'UTC', XDG_CONFIG_HOME: home } });
    expect(stdout).toMatch(/^100 years before 7 November 2017/);
  });

  it('relative files are relative to the config file; $CENTENARY_EVENTS wins over them', async () => {
    const home = configHome(JSON.stringify({ files: ['mine.json'] }));
    writeFileSync(join(home, 'centenary', 'mine.json'), '{"events":[{"id":"m","date":"1917-11-07","title":"From the config"}]}');
    const fromConfig = await runInProcess(['--date', '2017-11-07'], { env: { TZ: 'UTC', XDG_CONFIG_HOME: home } });
    expect(fromConfig.stdout).toContain('From the config');
    const fromEnv = await runInProcess(['--date', '2017-11-07'], { env: { TZ: 'UTC', XDG_CONFIG_HOME: home, CENTENARY_EVENTS: OS } });
    expect(fromEnv.stdout).not.toContain('From the config');
    // add writes to the first file of the config when no --file is given.
    await runInProcess(['add', '--id', 'added', '--date', '1917', '--title', 'Added'], { env: { TZ: 'UTC', XDG_CONFIG_HOME: home } });
    expect(readFileSync(join(home, 'centenary', 'mine.json'), 'utf8')).toContain('"id":"added"');
  });

  it('~/.config/centenary/config.json when XDG_CONFIG_HOME is not set', async () => {
    const home = mkdtempSync(join(tmpdir(), 'centenary-home-'));
    mkdirSync(join(home, '.config', 'centenary'), { recursive: true });
    writeFileSync(join(home, '.config', 'centenary', 'config.json'), JSON.stringify({ format: 'json' }));
    const { stdout } = await runInProcess(['--file', OS, '--date', '2017-11-07'], { env: { TZ: 'UTC', HOME: home } });
    expect(JSON.parse(stdout)).toMatchObject({ version: 1 });
  });

  it('a format the command does not offer is left alone (stats has text and json only)', async () => {
    const home = configHome(JSON.stringify({ format: 'json' }));
    const { stdout } = await runInProcess(['validate', OS], { env: { TZ: 'UTC', XDG_CONFIG_HOME: home } });
    expect(JSON.parse(stdout)).toMatchObject({ errors: 0 });
  });

  it('a bad config is reported like bad data: located, every problem, exit 1, nothing on stdout', () => {
    const home = configHome('{\n  "years": "100",\n  "colour": true,\n  "oldStyle": 1\n}\n');
    const { stdout, stderr, code } = cli(['--file', OS, '--date', '2017-11-07'], { XDG_CONFIG_HOME: home });
    expect([stdout, code]).toEqual(['', 1]);
    const file = join(home, 'centenary', 'config.json');
    expect(stderr).toContain(`${file}:2:12: error: years: not a valid value; found "100", expected a whole number of years from 1 to 9998, or a list of them`);
    expect(stderr).toContain(`${file}:3:3: error: colour: unknown setting "colour"`);
    expect(stderr).toContain(`${file}:4:15: error: oldStyle: not a valid value; found 1, expected true or false`);
    expect(stderr).toMatch(/centenary: 3 problems in the config file .*; nothing was done — fix the config file/);
  });

  it.each([
    ['{"timeZone": "Mars/Olympus"}', /1:14: error: timeZone: unknown time zone; found "Mars\/Olympus"/],
    ['{"locale": "tlh"}', /1:12: error: locale: unknown locale; found "tlh"/],
    ['{"format": "xml"}', /1:12: error: format: unknown format; found "xml", expected one of text, json/],
    ['{"years": [100,', /1:16: error: \(top level\): invalid JSON/],
  ])('%s is refused with its position', (config, message) => {
    const { stderr, code } = cli(['--file', OS], { XDG_CONFIG_HOME: configHome(config) });
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
  });
});

/** The options --help lists for the program and each command: "-d, --date <YYYY-MM-DD>" → ["-d", "--date"]. */
async function optionsInHelp(): Promise<Map<string, string[]>> {
  const root = await runInProcess(['--help']);
  const commandSection = root.stdout.split(/^Commands:$/m)[1]?.split(/^\S/m)[0] ?? '';
  const commands = [...commandSection.matchAll(/^ {2}([a-z]+) .*$/gm)].map((m) => m[1] ?? '').filter((c) => c !== 'help' && c !== '');
  const out = new Map<string, string[]>();
  for (const command of ['', ...commands]) {
    const { stdout } = await runInProcess(command === '' ? ['--help'] : [command, '--help']);
    const section = stdout.split(/^Options:$/m)[1]?.split(/^\S/m)[0] ?? '';
    out.set(command, [...section.matchAll(/^ {2}(-[^ ,]+)(?:, (--\S+))?/gm)].flatMap((m) => [m[1], m[2]].filter((x): x is string => x !== undefined)));
  }
  return out;
}

describe('completion and the man page come from the --help definitions', () => {
  it('every option of every command in --help is in the man page', async () => {
    const man = readFileSync(join(ROOT, 'dist', 'centenary.1'), 'utf8').replace(/\\-/g, '-').replace(/\\f[BIR]|\\&/g, '');
    const help = await optionsInHelp();
    expect(help.size).toBeGreaterThanOrEqual(8);
    for (const [command, options] of help) {
      const section = command === '' ? man.split('.SH COMMANDS')[0] ?? '' : (man.split(`.SS "centenary ${command} `)[1]?.split('.SS ')[0] ?? '');
      expect(section, `man page section for ${command || 'centenary'}`).not.toBe('');
      for (const option of options) expect(section, `${command} ${option}`).toContain(option);
    }
  });

  it.each(['bash', 'zsh', 'fish'])('%s completion names every command and every option', async (shell) => {
    const { stdout, code } = await runInProcess(['completion', shell]);
    expect(code).toBe(0);
    for (const [command, options] of await optionsInHelp()) {
      if (command !== '') expect(stdout).toContain(command);
      for (const option of options) expect(stdout).toContain(shell === 'fish' ? option.replace(/^--?/, shell === 'fish' && option.startsWith('--') ? '-l ' : '-s ') : option);
    }
  });

  it('the bash script is valid bash and completes commands, options and choices', () => {
    const script = cli(['completion', 'bash']).stdout;
    const complete = (words: string[]) =>
      spawnSync('bash', ['-c', `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _centenary; echo "\${COMPREPLY[@]}"`], { encoding: 'utf8' }).stdout.trim();
    expect(complete(['centenary', 'val'])).toBe('validate');
    expect(complete(['centenary', 'import', '--from', ''])).toBe('bsd-calendar csv');
    expect(complete(['centenary', 'list', '--c'])).toBe('--country --color');
  });

  // zsh and fish come from Debian's packages (.ci/run installs them); without them these are skipped.
  const hasShell = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;

  it.skipIf(!hasShell('fish'))('the fish script is valid fish and completes commands, options and choices', () => {
    const script = cli(['completion', 'fish']).stdout;
    const complete = (line: string) =>
      spawnSync('fish', ['--no-config', '-c', `${script}\ncomplete -C '${line}'`], { encoding: 'utf8' })
        .stdout.trim()
        .split('\n')
        .map((l) => l.split('\t')[0]);
    expect(complete('centenary val')).toEqual(['validate']);
    expect(complete('centenary import --from ')).toEqual(['bsd-calendar', 'csv']);
    expect(complete('centenary --format ')).toEqual(expect.arrayContaining(['text', 'json', 'html', 'atom', 'ics', 'email', 'markdown']));
  });

  it.skipIf(!hasShell('zsh'))('the zsh script is valid zsh and defines its completion function', () => {
    const script = cli(['completion', 'zsh']).stdout;
    const dir = mkdtempSync(join(tmpdir(), 'centenary-zsh-'));
    const file = join(dir, '_centenary');
    writeFileSync(file, script);
    expect(spawnSync('zsh', ['-n', file]).status).toBe(0);
    const loaded = spawnSync('zsh', ['-f', '-c', `autoload -U compinit && compinit -u -d ${dir}/zcompdump && source ${file} && whence -w _centenary`], { encoding: 'utf8' });
    expect(loaded.stdout.trim()).toBe('_centenary: function');
  });

  it('an unknown shell is a usage error', async () => {
    const { stderr, code } = await runInProcess(['completion', 'powershell']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/'powershell' is invalid for argument 'shell'. Allowed choices are bash, zsh, fish/);
  });
});
