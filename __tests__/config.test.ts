/**
 * The config file: where it is looked for, flags one a line under the command line's, `--no-config`,
 * `--config-path`, and a bad line as one error naming the file and the line.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { splitWords, withConfig } from '../src/cli/config.js';
import { configPath, hasConfig } from '../src/cli/config-file.js';
import { createProgram } from '../src/cli/program.js';
import type { Flags } from '../src/options.js';
import { runBin, runMain } from './helpers.js';

const ARTICLE = ['-', '--no-stats'];
const INPUT = '# Title\n\nOne two three four five six seven eight nine ten eleven twelve thirteen fourteen.\n';

/** A config home holding `broadsheet/config` with these lines; its env and the file's path. */
function configHome(text: string): { env: Record<string, string>; path: string } {
  const home = mkdtempSync(join(tmpdir(), 'broadsheet-config-'));
  mkdirSync(join(home, 'broadsheet'));
  const path = join(home, 'broadsheet', 'config');
  writeFileSync(path, text);
  return { env: { XDG_CONFIG_HOME: home }, path };
}

const widest = (text: string) => Math.max(...text.split('\n').map((line) => line.length));

describe('where the config is', () => {
  it('is $BROADSHEET_CONFIG_PATH, else $XDG_CONFIG_HOME/broadsheet/config, else ~/.config/broadsheet/config', () => {
    expect(configPath({ BROADSHEET_CONFIG_PATH: '/etc/b.conf', XDG_CONFIG_HOME: '/x', HOME: '/home/u' })).toBe('/etc/b.conf');
    expect(configPath({ XDG_CONFIG_HOME: '/x', HOME: '/home/u' })).toBe('/x/broadsheet/config');
    expect(configPath({ HOME: '/home/u' })).toBe('/home/u/.config/broadsheet/config');
    // Empty is unset; a relative XDG_CONFIG_HOME is ignored, as the XDG specification says.
    expect(configPath({ BROADSHEET_CONFIG_PATH: '', XDG_CONFIG_HOME: 'rel', HOME: '/home/u' })).toBe('/home/u/.config/broadsheet/config');
    expect(configPath({})).toBeUndefined();
  });

  it('is there when a file is, or when the path cannot be looked at (its error is the config\'s to report)', () => {
    const { env, path } = configHome('--width 72\n');
    expect(hasConfig(env)).toBe(true);
    expect(hasConfig({ BROADSHEET_CONFIG_PATH: `${path}.missing` })).toBe(false);
    // A path through a file: no such config, as readConfig says (ENOTDIR).
    expect(hasConfig({ BROADSHEET_CONFIG_PATH: join(path, 'config') })).toBe(false);
    expect(hasConfig({})).toBe(false);
    // A name too long to look at: read by the config's reader, which words the error.
    expect(hasConfig({ BROADSHEET_CONFIG_PATH: join(tmpdir(), 'x'.repeat(5000)) })).toBe(true);
  });

  it('a name too long for a config path is one line, exit 2, whatever the command line', async () => {
    const run = await runMain(['-', '-f', 'text'], { env: { BROADSHEET_CONFIG_PATH: join(tmpdir(), 'x'.repeat(5000)) }, input: INPUT });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^broadsheet: config .*\n$/);
  });

  it('--config-path prints it and exits 0, even when the config is broken', async () => {
    const { env, path } = configHome('--widht 3\n');
    expect(await runMain(['--config-path'], { env })).toMatchObject({ stdout: `${path}\n`, stderr: '', status: 0 });
    expect(await runMain(['--config-path'], { env: { BROADSHEET_CONFIG_PATH: '/etc/b.conf' } })).toMatchObject({ stdout: '/etc/b.conf\n', status: 0 });
  });

  it('is not read for --help, --version or --completion, so a broken config never hides them', async () => {
    const { env } = configHome('--widht 3\n');
    for (const args of [['--help'], ['--version'], ['--completion', 'bash']]) expect(await runMain(args, { env })).toMatchObject({ stderr: '', status: 0 });
    expect((await runMain(['--toc'], { env })).status).toBe(2);
  });
});

