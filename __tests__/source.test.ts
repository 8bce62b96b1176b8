import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode, listArticles, readSourceFile, resolveSourcePath, DEFAULT_ARTICLE } from '../src/load/source.js';
import { BroadsheetError } from '../src/errors.js';
import { ROOT } from './helpers.js';

const articles = join(ROOT, 'articles');
const bytes = (s: string) => new TextEncoder().encode(s);

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof BroadsheetError) return `${error.code}:${error.exitCode}`;
    throw error;
  }
  return 'ok';
}

describe('stored articles', () => {
  it('lists the shipped article and resolves its slug', () => {
    expect(listArticles(articles)).toContain(DEFAULT_ARTICLE);
    expect(resolveSourcePath(undefined, articles)).toBe(join(articles, `${DEFAULT_ARTICLE}.md`));
    expect(resolveSourcePath(DEFAULT_ARTICLE, articles)).toBe(join(articles, `${DEFAULT_ARTICLE}.md`));
    expect(resolveSourcePath('-', articles)).toBe('-');
  });
});

describe('decode', () => {
  it('drops a leading BOM and turns CRLF and CR into LF', () => {
    expect(decode(bytes('\uFEFF# T\r\nx\ry\n'), 'f')).toBe('# T\nx\ny\n');
  });

  it('replaces invalid UTF-8 with U+FFFD', () => {
    expect(decode(new Uint8Array([...bytes('caf'), 0xe9, ...bytes(' au lait, latin-1 style')]), 'f')).toBe('caf\uFFFD au lait, latin-1 style');
  });

  it('refuses binaries: a NUL byte, or mostly invalid UTF-8', () => {
    expect(code(() => decode(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]), 'f'))).toBe('binary:2');
    expect(code(() => decode(new Uint8Array(Array.from({ length: 100 }, (_, i) => 0x80 + (i % 60))), 'f'))).toBe('binary:2');
  });
});

describe('readSourceFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-'));

  it('maps a missing file and a directory to exit 2', () => {
    expect(code(() => readSourceFile(join(dir, 'missing.md')))).toBe('missing-file:2');
    mkdirSync(join(dir, 'sub'));
    expect(code(() => readSourceFile(join(dir, 'sub')))).toBe('is-directory:2');
  });

  it('maps an unreadable file to exit 2 (run as an unprivileged user: root reads anything)', () => {
    // A copy of the built command in a folder anyone can read, run as `nobody` when we are root.
    const home = mkdtempSync(join(tmpdir(), 'broadsheet-unprivileged-'));
    chmodSync(home, 0o755);
    cpSync(join(ROOT, 'bin'), join(home, 'bin'), { recursive: true });
    cpSync(join(ROOT, 'dist'), join(home, 'dist'), { recursive: true });
    const locked = join(home, 'locked.md');
    writeFileSync(locked, 'x');
    chmodSync(locked, 0o000);
    const asRoot = process.getuid?.() === 0;
    const command = asRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
    const run = spawnSync(command[0]!, [...command.slice(1), join(home, 'bin', 'broadsheet.cjs'), locked], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin' } });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 2, stderr: `broadsheet: ${locked}: permission denied\n` });
  });

  it('reads empty files as empty text', () => {
    const empty = join(dir, 'empty.md');
    writeFileSync(empty, '');
    expect(readSourceFile(empty).text).toBe('');
  });

  it('never echoes control characters from a file name', () => {
    let message = '';
    try {
      readSourceFile(join(dir, 'evil\u001B]0;pwned\u0007.md'));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('evil\uFFFD]0;pwned\uFFFD.md');
  });
});
