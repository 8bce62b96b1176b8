import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { decode, validUtf8 } from '../src/load/decode.js';
import { MAX_BYTES, readFileBytes, readStreamBytes } from '../src/load/read.js';
import { loadSource, type Stdin, type StdinKind } from '../src/load/source.js';
import { DEFAULT_ARTICLE, findArticle, listArticles, userStore } from '../src/load/store.js';
import { BroadsheetError } from '../src/errors.js';
import { ROOT } from './helpers.js';

const bundled = join(ROOT, 'articles');
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

async function failure(promise: Promise<unknown>): Promise<BroadsheetError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BroadsheetError) return error;
    throw error;
  }
  throw new Error('expected a BroadsheetError');
}

const stdinOf = (kind: StdinKind, content = ''): Stdin => ({
  kind,
  chunks: async function* () {
    if (content) yield bytes(content);
  },
});

describe('the article library', () => {
  const user = mkdtempSync(join(tmpdir(), 'broadsheet-store-'));
  writeFileSync(join(user, 'mine.md'), '# Mine\n');
  writeFileSync(join(user, `${DEFAULT_ARTICLE}.md`), '# Shadow\n');

  it('finds the user store from the environment', () => {
    expect(userStore({ BROADSHEET_ARTICLES: '/a' })).toBe('/a');
    expect(userStore({ XDG_DATA_HOME: '/d', HOME: '/h' })).toBe('/d/broadsheet/articles');
    expect(userStore({ HOME: '/h' })).toBe('/h/.local/share/broadsheet/articles');
    expect(userStore({})).toBeUndefined();
  });

  it('lists both, the user store first, and reads a name from either', () => {
    const library = { user, bundled };
    expect(listArticles(library).map((a) => `${a.slug}:${a.origin}`)).toEqual(['mine:user', `${DEFAULT_ARTICLE}:user`]);
    expect(findArticle('mine', library)?.origin).toBe('user');
    expect(findArticle(`${DEFAULT_ARTICLE}.md`, { bundled })?.path).toBe(join(bundled, `${DEFAULT_ARTICLE}.md`));
    expect(findArticle('../etc/passwd', library)).toBeUndefined();
  });
});

describe('loadSource', () => {
  const library = { bundled };
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-source-'));
  const file = join(dir, 'notes.md');
  writeFileSync(file, '# Notes\r\n');

  it('reads a file by path, keeping its bytes beside the text', async () => {
    const source = await loadSource(file, { library, stdin: stdinOf('null') });
    expect(source.text).toBe('# Notes\n');
    expect(Buffer.from(source.bytes).toString()).toBe('# Notes\r\n');
  });

  it('reads piped stdin without `-`, and the stored article when stdin is a terminal, /dev/null, closed or empty', async () => {
    expect((await loadSource(undefined, { library, stdin: stdinOf('pipe', 'piped') })).text).toBe('piped');
    expect((await loadSource(undefined, { library, stdin: stdinOf('file', 'from a file') })).name).toBe('stdin');
    for (const kind of ['terminal', 'null', 'closed'] as const) expect((await loadSource(undefined, { library, stdin: stdinOf(kind, 'x') })).name).toBe(DEFAULT_ARTICLE);
    expect((await loadSource(undefined, { library, stdin: stdinOf('pipe', '') })).name).toBe(DEFAULT_ARTICLE);
  });

  it('reads `name.md` as the stored article `name` when no such file exists', async () => {
    expect((await loadSource(`${DEFAULT_ARTICLE}.md`, { library, stdin: stdinOf('null') })).text).toContain('Xi and Putin');
  });

  it('says what is wrong with an empty name, an unknown one and a directory on stdin', async () => {
    expect((await failure(loadSource('', { library, stdin: stdinOf('null') }))).message).toBe('empty file name');
    expect((await failure(loadSource('xi-putin', { library, stdin: stdinOf('null') }))).message).toBe(`xi-putin: no such file or stored article; did you mean ${DEFAULT_ARTICLE}?`);
    expect((await failure(loadSource('zzz', { library, stdin: stdinOf('null') }))).message).toBe(`zzz: no such file or stored article (stored articles: ${DEFAULT_ARTICLE})`);
    expect((await failure(loadSource('-', { library, stdin: stdinOf('directory') }))).message).toBe('stdin: is a directory');
    expect((await failure(loadSource(undefined, { library, stdin: stdinOf('directory') }))).code).toBe('is-directory');
  });
});