describe('settings', () => {
  it('applies the flags in the config, one a line, with comments, blank lines, quotes and CRLF', async () => {
    const { env } = configHome('# my settings\r\n\r\n--width 30   # narrow\r\n--links "footnotes"\r\n');
    const run = await runMain([...ARTICLE, '-f', 'text'], { env, input: `${INPUT}\n[a link](https://example.com)\n` });
    expect(run.stderr).toBe('');
    expect(widest(run.stdout)).toBeLessThanOrEqual(30);
    expect(run.stdout).toContain('a link[1]');
  });

  it('lets the command line win, and ignores the config with --no-config', async () => {
    const { env } = configHome('--width 30\n');
    expect(widest((await runMain([...ARTICLE, '-w', '50'], { env, input: INPUT })).stdout)).toBeGreaterThan(30);
    expect(widest((await runMain([...ARTICLE, '--no-config'], { env, input: INPUT })).stdout)).toBeGreaterThan(30);
    expect(widest((await runMain(ARTICLE, { env, input: INPUT })).stdout)).toBeLessThanOrEqual(30);
  });

  it('reads the file named by BROADSHEET_CONFIG_PATH instead', async () => {
    const { env } = configHome('--width 30\n');
    const { path } = configHome('--width 20\n');
    expect(widest((await runMain(ARTICLE, { env: { ...env, BROADSHEET_CONFIG_PATH: path }, input: INPUT })).stdout)).toBeLessThanOrEqual(20);
  });

  it('a missing file is no config', async () => {
    const run = await runMain(ARTICLE, { env: { BROADSHEET_CONFIG_PATH: '/nonexistent/broadsheet/config' }, input: INPUT });
    expect(run).toMatchObject({ stderr: '', status: 0 });
  });

  /** Flags from this config under this command line, as main resolves them. */
  function merged(config: string, ...argv: string[]): Flags {
    const { env } = configHome(config);
    const make = () => createProgram('0.0.0', { writeOut: () => {}, writeErr: () => {} });
    const program = make().parse(argv, { from: 'user' });
    return withConfig<Flags>(program, env, make);
  }

  it('a setting on the command line replaces the config, whichever flag spells it', () => {
    expect(merged('--paging never\n', '--pager').paging).toBe('always');
    expect(merged('--pager\n', '--paging', 'never').paging).toBe('never');
    expect(merged('--pager\n').paging).toBe('always');
    expect(merged('--no-color\n', '--color', 'always').color).toBe('always');
    expect(merged('--color always\n', '--no-color').color).toBe(false);
    expect(merged('--no-stats\n').stats).toBe(false);
    expect(merged('--no-stats\n', '--stats').stats).toBe(true);
    // Within the config, as on a command line: the later line wins, an explicit value beats an implied one.
    expect(merged('--width 30\n--width=40\n').width).toBe(40);
    expect(merged('--paging never\n--pager\n').paging).toBe('never');
  });
});

describe('a bad config', () => {
  const cases: [string, string, string][] = [
    ['an unknown flag', '# settings\n\n--widht 72\n', ":3: unknown option '--widht' (Did you mean --width?)"],
    ['a bad value', '--links footnotes\n--width x\n', ":2: option '-w, --width <columns>' argument 'x' is invalid. width must be 0 (no wrapping) or a whole number of columns from 10 to 1000"],
    ['a flag without its value', '--format\n', ":1: option '-f, --format <format>' argument missing"],
    ['a document', '--width 72 notes.md\n', ":1: 'notes.md' is not an option (the config holds flags, such as --width 72)"],
    ['what to read', '--width 72\n-s 2\n', ':2: --section belongs on the command line, not in the config'],
    ['a command', '--list\n', ':1: --list belongs on the command line, not in the config'],
    ['help', '--help\n', ':1: --help belongs on the command line, not in the config'],
    ['--no-config', '--no-config\n', ':1: --no-config belongs on the command line, not in the config'],
    ['an unterminated quote', '--width 72\n--encoding "latin1\n', ':2: unterminated quote'],
  ];
  it.each(cases)('%s: exit 2, one line naming the file and the line', async (_, text, message) => {
    const { env, path } = configHome(text);
    const run = await runMain(ARTICLE, { env, input: INPUT });
    expect(run).toMatchObject({ stdout: '', stderr: `broadsheet: ${path}${message}\n`, status: 2 });
  });

  it('a directory where the file should be is an error', async () => {
    const { env, path } = configHome('');
    const run = await runMain(ARTICLE, { env: { ...env, BROADSHEET_CONFIG_PATH: join(path, '..') }, input: INPUT });
    expect(run).toMatchObject({ stderr: `broadsheet: config ${join(path, '..')}: is a directory\n`, status: 2 });
  });
});

describe('splitWords', () => {
  it('splits a line as a shell would', () => {
    expect(splitWords(`--a 'b c' "d \\"e\\" \\\\" f\\ g --h=i'j k' # comment`)).toEqual(['--a', 'b c', 'd "e" \\', 'f g', '--h=ij k']);
    expect(splitWords('  # only a comment')).toEqual([]);
    expect(splitWords('--a=#not-a-comment')).toEqual(['--a=#not-a-comment']);
    expect(() => splitWords("--a 'b")).toThrow('unterminated quote');
  });
});

describe('the installed command', () => {
  it('reads ~/.config/broadsheet/config in a real process', () => {
    const home = mkdtempSync(join(tmpdir(), 'broadsheet-home-'));
    mkdirSync(join(home, '.config', 'broadsheet'), { recursive: true });
    writeFileSync(join(home, '.config', 'broadsheet', 'config'), '--width 30\n');
    const run = runBin(['-', '--no-stats'], { env: { HOME: home, XDG_CONFIG_HOME: '' }, input: INPUT });
    expect(run.stderr).toBe('');
    expect(widest(run.stdout)).toBeLessThanOrEqual(30);
    expect(runBin(['--config-path'], { env: { HOME: home, XDG_CONFIG_HOME: '' } }).stdout).toBe(`${join(home, '.config', 'broadsheet', 'config')}\n`);
  });
});
