/**
 * Real pages are the oracle: each vendored news page (see import-pages/README.md), imported,
 * must hold the words of Readability's expected output (recall >= 98 %, header included; see setAside
 * in import-words.ts for what the oracle does not count) with at
 * most 2 % extra words in its body, and carry the expected title and author.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importArticle } from '../src/import/index.js';
import { cleanLine } from '../src/import/clean.js';
import { looksLikeName } from '../src/import/extract.js';
import { ROOT } from './helpers.js';
import { compareArticle, type WordComparison } from './import-words.js';

const PAGES = join(ROOT, '__tests__', 'import-pages');
const pages = readdirSync(PAGES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

interface Expected {
  title: string;
  byline: string | null;
}

type Result = WordComparison & { setAside: number; meta: Record<string, string | string[]> };

async function importPage(dir: string): Promise<{ markdown: string; result: Result }> {
  const { markdown } = await importArticle({
    source: join(dir, 'source.html'),
    readFile: (path) => readFile(path),
    readStdin: () => Promise.reject(new Error('no stdin')),
  });
  return { markdown, result: compareArticle(markdown, readFileSync(join(dir, 'expected.html'), 'utf8')) };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const rows: string[] = [];

afterAll(() => {
  if (rows.length) console.log(`page                recall   extra  (expected words / body words; oracle words set aside)\n${rows.join('\n')}`);
});

describe.each(pages)('import %s', (page) => {
  const dir = join(PAGES, page);
  const expected = JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8')) as Expected;
  let markdown = '';
  let result: Result;

  beforeAll(async () => {
    ({ markdown, result } = await importPage(dir));
    rows.push(`${page.padEnd(18)} ${pct(result.recall).padStart(7)} ${pct(result.extra).padStart(7)}  (${result.expectedWords} / ${result.bodyWords}; ${result.setAside})`);
  });

  it('has the expected words (recall >= 98 %)', () => {
    if (result.recall < 0.98) throw new Error(`recall ${pct(result.recall)}; missing: ${result.missing.slice(0, 60).join(' ')}`);
  });

  it('adds at most 2 % words to the body', () => {
    if (result.extra > 0.02) throw new Error(`extra ${pct(result.extra)}: ${result.extras.slice(0, 60).join(' ')}`);
  });

  it('has the expected title', () => {
    // The front matter holds it on one line, white space folded ("review:  A" -> "review: A").
    expect(result.meta.title).toBe(cleanLine(expected.title));
  });

  it('has the byline as author, "By " removed (or no date for an author)', () => {
    const author = result.meta.author;
    const written = Array.isArray(author) ? author : author === undefined ? [] : [author];
    // "By" in English, French, Spanish/Portuguese, German or Dutch, before a name of two words or more.
    const byline = (expected.byline ?? '').replace(/^(?:by|par|por|von|door)\s+(?=\S+\s+\S)/i, '');
    if (byline && looksLikeName(byline)) {
      // A list is the byline's names in order.
      const names = byline.split(/\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+/);
      expect(written.length === 1 ? written[0] : written).toEqual(written.length === 1 ? byline : names);
    } else {
      // Readability took a dateline for the byline: the author must not be that date.
      for (const name of written) expect(looksLikeName(name)).toBe(true);
    }
  });

  it('is a stored article: front matter, blank line, body, one final newline', () => {
    expect(markdown).toMatch(/^---\ntitle: "[^\n]*"\n(?:[\w-]+:(?: "[^\n]*")?\n| {2}- "[^\n]*"\n)*---\n\n\S/);
    expect(markdown.endsWith('\n') && !markdown.endsWith('\n\n')).toBe(true);
    expect(markdown).not.toMatch(/^# /m);
    expect(markdown).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/);
  });
});
