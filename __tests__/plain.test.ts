import fc from 'fast-check';
import { countText, plainInline } from '../src/plain.js';
import { Lexer } from 'marked';

describe('countText', () => {
  it('counts words joined by apostrophes, dots and hyphens as one', () => {
    expect(countText('Russia’s one-on-one talks, v1.2.0 — and 12-point “paper”.')).toBe(7);
    expect(countText('中文 и кириллица, Ελληνικά')).toBe(4);
  });

  it('counts ASCII text (its own loop) exactly as the Unicode word pattern does', () => {
    const oracle = (text: string) => text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
    const ascii = fc.array(fc.constantFrom(..."aZ09 .'-_,\n\t".split('')), { maxLength: 60 }).map((cs) => cs.join(''));
    fc.assert(fc.property(ascii, (text) => countText(text) === oracle(text)), { numRuns: 5000 });
    for (let code = 0; code < 128; code++) expect(countText(`a${String.fromCharCode(code)}b`)).toBe(oracle(`a${String.fromCharCode(code)}b`));
  });
});

describe('plainInline', () => {
  it('gives what a reader sees: link text, code, no markers', () => {
    expect(plainInline(Lexer.lexInline('**A** [link](http://x.test) `code` ![alt](i.png) <b>tag</b>'))).toBe('A link code alt tag');
  });
});
