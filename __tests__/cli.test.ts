/**
 * The command line in-process (`main` with a captured stdout and stderr): flags, errors and exit
 * codes. The end-to-end tests (cli.e2e.test.ts) run the built bin for what needs a process.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProgram } from '../src/cli/program.js';
import { runMain } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-cli-'));
const binary = join(dir, 'image.png');
writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));

describe('usage and input errors', () => {
  it.each([
    [['--width', 'abc'], /^broadsheet: option '-w, --width <columns>' argument 'abc' is invalid\. width must be/],
    [['--width', '-1'], /width must be/],
    [['--width', '1.5'], /width must be/],
    [['--width', '99999999999'], /width must be/],
    [['--color', 'purple'], /argument 'purple' is invalid\. Allowed choices are auto, always, never\.$/],
    [['--format', 'pdf'], /argument 'pdf' is invalid\. Allowed choices are ansi, text, markdown, json\.$/],
    [['--links', 'sideways'], /Allowed choices are inline, footnotes, hidden\.$/],
    [['--section'], /argument missing/],
    [['--bogus'], /unknown option '--bogus'/],
    [['a.md', 'b.md'], /too many arguments/],
    [['no-such-file.md'], /^broadsheet: no-such-file\.md: no such file or stored article \(stored articles: xi-putin-new-era\)$/],
    [['./no/such/file.md'], /^broadsheet: \.\/no\/such\/file\.md: no such file or stored article$/],
    [[''], /^broadsheet: empty file name$/],
    [['/'], /^broadsheet: \/: is a directory$/],
    [[binary], /looks like a binary file/],
  ])('%j exits 2 with one line on stderr', async (args, message) => {
    const run = await runMain(args as string[]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.stderr.trimEnd()).toMatch(message);
  });

  it('reads empty and whitespace-only input as nothing, exit 0', async () => {
    expect(await runMain(['-'], { input: '' })).toMatchObject({ status: 0, stdout: '', stderr: '' });
    expect(await runMain(['-'], { input: ' \n\n\t\n' })).toMatchObject({ status: 0, stdout: '', stderr: '' });
  });
});

describe('flags', () => {
  const parse = (...argv: string[]) => createProgram('0.0.0', { writeOut: () => {}, writeErr: () => {} }).parse(argv, { from: 'user' }).opts();

  it('declares the defaults once, where commander shows them', () => {
    expect(parse()).toEqual({ color: 'auto', paging: 'auto', hyperlinks: 'auto', links: 'inline', heading: true, linkDefs: true, encoding: 'auto', smart: true, hyphenate: 'auto', columns: '1', config: true });
  });

  it('maps --pager and --no-pager onto paging, an explicit --paging winning', () => {
    expect(parse('--pager').paging).toBe('always');
    expect(parse('--no-pager').paging).toBe('never');
    expect(parse('--paging', 'auto', '--no-pager').paging).toBe('auto');
    expect(parse('--no-color').color).toBe(false);
  });
});

describe('the pipeline through main', () => {
  it('highlights fenced code inside a nested list item and a quote (the old pre-scan missed them)', async () => {
    for (const input of ['- item\n    - nested\n\n      ```js\n      let a = 1;\n      ```\n', '> ```js\n> let a = 1;\n> ```\n']) {
      const run = await runMain(['-', '--color', 'always'], { input });
      expect(run.stdout).toMatch(/\u001B\[[0-9;]+mlet\u001B\[39m/);
    }
  });

  it('prints JSON that parses, for an article and for a table of contents', async () => {
    expect(JSON.parse((await runMain(['-f', 'json'])).stdout).title).toBe("Xi and Putin hail 'new era'");
    expect(JSON.parse((await runMain(['--toc', '-f', 'json'])).stdout)[0]).toEqual({ number: '0', level: 0, title: '', slug: null, words: 245 });
  });
});
