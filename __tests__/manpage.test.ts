/**
 * The man page the build makes (dist/broadsheet.1, package.json "man"), rendered by man-db as
 * `man broadsheet` would: the usual sections, every flag of --help, no warnings from groff.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runMain } from './helpers.js';

const PAGE = join(ROOT, 'dist', 'broadsheet.1');

function man(): { text: string; warnings: string } {
  const run = spawnSync('man', ['--warnings', '-l', PAGE], { env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', MANWIDTH: '80', MANPAGER: 'cat' }, encoding: 'utf8' });
  if (run.error) throw run.error;
  expect(run.status).toBe(0);
  return { text: run.stdout, warnings: run.stderr };
}

/** A section's text: from its heading to the next one. */
function section(text: string, title: string): string {
  const start = text.indexOf(`\n${title}\n`);
  expect(start).toBeGreaterThan(-1);
  const next = text.slice(start + title.length + 2).search(/\n[A-Z][A-Z ]+\n/);
  return text.slice(start, next < 0 ? undefined : start + title.length + 2 + next);
}

describe('the man page', () => {
  const { text, warnings } = man();

  it('renders without warnings, with the usual sections in order', () => {
    expect(warnings).toBe('');
    const headings = text.split('\n').filter((line) => /^[A-Z][A-Z ]+$/.test(line));
    expect(headings).toEqual(['NAME', 'SYNOPSIS', 'DESCRIPTION', 'OPTIONS', 'EXIT STATUS', 'ENVIRONMENT', 'FILES', 'EXAMPLES', 'SEE ALSO']);
  });

  it('documents every long option of --help under OPTIONS, as typed (plain hyphens)', async () => {
    const help = (await runMain(['--help'])).stdout;
    const options = help.slice(help.indexOf('Options:'), help.indexOf('Examples:'));
    const longs = [...new Set(options.match(/(?<![\w-])--[a-z][a-z-]*/g))];
    expect(longs.length).toBeGreaterThan(20);
    const documented = section(text, 'OPTIONS');
    for (const long of longs) expect(documented).toMatch(new RegExp(`^ {7}(?:-\\w, )?${long}\\b`, 'm'));
  });

  it('names the config file, the article store and every variable of --help', async () => {
    const help = (await runMain(['--help'])).stdout;
    const variables = help.slice(help.indexOf('Environment:'), help.indexOf('Exit status:')).match(/^ {2}([A-Z_]+)/gm)!.map((v) => v.trim());
    for (const variable of variables) expect(section(text, 'ENVIRONMENT')).toContain(variable);
    expect(section(text, 'FILES')).toContain('$XDG_CONFIG_HOME/broadsheet/config');
    expect(section(text, 'FILES')).toContain('$XDG_DATA_HOME/broadsheet/articles');
  });

  it('is what the package installs (a list: npm links a string "man" nowhere)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { man: string[]; files: string[] };
    expect(pkg.man.map((path) => join(ROOT, path))).toEqual([PAGE]);
    expect(pkg.files).toContain('dist/');
  });
});
