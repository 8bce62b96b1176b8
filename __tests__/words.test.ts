import fc from 'fast-check';
import { countText, plainInline } from '../src/document/words.js';
import { Lexer } from 'marked';

describe('countText', () => {
  it('counts words joined by apostrophes, dots and hyphens as one', () => {
    expect(countText('Russia’s one-on-one talks, v1.2.0 — and 12-point “paper”.')).toBe(7);
    expect(countText('中文 и кириллица, Ελληνικά')).toBe(5);
    expect(countText('日本語のテキスト')).toBe(8);
  });

  it('counts Latin text (its own loop) exactly as the Unicode word pattern does', () => {
    const oracle = (text: string) => text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
    const latin = fc.array(fc.constantFrom(..."aZ09 .'-_,\n\té×²’‘“—\u00A0".split('')), { maxLength: 60 }).map((cs) => cs.join(''));
    fc.assert(fc.property(latin, (text) => countText(text) === oracle(text)), { numRuns: 5000 });
    // Every character the loop classifies itself, alone, inside a word and after one.
    const own = (code: number) => code <= 0x24f || (code >= 0x2000 && code <= 0x206f);
    for (let code = 0; code <= 0x206f; code++) {
      if (!own(code)) continue;
      const ch = String.fromCharCode(code);
      for (const text of [ch, `a${ch}b`, `a${ch}`, `${ch}${ch}`]) expect([text, countText(text)]).toEqual([text, oracle(text)]);
    }
  });
});

describe('plainInline', () => {
  it('gives what a reader sees: link text, code, no markers', () => {
    expect(plainInline(Lexer.lexInline('**A** [link](http://x.test) `code` ![alt](i.png) <b>tag</b>'))).toBe('A link code alt tag');
  });
});
