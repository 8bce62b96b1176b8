/**
 * Details a reader notices: an honest header, whitespace as a browser shows it, legacy
 * encodings, links that stay out of the way when asked, messages that say what is wrong.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, runMain } from './helpers.js';

describe('the header', () => {
  it('shows no reading time when there is nothing to read, and < 1 min under a minute', async () => {
    expect((await runMain(['-'], { input: '---\ntitle: Empty\n---\n' })).stdout).toBe('Empty\n━━━━━\n');
    expect((await runMain(['-'], { input: '---\ntitle: Short\n---\n\nA few words.\n' })).stdout).toBe(`Short\n━━━━━\n\n3 words · < 1 min read\n\n${'─'.repeat(40)}\n\nA few words.\n`);
  });

  it('gives length and reading time to stored articles and documents with front matter, to others with --stats', async () => {
    const readme = '# Tool\n\nWhat it does, in a few words.\n';
    expect((await runMain(['-'], { input: readme })).stdout).toBe('Tool\n━━━━\n\nWhat it does, in a few words.\n');
    expect((await runMain(['-', '--stats'], { input: readme })).stdout).toBe(`Tool\n━━━━\n\n7 words · < 1 min read\n\n${'─'.repeat(40)}\n\nWhat it does, in a few words.\n`);
    expect((await runMain([])).stdout).toContain('800 words · 3 min read');
    expect((await runMain(['--no-stats'])).stdout).not.toContain('min read');
  });
});

describe('whitespace', () => {
  it('collapses runs of spaces in paragraphs and headings, not in code', async () => {
    const out = (await runMain(['-'], { input: '## A    heading\n\na    b  c :boom:       [Breaking Change] `x   y`\n\n    code   kept\n' })).stdout;
    expect(out).toBe('A heading\n─────────\n\na b c 💥 [Breaking Change] x   y\n\n    code   kept\n');
  });
});

describe('legacy encodings', () => {
  const file = join(FIXTURES, 'windows-1252.md');
  const bytes = readFileSync(file);

  it('reads a file that is not UTF-8 as Windows-1252, with one warning line', async () => {
    const run = await runMain([file]);
    expect(run.stderr).toBe(`broadsheet: ${file} is not UTF-8; read as Windows-1252 (--encoding chooses another)\n`);
    expect(run.stdout).toBe('Café notes\n━━━━━━━━━━\n\n\n“Naïve” questions\n─────────────────\n\nA naïve café – € 5 … and ‘quoted’.\n');
  });

  it('keeps the bytes as they were in markdown, and reads as told with --encoding', async () => {
    expect((await runMain([file, '-f', 'markdown'])).bytes.equals(bytes)).toBe(true);
    expect((await runMain([file, '-s', '1', '-f', 'markdown'])).bytes.equals(bytes.subarray(bytes.indexOf('## ')))).toBe(true);
    const utf8 = await runMain([file, '--encoding', 'utf-8']);
    expect(utf8.stderr).toBe('');
    expect(utf8.stdout).toContain('Caf\uFFFD notes');
    expect((await runMain([file, '--encoding', 'iso-8859-15'])).stdout).toContain('Café notes');
    expect(await runMain([file, '--encoding', 'klingon'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^broadsheet: unknown encoding 'klingon'/) });
  });

  it('reads UTF-8 with a few broken bytes as UTF-8, not as another encoding', async () => {
    const input = Buffer.concat([Buffer.from('“Curly” quotes and ü, then a broken byte: '), Buffer.from([0xff]), Buffer.from('.\n')]);
    const run = await runMain(['-'], { input });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('“Curly” quotes and ü, then a broken byte: \uFFFD.\n');
  });
});

describe('--links hidden', () => {
  it('shows only the clickable text where hyperlinks are on', async () => {
    const out = (await runMain(['-', '--color', 'always', '--hyperlinks', 'always', '--links', 'hidden'], { input: 'See [the docs](https://x.test/docs) and [a file](docs/a.md).\n' })).stdout;
    expect(out).toBe('See \u001B]8;;https://x.test/docs\u001B\\the docs\u001B]8;;\u001B\\ and a file \u001B[94m(docs/a.md)\u001B[39m.\n');
  });

  it('is refused where hyperlinks are off: a hidden target must stay reachable', async () => {
    expect(await runMain(['-', '--links', 'hidden'], { input: 'x' })).toMatchObject({ status: 2, stdout: '', stderr: expect.stringMatching(/^broadsheet: --links hidden needs clickable links/) });
  });
});
