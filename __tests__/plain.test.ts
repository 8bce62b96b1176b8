import { countText, plainInline } from '../src/plain.js';
import { Lexer } from 'marked';

describe('countText', () => {
  it('counts words joined by apostrophes, dots and hyphens as one', () => {
    expect(countText('Russia’s one-on-one talks, v1.2.0 — and 12-point “paper”.')).toBe(7);
    expect(countText('中文 и кириллица, Ελληνικά')).toBe(4);
  });
});

describe('plainInline', () => {
  it('gives what a reader sees: link text, code, no markers', () => {
    expect(plainInline(Lexer.lexInline('**A** [link](http://x.test) `code` ![alt](i.png) <b>tag</b>'))).toBe('A link code alt tag');
  });
});
