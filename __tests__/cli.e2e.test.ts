/**
 * End to end: the built bin, spawned in a clean environment, compared whole with golden files.
 * `UPDATE_GOLDEN=1 npm test` rewrites the golden files after an intended change.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, cpSync, mkdtempSync, openSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, FIXTURES, ROOT, cleanEnv, expectGolden, fixture, runBin, type Run } from './helpers.js';
import { widestLine } from './measure.js';

const ARTICLE = readFileSync(join(ROOT, 'articles', 'xi-putin-new-era.md'), 'utf8');

function ok(args: string[], env?: Record<string, string>): string {
  const run = runBin(args, { env });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

describe('reading the stored article', () => {
  it.each([
    ['article.txt', []],
    ['article.w60.txt', ['-w', '60']],
    ['article.w120.txt', ['--width', '120']],
    ['article.w60.ansi', ['-w', '60', '--color', 'always']],
  ])('%s', (golden, args) => {
    expectGolden(golden, ok(args as string[]));
  });

  it('prints plain text with no escape bytes in a pipe, one paragraph per line', () => {
    const out = ok([]);
    expect(out).not.toContain('\u001B');
    expect(out.split('\n').find((l) => l.startsWith('MOSCOW:'))).toMatch(/Ukraine\.$/);
  });

  it('keeps every line within the width at 60 and 120 columns', () => {
    expect(widestLine(ok(['-w', '60']))).toBeLessThanOrEqual(60);
    expect(widestLine(ok(['-w', '120']))).toBeLessThanOrEqual(120);
  });

  it('shows colour in a pipe when FORCE_COLOR is set, and none with NO_COLOR', () => {
    expect(ok([], { FORCE_COLOR: '1' })).toContain('\u001B[1m');
    expect(ok(['--color', 'auto'], { NO_COLOR: '1' })).not.toContain('\u001B');
    expect(ok(['--no-color', '--format', 'ansi'])).not.toContain('\u001B');
  });

  it('reads the same article by slug, by path and from stdin', () => {
    const byDefault = ok([]);
    expect(ok(['xi-putin-new-era'])).toBe(byDefault);
    expect(ok(['articles/xi-putin-new-era.md'])).toBe(byDefault);
    const run = runBin(['-'], { input: ARTICLE });
    expect(run.stdout).toBe(byDefault);
  });

  it('has help and version', () => {
    expectGolden('help.txt', ok(['--help']));
    expect(ok(['--version'])).toBe(`${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`);
  });

  it('exits 2 with one line on stderr for a usage error', () => {
    expect(runBin(['--bogus'])).toEqual({ status: 2, stdout: '', stderr: "broadsheet: unknown option '--bogus'\n" });
  });
});

describe('sections for scripts', () => {
  it.each([
    ['toc.txt', ['--toc']],
    ['toc.json', ['--toc', '--format', 'json']],
    ['section-undermining.w60.txt', ['-s', "us 'undermining'", '-w', '60']],
    ['sections-1-3.json', ['--section', '1,3', '--format', 'json']],
    ['article.json', ['--format', 'json']],
    ['keep-a-changelog.toc.txt', [join(FIXTURES, 'keep-a-changelog.md'), '--toc']],
    ['conventional-changelog.toc.json', [join(FIXTURES, 'conventional-changelog.md'), '--toc', '-f', 'json']],
    ['kitchen-sink.w40.txt', [join(FIXTURES, 'kitchen-sink.md'), '-w', '40']],
    ['kitchen-sink.w40.ansi', [join(FIXTURES, 'kitchen-sink.md'), '-w', '40', '--color', 'always', '--hyperlinks', 'always']],
    // A real README rich in HTML, badges, alerts, tables and code (starship, ISC; see __tests__/corpus/MANIFEST.json).
    ['starship-readme.w60.txt', [join(ROOT, '__tests__', 'corpus', 'readme', 'starship.md'), '-w', '60']],
    ['starship-readme.w80.ansi', [join(ROOT, '__tests__', 'corpus', 'readme', 'starship.md'), '-w', '80', '--color', 'always', '--hyperlinks', 'always']],
  ])('%s', (golden, args) => {
    expectGolden(golden, ok(args as string[]));
  });

  it('lists link targets as footnotes at width 40, cutting only the one wider than the width', () => {
    const out = ok([join(FIXTURES, 'kitchen-sink.md'), '-w', '40', '--links', 'footnotes']);
    expectGolden('kitchen-sink.footnotes.w40.txt', out);
    // 55 columns: cut under its number, every character kept.
    expect(out).toContain('\n[1] https://example.com/a/very/long/path\n    /that/goes/on/and/on\n');
    // An image's file is not a link to follow: it is not listed.
    expect(out).not.toContain('image.png');
  });

  it('highlights code without a word on stderr, whatever the language name', () => {
    const input = '```js\nlet a = 1;\n```\n\n```nosuchlanguage\nx\n```\n\n```\u001B]0;evil\u0007\nx\n```\n';
    const run = runBin(['-', '--color', 'always'], { input });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\u001B\[[0-9;]+mlet\u001B\[39m/);
  });

  it('extracts Markdown byte for byte from the source', () => {
    const source = fixture('keep-a-changelog.md');
    const out = ok([join(FIXTURES, 'keep-a-changelog.md'), '-s', '1.2.1', '-f', 'markdown']);
    const start = source.indexOf('## [1.2.1]');
    const end = source.indexOf('## [1.2.0]');
    expect(out).toBe(`${source.slice(start, end).trimEnd()}\n`);
    expect(ok([join(FIXTURES, 'conventional-changelog.md'), '-s', '2.0.0', '-f', 'markdown'])).toMatch(/^# \[2\.0\.0\][^]*Node 20 is required\.\n$/);
    expect(ok(['-f', 'markdown'])).toBe(ARTICLE);
  });

  it('gives a JSON array from --toc that feeds back into --section', () => {
    const entries = JSON.parse(ok(['--toc', '-f', 'json'])) as { number: string; slug: string }[];
    for (const entry of entries.filter((e) => e.slug)) {
      const bySlug = JSON.parse(ok(['-s', entry.slug, '-f', 'json'])).sections[0].number;
      expect(bySlug).toBe(entry.number);
    }
  });

  it('exits 1 with an empty stdout and a suggestion when nothing matches', () => {
    const run = runBin(['-s', 'japn pm']);
    expect(run).toEqual({ status: 1, stdout: '', stderr: "broadsheet: no section matches 'japn pm'; did you mean 3 'Japan PM in Kyiv'?\n" });
  });

  it('exits 1 listing the candidates when a selector is ambiguous', () => {
    const run = runBin([join(FIXTURES, 'keep-a-changelog.md'), '-s', 'fixed']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe("broadsheet: section 'fixed' is ambiguous: 2.1 'Fixed', 3.1 'Fixed'\n");
  });
});

describe('errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-e2e-'));
  it('writes the same bytes to a file as to a pipe, and answers with exit codes alone into /dev/null', () => {
    const piped = runBin(['--format', 'text', '-w', '60']).stdout;
    const file = join(dir, 'out.txt');
    const fd = openSync(file, 'w');
    try {
      expect(spawnSync(process.execPath, [BIN, '--format', 'text', '-w', '60'], { env: cleanEnv(), stdio: ['ignore', fd, 'pipe'] }).status).toBe(0);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(file, 'utf8')).toBe(piped);
    const quiet = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { env: cleanEnv(), stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    expect(quiet(['-s', 'japan'])).toMatchObject({ status: 0, stderr: '' });
    expect(quiet(['-s', 'no such section'])).toMatchObject({ status: 1, stderr: expect.stringMatching(/^broadsheet: /) });
  });

  it('exits 0 quietly when the reader closes the pipe early', () => {
    const big = join(dir, 'big.md');
    writeFileSync(big, 'A paragraph of words that goes on for a while.\n\n'.repeat(20000));
    const run = spawnSync('bash', ['-c', `set -o pipefail; node "${BIN}" "${big}" | head -1`], { env: cleanEnv(), encoding: 'utf8' });
    expect(run.stdout).toBe('A paragraph of words that goes on for a while.\n');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

describe('a long document written as it is rendered', () => {
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-e2e-long-'));

  // The time limit runs a step again when the process got too little of a core to use it; one
  // that had written part of the document must not write it twice (nor give up half-way). A
  // reader that waits (less) must not use the time limit up either.
  it('is printed once, whole, when the process is stopped or its reader waits longer than its time limit', async () => {
    const long = join(dir, 'long.md');
    // ~3 MB of text out: three chunks (output.ts), ~0.5 s of rendering after the first is
    // written; a time limit of ~6.3 s (guard.ts).
    writeFileSync(long, `${ARTICLE}\n`.repeat(500));
    const args = [long, '-f', 'text', '-w', '72'];
    const file = join(dir, 'long.txt');
    const fd = openSync(file, 'w');
    const stopped = spawn(process.execPath, [BIN, ...args], { env: cleanEnv(), stdio: ['ignore', fd, 'pipe'] });
    closeSync(fd);
    const waiting = spawn(process.execPath, [BIN, ...args], { env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    // The pipe fills, and the bin waits to write, until the reader reads.
    waiting.stdout.pause();
    const [intoFile, intoPipe] = [stopped, waiting].map(
      (child) =>
        new Promise<Run>((resolve) => {
          let [stdout, stderr] = ['', ''];
          // Decoded as a stream: a chunk may end inside a character.
          child.stdout?.setEncoding('utf8');
          child.stdout?.on('data', (data) => (stdout += data));
          child.stderr?.on('data', (data) => (stderr += data));
          child.on('close', (status) => resolve({ status, stdout, stderr }));
        }),
    );
    // Stopped while it renders its second chunk, as Ctrl-Z or a busy machine would: a little after
    // its first is in the file (not while it writes it, outside the time limit).
    while (statSync(file).size === 0 && stopped.exitCode === null) await sleep(2);
    await sleep(50);
    stopped.kill('SIGSTOP');
    await sleep(7500);
    stopped.kill('SIGCONT');
    waiting.stdout.resume();
    const whole = ok(args);
    expect(await intoFile).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(readFileSync(file, 'utf8')).toBe(whole);
    expect(await intoPipe).toEqual({ status: 0, stdout: whole, stderr: '' });
  }, 30_000);
});

describe('the code cache', () => {
  const report = (binDir: string, args = ['--version'], input?: string) =>
    spawnSync(process.execPath, [join(binDir, 'bin', 'broadsheet.cjs'), ...args], { env: cleanEnv({ BROADSHEET_REPORT_CODE_CACHE: '1' }), encoding: 'utf8', input }).stderr;

  it('is used by a copy whose files all carry the same old date, as `npm pack` leaves them', () => {
    const copy = mkdtempSync(join(tmpdir(), 'broadsheet-packed-'));
    cpSync(join(ROOT, 'bin'), join(copy, 'bin'), { recursive: true });
    cpSync(join(ROOT, 'dist'), join(copy, 'dist'), { recursive: true });
    const old = new Date('1985-10-26T08:15:00Z');
    for (const file of ['bin/broadsheet.cjs', 'dist/broadsheet.cjs', 'dist/broadsheet.cjs.cache', 'dist/broadsheet.cjs.documents.cache', 'dist/command-line.cjs', 'dist/command-line.cjs.cache']) utimesSync(join(copy, file), old, old);
    // --version is commander's: its bundle loads, with its cache.
    expect(report(copy)).toBe('code cache for broadsheet.cjs: used\ncode cache for command-line.cjs: used\n');
    expect(report(copy, [join(FIXTURES, 'keep-a-changelog.md')])).toBe('code cache for broadsheet.cjs: used (documents)\n');
  });

  it('is used by the bundles only some documents load (HTML, entities, emoji, highlighting)', () => {
    const readme = '<p align="center"><b>Bold</b></p>\n\n&copy; 2026 :rocket:\n\n```js\nconst x = 1;\n```\n';
    expect(report(ROOT, ['-', '--color', 'always'], readme).split('\n').sort()).toEqual([
      '',
      'code cache for broadsheet.cjs: used (documents)',
      'code cache for common-grammars.cjs: used',
      'code cache for emoji.cjs: used',
      'code cache for entities.cjs: used',
      'code cache for highlight.cjs: used',
      'code cache for html.cjs: used',
    ]);
  });

  it("is the article's own for the stored article, and the larger one for a document of the reader's own (a file or stdin)", () => {
    const readme = join(ROOT, '__tests__', 'corpus', 'readme', 'chalk.md');
    expect(report(ROOT, ['--format', 'text'])).toBe('code cache for broadsheet.cjs: used\n');
    expect(report(ROOT, ['--toc', 'xi-putin-new-era'])).toBe('code cache for broadsheet.cjs: used\n');
    expect(report(ROOT, ['--width', '80', readme]).split('\n')[0]).toBe('code cache for broadsheet.cjs: used (documents)');
    expect(report(ROOT, ['-', '--format', 'text'], '# Title\n\nText.\n')).toBe('code cache for broadsheet.cjs: used (documents)\n');
    // It holds what READMEs compile beside what the article does.
    const size = (name: string) => statSync(join(ROOT, 'dist', name)).size;
    expect(size('broadsheet.cjs.documents.cache')).toBeGreaterThan(size('broadsheet.cjs.cache') + 20_000);
  });

  it("reads the article and a README without loading Node's public module, its ES-module loader or source maps", () => {
    const dir = mkdtempSync(join(tmpdir(), 'broadsheet-modules-'));
    // Says, as the process exits, which of Node's own modules it loaded.
    const probe = join(dir, 'report.cjs');
    writeFileSync(probe, "process.on('exit', () => require('node:fs').writeSync(2, process.moduleLoadList.join('\\n') + '\\n'));\n");
    // Written into a file, as `> file.txt` (a pipe has Node load its streams).
    const loaded = (args: string[]) => {
      const out = openSync(join(dir, 'out.txt'), 'w');
      try {
        return spawnSync(process.execPath, ['-r', probe, ...args], { cwd: ROOT, env: cleanEnv(), encoding: 'utf8', stdio: ['ignore', out, 'pipe'] }).stderr.split('\n');
      } finally {
        closeSync(out);
      }
    };
    // A script that does nothing, run as the bin is (`node -e` loads more of Node).
    const empty = join(dir, 'empty.cjs');
    writeFileSync(empty, '');
    const bare = new Set(loaded([empty]));
    const beyondBare = (args: string[]) => loaded([BIN, ...args]).filter((name) => name !== '' && !bare.has(name));
    // module.createRequire alone brought in Node's public module, its ES-module loader and source
    // maps (~0.2 ms). Which of its own modules a Node loads for vm is Node's affair: only these,
    // and the bundles' own, are looked for.
    for (const args of [['--format', 'text'], [join(ROOT, '__tests__', 'corpus', 'readme', 'chalk.md'), '--width', '80']]) {
      const beyond = beyondBare(args);
      expect(beyond).toContain('NativeModule vm');
      expect(beyond.filter((name) => /^NativeModule (?:module|internal\/modules\/esm\/|internal\/source_map\/)/.test(name))).toEqual([]);
    }
  });

  it('is chosen without failing on an argument that cannot be looked at (a name too long, a path through a file): the command says what is wrong, in one line', () => {
    for (const arg of ['a'.repeat(5000), 'README.md/x']) {
      const run = spawnSync(process.execPath, [BIN, arg], { cwd: ROOT, env: cleanEnv(), encoding: 'utf8' });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^broadsheet: [^\n]*no such file or stored article[^\n]*\n$/);
    }
  });

  it("starts V8's data at a multiple of 8 bytes into each cache file, where V8 reads it without copying it first", () => {
    const caches = readdirSync(join(ROOT, 'dist')).filter((name) => name.endsWith('.cache'));
    expect(caches).toEqual(expect.arrayContaining(['broadsheet.cjs.cache', 'broadsheet.cjs.documents.cache']));
    for (const cache of caches) {
      const source = readFileSync(join(ROOT, 'dist', cache.replace(/(\.documents)?\.cache$/, '')), 'utf8');
      const stamp = source.slice(source.lastIndexOf('//# broadsheet-build '));
      const bytes = readFileSync(join(ROOT, 'dist', cache));
      // The stamp, then spaces to the next multiple of 8, then V8's data, which opens with its magic number (0xC0DE....).
      const start = Math.ceil(stamp.length / 8) * 8;
      expect(bytes.subarray(0, start).toString()).toBe(stamp.padEnd(start));
      expect(bytes.readUInt32LE(start) >>> 16).toBe(0xc0de);
    }
  });

  it('is never read from a dist/ of an older build: the bin says to rebuild, in one line, exit 2', () => {
    const copy = mkdtempSync(join(tmpdir(), 'broadsheet-stale-'));
    cpSync(join(ROOT, 'bin'), join(copy, 'bin'), { recursive: true });
    cpSync(join(ROOT, 'dist'), join(copy, 'dist'), { recursive: true });
    const bundle = join(copy, 'dist', 'broadsheet.cjs');
    // Before 2050ca5 a bundle was a plain CommonJS module, which the bin wrapped itself.
    writeFileSync(bundle, readFileSync(bundle, 'utf8').replace(/^\(function \(exports, require, module, __filename, __dirname\) \{/, ''));
    const run = spawnSync(process.execPath, [join(copy, 'bin', 'broadsheet.cjs'), '--version'], { env: cleanEnv(), encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`broadsheet: ${bundle} is from another build of broadsheet; run \`npm run build\`\n`);
  });

  it('says to build, in one line, exit 2, when dist/ has not been built', () => {
    const copy = mkdtempSync(join(tmpdir(), 'broadsheet-unbuilt-'));
    cpSync(join(ROOT, 'bin'), join(copy, 'bin'), { recursive: true });
    const run = spawnSync(process.execPath, [join(copy, 'bin', 'broadsheet.cjs'), '--version'], { env: cleanEnv(), encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`broadsheet: ${join(copy, 'dist', 'broadsheet.cjs')} is missing; run \`npm run build\`\n`);
  });

  it('is not used for a bundle that changed, even at the same length', () => {
    const copy = mkdtempSync(join(tmpdir(), 'broadsheet-changed-'));
    cpSync(join(ROOT, 'bin'), join(copy, 'bin'), { recursive: true });
    cpSync(join(ROOT, 'dist'), join(copy, 'dist'), { recursive: true });
    const bundle = join(copy, 'dist', 'broadsheet.cjs');
    const source = readFileSync(bundle, 'utf8');
    writeFileSync(bundle, source.replace(/broadsheet-build [0-9a-f]{16}/, 'broadsheet-build 0000000000000000'));
    expect(report(copy)).toBe('code cache for broadsheet.cjs: none\ncode cache for command-line.cjs: used\n');
  });
});
