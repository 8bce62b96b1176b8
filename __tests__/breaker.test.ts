/**
 * Paragraph line breaking: for any paragraph and width, no line is wider than the width (unless
 * one character is), the words come out complete and in order, a paragraph of two or more lines
 * does not end in a widow when one can be avoided, styles and links are closed at every line end,
 * URLs are not broken where they fit, and CJK lines respect kinsoku.
 */
import fc from 'fast-check';
import stringWidth from 'string-width';
import { breakParagraph, isWidow } from '../src/layout/breaker.js';
import { loadHyphenator } from '../src/layout/hyphenate.js';
import { Layout } from '../src/layout/layout.js';
import { isSimple } from '../src/layout/measure.js';
import { StyleState, atom, keepSpaces, stripMarkers } from '../src/layout/styled.js';
import { unicodeLayout } from '../src/layout/unicode.js';
import { stripOwnEscapes } from './helpers.js';

const layout = new Layout(unicodeLayout);

const word = fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzéß'.split('')), { minLength: 1, maxLength: 14 }).map((cs) => cs.join(''));
const paragraph = fc.array(word, { minLength: 1, maxLength: 60 }).map((words) => words.join(' '));

describe('the line breaker', () => {
  it('keeps every line within the width, and every word, in order', () => {
    fc.assert(
      fc.property(paragraph, fc.integer({ min: 14, max: 120 }), (text, width) => {
        const lines = layout.wrap(text, width).split('\n');
        for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
        expect(lines.join(' ').split(' ').filter(Boolean)).toEqual(text.split(' '));
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves no widow (a short word alone on the last line) at widths from 20 to 200 when the last two words fit on a line', () => {
    fc.assert(
      fc.property(paragraph, fc.integer({ min: 20, max: 200 }), (text, width) => {
        const lines = layout.wrap(text, width).split('\n');
        const words = text.split(' ');
        const lastTwo = words.length >= 2 ? stringWidth(`${words.at(-2)} ${words.at(-1)}`) : Infinity;
        const last = lines.at(-1)!;
        if (lines.length >= 2 && lastTwo <= width && !last.includes(' ')) expect(isWidow(stringWidth(last), width)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('sets a more even right edge than greedy filling', () => {
    const text = 'Ukraine has also reacted cautiously to the proposal but the US and its allies have rejected the Chinese initiative as biased toward Russia.';
    expect(layout.wrap(text, 40)).toBe('Ukraine has also reacted cautiously to\nthe proposal but the US and its allies\nhave rejected the Chinese initiative as\nbiased toward Russia.');
  });

  it('breaks a word wider than the line, and only then', () => {
    expect(layout.wrap('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abcdefghij\nklmnopqrst\nuvwxyz');
    expect(layout.wrap('a bb ccc', 3)).toBe('a\nbb\nccc');
  });

  it('may break after a hyphen between letters, never inside a number', () => {
    expect(layout.wrap('one-on-one talks', 8).split('\n')[0]).toMatch(/-$/);
    expect(layout.wrap('from 2024-01-01 on', 10)).toBe('from\n2024-01-01\non');
  });

  it('collapses runs of spaces, but keeps them in code spans', () => {
    expect(layout.wrap('a    b  c', 0)).toBe('a b c');
    expect(layout.wrap('a    b  c', 40)).toBe('a b c');
    expect(layout.wrap(`x ${keepSpaces('`a   b`')} y`, 40)).toBe('x `a   b` y');
    expect(layout.wrap(`x ${keepSpaces('`a   b`')} y`, 0)).toBe('x `a   b` y');
  });

  it('never breaks a URL that fits, and cuts one wider than the line', () => {
    const url = 'https://example.com/a/long-path/with-hyphens/to-a-page';
    const out = layout.wrap(`see the page at ${atom(url)} for more`, 60);
    expect(out.split('\n').some((line) => line.includes(url))).toBe(true);
    const cut = layout.wrap(`see ${atom(url)}`, 20).split('\n');
    for (const line of cut) expect(stringWidth(line)).toBeLessThanOrEqual(20);
    expect(cut.join('').replace('see', '')).toBe(url);
  });

  it('closes styles and links at each line end and opens them again', () => {
    const styled = `\u001B[1m${'bold words '.repeat(6)}\u001B[22m and \u001B]8;;https://x.test\u001B\\${'linked words '.repeat(4)}\u001B]8;;\u001B\\`;
    for (const line of layout.wrap(styled, 20).split('\n')) {
      expect(line.match(/\u001B\[1m/g)?.length ?? 0).toBe(line.match(/\u001B\[22m/g)?.length ?? 0);
      expect(line.match(/\u001B\]8;;https/g)?.length ?? 0).toBe(line.match(/\u001B\]8;;\u001B\\/g)?.length ?? 0);
      expect(stringWidth(line)).toBeLessThanOrEqual(20);
    }
    expect(stripOwnEscapes(layout.wrap(styled, 20)).split(/\s+/).filter(Boolean)).toEqual(stripOwnEscapes(styled).split(/\s+/).filter(Boolean));
  });

  it('breaks CJK between characters, never before closing or after opening punctuation', () => {
    const text = '中文字符的宽度是两列，这一段必须按照显示宽度来换行。「引号」和（括号）也要注意，不能放在行首或行尾。';
    for (const width of [10, 11, 12, 20, 21, 33]) {
      const lines = layout.wrap(text, width).split('\n');
      for (const line of lines) {
        expect(stringWidth(line)).toBeLessThanOrEqual(width);
        expect(line).not.toMatch(/^[，。、」）』】]/);
        expect(line).not.toMatch(/[「（『【]$/);
      }
      expect(lines.join('')).toBe(text);
    }
  });

  // Prose as the renderers write it: words, dashes, URLs, code spans and our own codes.
  const STYLE_CODES = ['\u001B[1m', '\u001B[22m', '\u001B[3m', '\u001B[23m', '\u001B[36m', '\u001B[39m', '\u001B[38;5;81m', '\u001B[0m', '\u001B[m', '\u001B]8;;https://example.com/a-b\u001B\\', '\u001B]8;;\u001B\\'];
  const dashed = fc.constantFrom('state-of-the-art', 'e-mail', 'a-b', '2020-01-01', 'well-', '-known', 'x—y', 'pre–post', 'co--op', 'A‐B', 'é-à', 'a-1', 'over-long-compound-word-here');
  // Atoms too (URLs: kept whole, never split at their dashes, spaces inside them kept) and code
  // spans (their spaces kept), as the text renderer marks them, and words with dashes outside
  // atoms (the general path's).
  const url = fc.constantFrom('(https://example.com/a-b/c)', 'https://x.org/long-path/with-dashes?q=1', 'a url with spaces', '', 'x').map((text) => atom(text));
  const prose = fc
    .array(
      fc.oneof(
        word,
        word,
        fc.constantFrom('“quoted”', 'it’s', 'x', 'I', 'a  b', 'Café', 'well-known'),
        // Hyphens and dashes: between letters, in numbers, at a word's edges, several, doubled.
        dashed,
        url,
        url.map((a) => `see${a}.`),
        // Code spans: their runs of spaces kept, breakable there.
        fc.constantFrom('f()', 'a  b', ' x ', 'two   spaces here', 'a-b', '', 'x'.repeat(30)).map((code) => keepSpaces(code)),
        // Our own codes, as the ansi renderer writes them: styles and links that open in one
        // word and close words or lines later, next to a word or alone between spaces.
        fc.constantFrom(...STYLE_CODES),
        fc.tuple(fc.constantFrom(...STYLE_CODES), fc.oneof(word, dashed), fc.constantFrom(...STYLE_CODES)).map(([open, w, close]) => open + w + close),
        // Codes inside a dashed word, before or after its dash.
        fc.tuple(dashed, fc.nat(), fc.constantFrom(...STYLE_CODES)).map(([w, at, code]) => w.slice(0, at % (w.length + 1)) + code + w.slice(at % (w.length + 1))),
      ),
      { minLength: 1, maxLength: 80 },
    )
    // Mostly one space apart; runs of spaces, spaces at either end and forced breaks too.
    .chain((words) =>
      fc
        .array(fc.constantFrom(' ', ' ', ' ', ' ', '  ', '\n', ''), { minLength: words.length + 1, maxLength: words.length + 1 })
        .map((gaps) => gaps[0]! + words.map((w, i) => w + gaps[i + 1]!).join('')),
    );
  // Prose as plain text mostly is: words and dashes only, no markers, no codes (the fast path's
  // own quickest way, bareWords).
  const bareProse = fc
    .array(fc.oneof(word, word, dashed, fc.constantFrom('“quoted”', 'it’s', 'x', 'I', 'Café', 'well-known', '-', '—', 'a–', 'long—compound—words—here', 'pre–post–war–era', 'no\u00a0break', 'two\u2010hyphen', 'non\u2011breaking')), { minLength: 1, maxLength: 80 })
    .chain((words) =>
      fc
        .array(fc.constantFrom(' ', ' ', ' ', '  ', '   ', '\n', ''), { minLength: words.length + 1, maxLength: words.length + 1 })
        .map((gaps) => gaps[0]! + words.map((w, i) => w + gaps[i + 1]!).join('')),
    );
  it('sets plain prose on its fast path exactly as on the general one', () => {
    // A hyphenator that never splits sends every paragraph down the general path.
    const general = new Layout(unicodeLayout, (word) => [word]);
    fc.assert(
      // Under 14 columns some words are wider than the line: the fast path hands those back.
      fc.property(fc.oneof(prose, bareProse), fc.integer({ min: 8, max: 120 }), (text, width) => {
        expect(layout.wrap(text, width)).toBe(general.wrap(text, width));
      }),
      { numRuns: Number(process.env.BROADSHEET_PROPERTY_RUNS ?? 2000) },
    );
  });

  it('sets a paragraph whose costs could pass 32 bits (kept as doubles) as the general path does, as one whose costs cannot', () => {
    // The fast path keeps costs as integers where n * width^2 < 2^31, their bound: 2,400 words at
    // 1,000 columns are past it, the same words at 120 columns are not.
    const general = new Layout(unicodeLayout, (word) => [word]);
    const words = Array.from({ length: 2400 }, (_, i) => ['a', 'bb', 'ccc', 'dddd', 'president', 'x'][(i * 7) % 6]!);
    const text = words.join(' ');
    for (const width of [1000, 120]) {
      const lines = layout.wrap(text, width);
      expect(lines).toBe(general.wrap(text, width));
      expect(lines.split('\n').length).toBeGreaterThan(2);
    }
  });

  it('gives a text that is already a line that fits back as the breaker would, hyphenating or not', async () => {
    // Layout.wrap does not break such a text (most table cells and list items); the breaker is
    // the reference. The prose is made into one line with single spaces and no markers, as
    // table cells mostly are, or kept as it is (then the breaker runs).
    const measurer = { simple: isSimple, width: (text: string) => stringWidth(text) };
    const hyphenate = await loadHyphenator('en');
    const hyphenating = new Layout(unicodeLayout, hyphenate);
    const oneLine = prose.map((text) => stripMarkers(text).replace(/\s+/g, ' ').trim());
    fc.assert(
      // Wide characters too: a text of them can be shorter than the width and still wider.
      fc.property(fc.oneof(oneLine, oneLine, prose), fc.constantFrom('', ' 漢字かな', ' 😀', ' a\u0301'), fc.integer({ min: 0, max: 30 }), (text, wide, extra) => {
        const line = text + wide;
        const width = Math.max(1, stringWidth(line) - 3 + extra);
        expect(layout.wrap(line, width)).toBe(breakParagraph(line.normalize(), width, measurer));
        expect(hyphenating.wrap(line, width)).toBe(breakParagraph(line.normalize(), width, { ...measurer, hyphenate }));
      }),
      { numRuns: Number(process.env.BROADSHEET_PROPERTY_RUNS ?? 2000) },
    );
  });

  it('leaves a code with a marker inside it to the general path (no hang, no drift)', () => {
    // Never made by the renderers (link targets are URLs, documents lose their control
    // characters), but the fast path must not loop or misplace words on it.
    const general = new Layout(unicodeLayout, (word) => [word]);
    for (const [text, width] of [
      ['\u001B]8;;h\u0002\u001B\\ \u001B]8;;uu\u001B\\a-bc', 80],
      ['\u001B]8;;http://a\u0002b\u001B\\x-y z\u001B]8;;\u001B\\', 5],
    ] as const) {
      expect(layout.wrap(text, width)).toBe(general.wrap(text, width));
    }
  });

  it('reopens 256-colour and true-colour styles on the next line', () => {
    const styled = `\u001B[38;5;81m\u001B[1m${'accent words '.repeat(4)}\u001B[22m\u001B[39m \u001B[38;2;10;20;30m${'rgb words '.repeat(4)}\u001B[39m`;
    const lines = layout.wrap(styled, 16).split('\n');
    expect(lines[1]).toMatch(/^\u001B\[38;5;81m\u001B\[1maccent/);
    expect(lines.at(-1)).toMatch(/^\u001B\[38;2;10;20;30mrgb/);
    const state = new StyleState();
    state.apply('\u001B[38;5;81m');
    state.apply('\u001B[33m');
    expect(state.reopen()).toBe('\u001B[33m');
    expect(state.close()).toBe('\u001B[39m');
  });
});

/** Real words, long enough to hyphenate, and short ones (no hyphens of their own: any `-` at a line end is a hyphenation). */
const englishWord = fc.constantFrom(
  ...'president cautiously proposal initiative ambitious relationship expansion partnership international accusations possibilities prosperity television sovereignty territory security strategic stability dominance counterbalance the a of and to in is was for on by with'.split(' '),
);
const englishParagraph = fc.array(englishWord, { minLength: 1, maxLength: 50 }).map((words) => words.join(' '));

describe('hyphenation', () => {
  let hyphenated: Layout;
  beforeAll(async () => {
    hyphenated = new Layout(unicodeLayout, await loadHyphenator('en'));
  });

  it('keeps lines within the width, leaves no widow, and gives back every word once hyphens at line ends are joined', () => {
    fc.assert(
      fc.property(englishParagraph, fc.integer({ min: 20, max: 60 }), (text, width) => {
        const lines = hyphenated.wrap(text, width).split('\n');
        for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
        expect(lines.join('\n').replace(/-\n/g, '').split(/\s+/)).toEqual(text.split(' '));
        const last = lines.at(-1)!;
        const lastTwo = text.split(' ').slice(-2).join(' ');
        if (lines.length >= 2 && stringWidth(lastTwo) <= width) expect(last.includes(' ') || !isWidow(stringWidth(last), width)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('hyphenates where it helps a narrow measure, at the patterns\' points', () => {
    const out = hyphenated.wrap('The leaders discussed internationalisation and counterbalance in strategic dialogue', 20);
    expect(out).toMatch(/[a-z]-\n/);
    for (const line of out.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(20);
    // Three letters at least after the hyphen (TeX's English minimum): `italic` stays whole.
    for (const width of [8, 9, 10, 11]) expect(hyphenated.wrap('xxxx italic', width)).not.toContain('ital-');
    // A word wider than the line is cut, not hyphenated as well.
    expect(hyphenated.wrap('Averyveryveryverylongwordwithoutanyspaces', 20)).toBe('Averyveryveryverylon\ngwordwithoutanyspace\ns');
  });

  it('never hyphenates URLs, code, numbers or words with capitals inside', () => {
    const text = `${atom('https://example.com/internationalisation')} ${keepSpaces('internationalisation')} 1234567890123 McDonaldization iPhoneification`;
    for (const width of [12, 16, 20, 24]) {
      const out = hyphenated.wrap(`x ${text}`, width);
      expect(out).not.toMatch(/[a-z]-\n/);
    }
  });
});
