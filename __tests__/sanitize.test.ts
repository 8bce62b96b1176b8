import { sanitize, sanitizeLine } from '../src/sanitize.js';

describe('sanitize', () => {
  it.each([
    ['ESC (CSI, OSC, DCS...)', '\u001B[2J'],
    ['BEL', '\u0007'],
    ['backspace', '\b'],
    ['carriage return', '\r'],
    ['DEL', '\u007F'],
    ['8-bit CSI', '\u009B'],
    ['8-bit OSC', '\u009D'],
    ['NUL', '\u0000'],
    ['RLO bidi override', '\u202E'],
    ['LRI bidi isolate', '\u2066'],
    ['RLM mark', '\u200F'],
    ['Arabic letter mark', '\u061C'],
    ['zero-width space', '\u200B'],
    ['BOM mid-text', '\uFEFF'],
    ['Mongolian vowel separator', '\u180E'],
    ['word joiner', '\u2060'],
    ['line separator', '\u2028'],
    ['paragraph separator', '\u2029'],
  ])('replaces %s with U+FFFD', (_, control) => {
    expect(sanitize(`a${control}b`)).toBe(`a\uFFFD${control.length > 1 ? control.slice(1) : ''}b`);
  });

  it('keeps tabs, newlines, joiners and ordinary Unicode', () => {
    const text = 'tab\there\nnew 中文 😀 👨\u200D👩\u200D👧 می\u200Cخواهم “quotes” —';
    expect(sanitize(text)).toBe(text);
  });

  it('folds lines for single-line fields', () => {
    expect(sanitizeLine('a\nb\tc')).toBe('a b c');
  });
});
