/** The user's article store: where it is, atomic writes, no overwrite without force. */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleStoreDir, importArticle, storeArticle } from '../src/import/index.js';
import { ROOT } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'broadsheet-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('articleStoreDir', () => {
  it('prefers $BROADSHEET_ARTICLES, then $XDG_DATA_HOME, then ~/.local/share', () => {
    expect(articleStoreDir({ BROADSHEET_ARTICLES: '/a', XDG_DATA_HOME: '/x', HOME: '/h' })).toBe('/a');
    expect(articleStoreDir({ XDG_DATA_HOME: '/x', HOME: '/h' })).toBe('/x/broadsheet/articles');
    expect(articleStoreDir({ HOME: '/h' })).toBe('/h/.local/share/broadsheet/articles');
  });

  it('treats empty values as unset and ignores a relative XDG_DATA_HOME (as the XDG spec says)', () => {
    expect(articleStoreDir({ BROADSHEET_ARTICLES: '', XDG_DATA_HOME: '', HOME: '/h' })).toBe('/h/.local/share/broadsheet/articles');
    expect(articleStoreDir({ XDG_DATA_HOME: 'relative/data', HOME: '/h' })).toBe('/h/.local/share/broadsheet/articles');
  });

  it('fails with a usage error when nothing says where', () => {
    expect(() => articleStoreDir({})).toThrow(expect.objectContaining({ code: 'usage', exitCode: 2 }));
  });
});

describe('storeArticle', () => {
  it('creates the directory and writes <slug>.md', async () => {
    const store = join(dir, 'deep', 'store');
    const path = await storeArticle(store, 'harbour-news', '---\ntitle: "Harbour"\n---\n\nText.\n');
    expect(path).toBe(join(store, 'harbour-news.md'));
    expect(readFileSync(path, 'utf8')).toBe('---\ntitle: "Harbour"\n---\n\nText.\n');
    expect(readdirSync(store)).toEqual(['harbour-news.md']);
  });

  it('refuses to replace an existing article (exit 2, file untouched, no temp file left)', async () => {
    const path = await storeArticle(dir, 'story', 'first\n');
    const before = statSync(path);
    await expect(storeArticle(dir, 'story', 'second\n')).rejects.toThrow(expect.objectContaining({ code: 'exists', exitCode: 2, message: `${path}: an article by this name is already stored (--force replaces it)` }));
    expect(readFileSync(path, 'utf8')).toBe('first\n');
    expect(statSync(path).mtimeMs).toBe(before.mtimeMs);
    expect(readdirSync(dir)).toEqual(['story.md']);
  });

  it('replaces it with force', async () => {
    await storeArticle(dir, 'story', 'first\n');
    const path = await storeArticle(dir, 'story', 'second\n', { force: true });
    expect(readFileSync(path, 'utf8')).toBe('second\n');
    expect(readdirSync(dir)).toEqual(['story.md']);
  });

  it('never writes outside the store: the slug must be a slug', async () => {
    for (const slug of ['../escape', 'a/b', '', '.hidden', 'UPPER', '-x']) {
      await expect(storeArticle(dir, slug, 'x')).rejects.toThrow(expect.objectContaining({ code: 'usage' }));
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reports a store it cannot write as one line', async () => {
    const file = join(dir, 'not-a-dir');
    writeFileSync(file, '');
    await expect(storeArticle(join(file, 'store'), 'story', 'x')).rejects.toThrow(expect.objectContaining({ code: 'unwritable', exitCode: 2 }));
    if (process.getuid?.() !== 0) {
      const locked = join(dir, 'locked');
      await storeArticle(locked, 'first', 'x');
      chmodSync(locked, 0o500);
      await expect(storeArticle(locked, 'story', 'x')).rejects.toThrow(`${locked}: permission denied`);
      chmodSync(locked, 0o700);
    }
  });
});

describe('import into the store', () => {
  const source = join(ROOT, '__tests__', 'import-pages', 'wapo-1', 'source.html');
  const io = { readFile: (path: string) => readFile(path), readStdin: () => Promise.reject(new Error('no stdin')) };

  it('imports, refuses a second import untouched, and replaces with force', async () => {
    const first = await importArticle({ source, ...io });
    expect(first.slug).toBe('attack-stokes-instability-fears-in-north-africa');
    const path = await storeArticle(dir, first.slug, first.markdown);
    writeFileSync(path, `${first.markdown}\nA note of mine.\n`);

    const second = await importArticle({ source, ...io });
    await expect(storeArticle(dir, second.slug, second.markdown)).rejects.toThrow(expect.objectContaining({ code: 'exists' }));
    expect(readFileSync(path, 'utf8')).toBe(`${first.markdown}\nA note of mine.\n`);

    await storeArticle(dir, second.slug, second.markdown, { force: true });
    expect(readFileSync(path, 'utf8')).toBe(second.markdown);
    expect(readdirSync(dir)).toEqual([`${first.slug}.md`]);
  });
});
