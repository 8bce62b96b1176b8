import fc from 'fast-check';
import { countLatinLoop, countLatinPattern, countText, plainInline } from '../src/document/words.js';
import { Lexer } from 'marked';
import { BIN, runPrintingBytecode } from './helpers.js';

describe('countText', () => {
  it('counts words joined by apostrophes, dots and hyphens as one', () => {
    expect(countText('Russia’s one-on-one talks, v1.2.0 — and 12-point “paper”.')).toBe(7);
    expect(countText('中文 и кириллица, Ελληνικά')).toBe(5);
    expect(countText('日本語のテキスト')).toBe(8);
  });

  // Latin text is counted without the Unicode pattern: by a smaller pattern for the first 256 KB of a run, then by a loop.
  it.each([
    ['countText', countText],
    ['the Latin pattern', countLatinPattern],
    ['the Latin loop', countLatinLoop],
  ])('counts Latin text (%s) exactly as the Unicode word pattern does', (_name, count) => {
    const oracle = (text: string) => text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
    const latin = fc.array(fc.constantFrom(..."aZ09 .'-_,\n\té×²’‘“—\u00A0ª¼ÿĀɏ".split('')), { maxLength: 60 }).map((cs) => cs.join(''));
    fc.assert(fc.property(latin, (text) => count(text) === oracle(text)), { numRuns: 5000 });
    // Every character the counters classify themselves, alone, inside a word and after one.
    const own = (code: number) => code <= 0x24f || (code >= 0x2000 && code <= 0x206f);
    for (let code = 0; code <= 0x206f; code++) {
      if (!own(code)) continue;
      const ch = String.fromCharCode(code);
      for (const text of [ch, `a${ch}b`, `a${ch}`, `${ch}${ch}`]) expect([text, count(text)]).toEqual([text, oracle(text)]);
    }
  });

  it('counts a long run of Latin text the same once the pattern has had its share', () => {
    const text = 'Russia’s one-on-one talks — v1.2.0, “paper”. '.repeat(8000);
    const expected = text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
    // The first calls go past the pattern's 256 KB; the last is the loop's.
    for (let k = 0; k < 3; k++) expect(countText(text)).toBe(expected);
    expect(countText('中文 and more')).toBe(4);
  });

  it('counts text beyond Latin with its Unicode pattern compiled to machine code at once, never to bytecode (the bin, listing contents)', () => {
    // One link to a translation is enough to need the pattern (commander's README has one).
    const run = runPrintingBytecode([BIN, '-', '--toc', '--format', 'json'], '# Read me\n\nSome words, and [简体中文](Readme_zh-CN.md).\n');
    expect(run.status).toBe(0);
    // Read as it is counted: three Latin words and four Han characters.
    expect(run.stdout).toContain('"words": 7');
    // (V8 makes bytecode of a pattern's first run on a string under 1,000 characters: 2.5 ms for this one, against 0.65 ms of machine code.)
    expect(run.compiled.filter((pattern) => pattern.includes('sc=Han'))).toEqual([]);
  });
});

describe('plainInline', () => {
  it('gives what a reader sees: link text, code, no markers', () => {
    expect(plainInline(Lexer.lexInline('**A** [link](http://x.test) `code` ![alt](i.png) <b>tag</b>'))).toBe('A link code alt tag');
  });
});
