import { mkdtempSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode, listArticles, readSourceFile, resolveSourcePath, DEFAULT_ARTICLE } from '../src/articles.js';
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

  it('maps a missing file, a directory and an unreadable file to exit 2', () => {
    expect(code(() => readSourceFile(join(dir, 'missing.md')))).toBe('missing-file:2');
    mkdirSync(join(dir, 'sub'));
    expect(code(() => readSourceFile(join(dir, 'sub')))).toBe('is-directory:2');
    const locked = join(dir, 'locked.md');
    writeFileSync(locked, 'x');
    chmodSync(locked, 0o000);
    // root can read anything; the check only means something for other users.
    const expected = process.getuid?.() === 0 ? 'ok' : 'unreadable:2';
    expect(code(() => readSourceFile(locked))).toBe(expected);
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
