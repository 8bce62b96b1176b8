/**
 * Bounded under any input: endless and odd inputs, output that cannot be written, bytes kept
 * exactly, content never dropped, links that are what they show, cheap "did you mean".
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument, flatten } from '../src/document/tree.js';
import { renderTerminal } from '../src/render/terminal/index.js';
import { BIN, cleanEnv, runMain } from './helpers.js';
import { ansiFull } from './kits.js';

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-bounds-'));

/** The bin through a shell, for redirections; stdin from /dev/null unless the command says. */
function shell(command: string, timeout = 20000) {
  const started = Date.now();
  const run = spawnSync('bash', ['-c', command], { env: cleanEnv({ BIN }), encoding: 'utf8', timeout, stdio: ['ignore', 'pipe', 'pipe'] });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, seconds: (Date.now() - started) / 1000 };
}

describe('endless and odd inputs', () => {
  it.each([
    ['/dev/zero as a file', 'node "$BIN" /dev/zero', /^broadsheet: \/dev\/zero: looks like a binary file, not Markdown\n$/],
    ['/dev/urandom as a file', 'node "$BIN" /dev/urandom', /^broadsheet: \/dev\/urandom: looks like a binary file, not Markdown\n$/],
    ['/dev/zero on stdin', 'node "$BIN" - < /dev/zero', /^broadsheet: stdin: looks like a binary file, not Markdown\n$/],
    ['/dev/urandom piped without -', 'head -c 100000000 /dev/urandom | node "$BIN"', /^broadsheet: stdin: looks like a binary file, not Markdown\n$/],
    ['yes, endlessly', 'yes | node "$BIN" -', /^broadsheet: stdin: too large \(limit 64 MB\)\n$/],
    ['a directory on stdin', `node "$BIN" - < "${dir}"`, /^broadsheet: stdin: is a directory\n$/],
  ])('%s: refused at once, exit 2, one line', (_, command, message) => {
    const run = shell(command);
    expect(run.stderr).toMatch(message);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.seconds).toBeLessThan(15);
  });
});

describe('output that cannot be written', () => {
  it.each([['--help'], ['--version'], [''], ['-f json'], ['-f markdown'], ['--toc']])('%s > /dev/full: one line, exit 2, no stack trace', (args) => {
    const run = shell(`node "$BIN" ${args} > /dev/full`);
    expect(run.stderr).toBe('broadsheet: cannot write the output: no space left on device (ENOSPC)\n');
    expect(run.status).toBe(2);
  });
});

