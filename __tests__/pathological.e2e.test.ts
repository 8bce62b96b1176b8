/**
 * cmark's pathological inputs and other hostile shapes: each finishes well inside the harness's
 * time bound with output, or is refused with exit 2 and one line naming the limit. Never a stack
 * trace, never a hang.
 */
import { closeSync, mkdtempSync, openSync, ftruncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBin } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-pathological-'));

const CASES: [string, () => string][] = [
  ['25,000 nested quotes', () => `${'> '.repeat(25000)}a\n`],
  ['30,000 nested list markers', () => `${'- '.repeat(30000)}a\n`],
  ['2,000 indented nested lists', () => Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}* a\n`).join('')],
  ['1,000 nested emphasis pairs', () => `${'*a '.repeat(1000)}b${' a*'.repeat(1000)}\n`],
  ['160,000 ![[]()', () => `${'![[]()'.repeat(160000)}\n`],
  ['300,000 unclosed HTML comment openers', () => `${'<!--'.repeat(300000)}\n`],
  ['50,000 unmatched brackets', () => `${'[a'.repeat(50000)}\n`],
  ['50,000 nested brackets', () => `${'['.repeat(50000)}a${']'.repeat(50000)}\n`],
  ['50,000 unmatched backticks', () => `${'`a'.repeat(50000)}\n`],
  ['backtick runs of growing length', () => `${Array.from({ length: 1000 }, (_, i) => `e${'`'.repeat(i + 1)}`).join('')}\n`],
  ['a 5 MB word with no spaces', () => `${'x'.repeat(5 * 2 ** 20)}\n`],
  ['a 1 MB line of words', () => `${'word '.repeat(200000)}\n`],
  ['50,000 headings', () => Array.from({ length: 50000 }, (_, i) => `## Heading ${i}\n\ntext\n\n`).join('')],
  ['30,000 emphasis closers', () => `${'a**b'.repeat(30000)}\n`],
  ['50,000 unclosed links', () => `${'[a](b'.repeat(50000)}\n`],
];

describe.each(CASES)('%s', (name, make) => {
  const file = join(dir, `${name.replace(/\W+/g, '-')}.md`);
  writeFileSync(file, make());

  it.each([['text', ['-w', '80']], ['ansi', ['--color', 'always', '-w', '80']], ['toc', ['--toc']]])('finishes or refuses cleanly (%s)', (_, args) => {
    const started = Date.now();
    const run = runBin([file, ...args], { timeout: 60000 });
    const seconds = (Date.now() - started) / 1000;
    expect(run.status === 0 || run.status === 2).toBe(true);
    if (run.status === 0) expect(run.stderr).toBe('');
    else expect(run.stderr).toMatch(/^broadsheet: [^\n]*(?:levels deep|gave up after)[^\n]*\n$/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(seconds).toBeLessThan(30);
  });
});

it('refuses a file too large for one string without reading it', () => {
  const file = join(dir, 'huge.md');
  const fd = openSync(file, 'w');
  ftruncateSync(fd, 600 * 2 ** 20);
  closeSync(fd);
  const run = runBin([file]);
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/^broadsheet: .*huge\.md: too large \(limit \d+ MB\)\n$/);
});

it('renders CRLF and CR files exactly as LF files, and drops a leading BOM', () => {
  const lf = '# Title\n\nOne\ntwo.\n\n## Part\n\n- a\n- b\n';
  const outputs = [lf, lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r'), `\uFEFF${lf}`].map((text) => runBin(['-', '-w', '40'], { input: text }).stdout);
  expect(new Set(outputs).size).toBe(1);
  expect(outputs[0]).toContain('Title\n=====');
});
