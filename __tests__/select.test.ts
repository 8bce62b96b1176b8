import { parseDocument } from '../src/document/tree.js';
import { BroadsheetError } from '../src/errors.js';
import { matchRank, selectSections, words } from '../src/document/select.js';
import { fixture } from './helpers.js';
import { plainFull } from './kits.js';
import { jsonArticle } from '../src/render/json.js';
import { tocEntries } from '../src/render/toc.js';
import { readFileSync } from 'node:fs';

const article = parseDocument(readFileSync(new URL('../articles/xi-putin-new-era.md', import.meta.url), 'utf8'));
const keep = parseDocument(fixture('keep-a-changelog.md'));
const conventional = parseDocument(fixture('conventional-changelog.md'));
const pick = (doc: ReturnType<typeof parseDocument>, ...values: string[]) => selectSections(doc, values).map((s) => s.number);

function failure(fn: () => unknown): BroadsheetError {
  try {
    fn();
  } catch (error) {
    if (error instanceof BroadsheetError) return error;
    throw error;
  }
  throw new Error('expected a BroadsheetError');
}

describe('words', () => {
  it('drops case, accents, quotes and punctuation but keeps dots and hyphens inside words', () => {
    expect(words('US ‘undermining’ global security')).toEqual(['us', 'undermining', 'global', 'security']);
    expect(words('[1.2.1] - 2024-01-01')).toEqual(['1.2.1', '2024-01-01']);
    expect(words('Café, “Crème”!')).toEqual(['cafe', 'creme']);
  });
});

describe('matchRank', () => {
  it('ranks exact, then whole-word prefix, then whole words, then substring', () => {
    expect(matchRank('Japan PM in Kyiv', 'japan-pm-in-kyiv', 'japan pm in kyiv')).toBe(0);
    expect(matchRank('Japan PM in Kyiv', 'japan-pm-in-kyiv', 'japan-pm-in-kyiv')).toBe(0);
    expect(matchRank('Japan PM in Kyiv', 'japan-pm-in-kyiv', 'Japan PM')).toBe(1);
    expect(matchRank('Japan PM in Kyiv', 'japan-pm-in-kyiv', 'in kyiv')).toBe(2);
    expect(matchRank('Japan PM in Kyiv', 'japan-pm-in-kyiv', 'kyi')).toBe(3);
    expect(matchRank('Japan PM in Kyiv', 'japan-pm-in-kyiv', 'tokyo')).toBeUndefined();
  });

  it('never cuts a number in a substring match', () => {
    expect(matchRank('1.2.10 - 2024-03-01', 'x', '1.2.1')).toBeUndefined();
    expect(matchRank('12.0.0', 'x', '2.0.0')).toBeUndefined();
    expect(matchRank('2.0.0-next.1 (2024-04-20)', 'x', '2.0.0')).toBe(3);
  });
});

describe('selectSections', () => {
  it('selects by number, including the lead', () => {
    expect(pick(article, '2')).toEqual(['2']);
    expect(pick(article, '0')).toEqual(['0']);
  });

  it('selects by forgiving title and by slug', () => {
    expect(pick(article, "us 'undermining'")).toEqual(['2']);
    expect(pick(article, 'US ‘UNDERMINING’ GLOBAL SECURITY')).toEqual(['2']);
    expect(pick(article, 'japan-pm-in-kyiv')).toEqual(['3']);
    expect(pick(article, 'unlimited')).toEqual(['1']);
  });

  it('accepts comma lists, repeats and ranges, printing in document order once each', () => {
    expect(pick(article, '3,1')).toEqual(['1', '3']);
    expect(pick(article, '3', '1', '3')).toEqual(['1', '3']);
    expect(pick(article, '1-2')).toEqual(['1', '2']);
    expect(pick(article, '0-1')).toEqual(['0', '1']);
  });

  it('prefers whole words: 1.2.1 is never 1.2.10, 2.0.0 is not 2.0.0-next.1', () => {
    expect(pick(keep, '1.2.1')).toEqual(['3']);
    expect(pick(keep, '1.2.10')).toEqual(['2']);
    expect(pick(conventional, '2.0.0')).toEqual(['1']);
    expect(pick(conventional, '2.0.0-next.1')).toEqual(['2']);
  });

  it('resolves a path through the tree', () => {
    expect(pick(keep, '1.2.0 > Changed')).toEqual(['4.2']);
    expect(pick(conventional, '1.3.0 > bug fixes')).toEqual(['3.1']);
  });

  it('drops a subsection already printed by its parent', () => {
    expect(pick(keep, '4', '4.1')).toEqual(['4']);
  });

  it('reports "not found" with suggestions, exit code 1', () => {
    const error = failure(() => pick(article, 'japn pm'));
    expect(error.exitCode).toBe(1);
    expect(error.message).toBe("no section matches 'japn pm'; did you mean 3 'Japan PM in Kyiv'?");
    expect(failure(() => pick(keep, '9.9.9')).code).toBe('not-found');
  });

  it('reports ties as ambiguous with the candidates, exit code 1', () => {
    const error = failure(() => pick(keep, 'added'));
    expect(error.code).toBe('ambiguous');
    expect(error.exitCode).toBe(1);
    expect(error.message).toBe("section 'added' is ambiguous: 1.1 'Added', 4.1 'Added', 5.1 'Added'");
  });

  it('does not treat a number that does not exist as a number', () => {
    expect(failure(() => pick(article, '7')).code).toBe('not-found');
  });

  it('agrees with the table of contents and JSON on whether the lead has content', () => {
    const cases: [string, boolean][] = [
      ['[a]: https://x.test\n\n## One\n\ntext\n', false],
      ['<!-- a note -->\n\n## One\n\ntext\n', false],
      ['<!-- one -->\n<!-- two -->\n\n[b]: https://x.test\n\n## One\n', false],
      ['Words.\n\n## One\n', true],
      ['<div>html</div>\n\n## One\n', true],
    ];
    for (const [markdown, lead] of cases) {
      const doc = parseDocument(markdown);
      const listed = tocEntries(doc).some((e) => e.number === '0');
      const selectable = (() => {
        try {
          return pick(doc, '0').length === 1;
        } catch {
          return false;
        }
      })();
      const inJson = jsonArticle(doc, undefined, plainFull).sections.some((s) => s.number === '0');
      expect([markdown, listed, selectable, inJson]).toEqual([markdown, lead, lead, lead]);
    }
  });

  it('rejects an empty selector as a usage error', () => {
    expect(failure(() => pick(article, '1,,2')).exitCode).toBe(2);
  });
});