describe('reading with limits', () => {
  it('refuses a stream at the first byte past the limit, without reading the rest', async () => {
    let served = 0;
    async function* endless() {
      for (;;) {
        served += 1024;
        yield bytes('y\n'.repeat(512));
      }
    }
    expect((await failure(readStreamBytes(endless(), 'stdin', 10_000))).message).toBe('stdin: too large (limit 0 MB)');
    expect(served).toBeLessThanOrEqual(11 * 1024);
  });

  it('refuses a binary stream at its first chunk', async () => {
    let served = 0;
    async function* zeros() {
      for (;;) {
        served++;
        yield new Uint8Array(4096);
      }
    }
    expect((await failure(readStreamBytes(zeros(), 'stdin'))).code).toBe('binary');
    expect(served).toBe(1);
  });

  it('refuses /dev/zero and /dev/urandom at once, and reads a FIFO-like device to its end', () => {
    expect(code(() => readFileBytes('/dev/zero', '/dev/zero'))).toBe('binary:2');
    expect(code(() => readFileBytes('/dev/urandom', '/dev/urandom'))).toBe('binary:2');
    expect(readFileBytes('/dev/null', '/dev/null')).toHaveLength(0);
  });

  it('has a limit large enough for the bench and small enough to render', () => {
    expect(MAX_BYTES).toBe(64 * 2 ** 20);
  });
});

describe('decode', () => {
  it('drops a leading BOM and turns CRLF and CR into LF', () => {
    expect(decode(bytes('\uFEFF# T\r\nx\ry\n'), 'f')).toBe('# T\nx\ny\n');
  });

  it('reads text that is not UTF-8 as Windows-1252, and UTF-8 with a broken byte as UTF-8', () => {
    expect(decode(new Uint8Array([...bytes('caf'), 0xe9, ...bytes(' au lait, latin-1 style')]), 'f')).toBe('café au lait, latin-1 style');
    expect(decode(new Uint8Array([...bytes('naïve '), 0xe9, ...bytes(' café')]), 'f')).toBe('naïve \uFFFD café');
    expect(decode(new Uint8Array([0x93, ...bytes('quoted'), 0x94, 0x20, 0x80]), 'f')).toBe('“quoted” €');
  });

  it('takes as UTF-8 exactly what a fatal TextDecoder takes, and gives its text', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 6 }).map((text) => [...bytes(text)]),
      fc.constantFrom([0xef, 0xbb, 0xbf], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xf4, 0x90, 0x80, 0x80], [0xf0, 0x9f, 0x98], [0xc3], [0x80], [0xff]),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const input = new Uint8Array(pieces.flat());
        let expected: string | undefined;
        try {
          expected = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input);
        } catch {
          expected = undefined;
        }
        expect(validUtf8(input)).toBe(expected);
        // A view into a larger buffer reads only its own bytes.
        const framed = new Uint8Array([0x41, ...input, 0xff]).subarray(1, input.length + 1);
        expect(validUtf8(framed)).toBe(expected);
      }),
      { numRuns: Number(process.env.BROADSHEET_PROPERTY_RUNS ?? 3000) },
    );
  });

  it('refuses binaries: a NUL byte, or mostly invalid UTF-8', () => {
    expect(code(() => decode(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]), 'f'))).toBe('binary:2');
    expect(code(() => decode(new Uint8Array(Array.from({ length: 100 }, (_, i) => 0x80 + (i % 60))), 'f'))).toBe('binary:2');
  });
});

describe('readFileBytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-'));

  it('maps a missing file and a directory to exit 2', () => {
    expect(code(() => readFileBytes(join(dir, 'missing.md'), 'missing.md'))).toBe('missing-file:2');
    mkdirSync(join(dir, 'sub'));
    expect(code(() => readFileBytes(join(dir, 'sub'), 'sub'))).toBe('is-directory:2');
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
    const run = spawnSync(command[0]!, [...command.slice(1), join(home, 'bin', 'broadsheet.cjs'), locked], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin' }, stdio: ['ignore', 'pipe', 'pipe'] });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 2, stderr: `broadsheet: ${locked}: permission denied\n` });
  });

  it('reads empty files as empty', () => {
    const empty = join(dir, 'empty.md');
    writeFileSync(empty, '');
    expect(readFileBytes(empty, 'empty.md')).toHaveLength(0);
  });
});