describe('memory stays bounded', () => {
  it.each([
    ['a table of 10,000 columns and 10,000 rows', `${'|a'.repeat(10000)}\n${'|-'.repeat(10000)}\n${'b\n'.repeat(10000)}`, /^broadsheet: a table of 10000 columns and 10000 rows is too large \(limit 500,000 cells\)\n$/],
    ['a list nested with tabs', Array.from({ length: 600 }, (_, i) => `${'\t'.repeat(i)}- a\n`).join(''), /^broadsheet: document nests quotes or lists more than 500 levels deep\n$/],
  ])('%s is refused cleanly within 256 MB of heap', (name, text, message) => {
    const file = join(dir, `${name.replace(/\W+/g, '-')}.md`);
    writeFileSync(file, text);
    const run = spawnSync(process.execPath, ['--max-old-space-size=256', BIN, file], { env: cleanEnv(), encoding: 'utf8', timeout: 30000, stdio: ['ignore', 'pipe', 'pipe'] });
    expect(run.stderr).toMatch(message);
    expect(run.status).toBe(2);
  });

  it('renders a large legitimate table within 512 MB of heap', () => {
    const file = join(dir, 'big-table.md');
    writeFileSync(file, `| a | b | c |\n|---|---|---|\n${'| x | y | z |\n'.repeat(100000)}`);
    const run = spawnSync(process.execPath, ['--max-old-space-size=512', BIN, file, '-w', '80'], { env: cleanEnv(), encoding: 'utf8', timeout: 60000, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')).toHaveLength(100000 + 5);
  });

  it('refuses to render a whole document larger than the render limit, and still extracts from it', async () => {
    const big = `## First\n\n${'Words of a paragraph that goes on. '.repeat(30)}\n\n`.repeat(34000);
    expect(big.length).toBeGreaterThan(32 * 2 ** 20);
    const whole = await runMain(['-'], { input: big });
    expect(whole.stderr).toBe('broadsheet: stdin: too large to render whole (limit 32 MB); --toc, --section and --format markdown read it\n');
    expect(whole.status).toBe(2);
    const one = await runMain(['-', '-s', '1', '-f', 'markdown'], { input: big });
    expect(one.status).toBe(0);
    expect(one.stdout).toBe(`## First\n\n${'Words of a paragraph that goes on. '.repeat(30)}\n`);
  });
});

describe('--format markdown keeps the bytes', () => {
  const latin1 = Buffer.from('## Caf\xe9\r\n\r\nna\xefve\r\n\r\n## Two\r\n\r\nlast line', 'latin1');

  it('prints a whole file exactly as it was: BOM, CRLF, invalid UTF-8, no final newline', async () => {
    for (const bytes of [latin1, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# T\r\n\r\ntext\r\n')]), Buffer.from('a\rb\rc')]) {
      const file = join(dir, 'exact.md');
      writeFileSync(file, bytes);
      expect((await runMain([file, '-f', 'markdown'])).bytes.equals(bytes)).toBe(true);
    }
  });

  it('extracts sections as their bytes: CRLF kept, no final newline when the file has none', async () => {
    const file = join(dir, 'crlf.md');
    writeFileSync(file, latin1);
    expect((await runMain([file, '-s', '1', '-f', 'markdown'])).bytes).toEqual(Buffer.from('## Caf\xe9\r\n\r\nna\xefve\r\n', 'latin1'));
    expect((await runMain([file, '-s', '2', '-f', 'markdown'])).bytes).toEqual(Buffer.from('## Two\r\n\r\nlast line', 'latin1'));
    expect((await runMain([file, '-s', '1,2', '-f', 'markdown'])).bytes).toEqual(Buffer.concat([Buffer.from('## Caf\xe9\r\n\r\nna\xefve\r\n', 'latin1'), Buffer.from('\r\n'), Buffer.from('## Two\r\n\r\nlast line')]));
  });

  it('extracts byte for byte through the real bin', () => {
    const file = join(dir, 'bin-crlf.md');
    writeFileSync(file, latin1);
    const run = spawnSync(process.execPath, [BIN, file, '-s', '2', '-f', 'markdown'], { env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    expect(run.stdout.equals(Buffer.from('## Two\r\n\r\nlast line'))).toBe(true);
  });
});

describe('content is never dropped', () => {
  it('reads a `---` block that is not front matter as content', async () => {
    const out = (await runMain(['-'], { input: '---\n\n## Hidden?\n\ntext\n\n---\n' })).stdout;
    expect(out).toContain('Hidden?');
    expect(out).toContain('text');
    expect((await runMain(['-', '--toc'], { input: '---\n\n## Hidden?\n\ntext\n\n---\n' })).stdout).toContain('Hidden?');
  });

  it('lexes U+2028 and U+2029 as ordinary characters, as CommonMark does', () => {
    const doc = parseDocument('## A\u2028B\n\ntext\n\n```js\nlet a\u2029= 1;\n```\n');
    // A heading (its title folds the separator into a space, as it folds every white space).
    expect(flatten(doc.sections).map((s) => s.title)).toEqual(['A B']);
    expect(doc.sections[0]!.heading?.text).toBe('A\u2028B');
    expect(doc.sections[0]!.tokens.find((t) => t.type === 'code')).toMatchObject({ lang: 'js', text: 'let a\u2029= 1;' });
  });

  it('keeps a section of an ordinary README whole: # Usage and ## Usage with React are parent and child', async () => {
    const readme = '# ignore\n\n# Usage\n\nuse it\n\n## Usage with React\n\nlike this\n\n# License\n\nMIT\n';
    expect((await runMain(['-', '-s', 'usage', '-f', 'markdown'], { input: readme })).stdout).toBe('# Usage\n\nuse it\n\n## Usage with React\n\nlike this\n');
  });
});

describe('links are what they show', () => {
  const render = (md: string) => renderTerminal(parseDocument(md), { width: 0, hyperlinks: true, links: 'inline' }, ansiFull);

  it('makes a link clickable only when its target is the URL shown', () => {
    expect(render('<https://evil.test\\@bank.example/login>\n')).not.toContain('\u001B]8;;');
    expect(render('https://evil.test\\@bank.example/login\n')).not.toContain('\u001B]8;;');
    expect(render('[x](https://Example.COM)\n')).toContain('\u001B]8;;https://example.com/\u001B\\');
    expect(render('[x](https://x.test/caf%C3%A9)\n')).toContain('\u001B]8;;https://x.test/caf%C3%A9\u001B\\');
    expect(render('[x](https://x.test/a/../b)\n')).not.toContain('\u001B]8;;');
  });

  it('never nests OSC 8 links: an image link inside a link', () => {
    const out = render('[![badge](https://img.test/b.svg)](https://x.test/page)\n');
    let depth = 0;
    for (const match of out.matchAll(/\u001B\]8;;([^\u001B]*)\u001B\\/g)) {
      depth += match[1] ? 1 : -1;
      expect(depth === 0 || depth === 1).toBe(true);
    }
    expect(depth).toBe(0);
  });
});

describe('did you mean', () => {
  it('answers in well under a second for long headings and a huge selector, and echoes it cut', async () => {
    const doc = Array.from({ length: 200 }, (_, i) => `## ${'long heading words '.repeat(30)}${i}\n\ntext\n`).join('\n');
    const started = Date.now();
    const run = await runMain(['-', '-s', 'q'.repeat(16000)], { input: doc });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`broadsheet: no section matches '${'q'.repeat(59)}…'\n`);
  });

  it('still suggests the nearest titles among thousands', async () => {
    const doc = Array.from({ length: 5000 }, (_, i) => `## Release ${i}.0.0\n\nnotes\n`).join('\n') + '\n## Installation guide\n\nhow\n';
    const run = await runMain(['-', '-s', 'instalation gide'], { input: doc });
    expect(run.stderr).toBe("broadsheet: no section matches 'instalation gide'; did you mean 5001 'Installation guide'?\n");
  });
});
