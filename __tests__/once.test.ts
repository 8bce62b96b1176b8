import { LONG_SUBJECT, compiledOnce, once } from '../src/once.js';

describe('once', () => {
  it('makes its value on the first call only', () => {
    let made = 0;
    const value = once(() => ++made);
    expect(made).toBe(0);
    expect([value(), value()]).toEqual([1, 1]);
  });
});

describe('compiledOnce', () => {
  it("runs its pattern once, at its first use, on the sample padded to V8's long-subject length, and hands it over as made", () => {
    const subjects: string[] = [];
    const pattern = /\p{L}+/gu;
    pattern.exec = function (this: RegExp, text: string) {
      subjects.push(text);
      return RegExp.prototype.exec.call(this, text);
    };
    const made = compiledOnce(() => pattern, '\u4e00');
    expect(subjects).toEqual([]);
    expect(made()).toBe(pattern);
    expect(made()).toBe(pattern);
    expect(subjects).toEqual([`\u4e00${' '.repeat(LONG_SUBJECT - 1)}`]);
    // Where a global pattern starts again: the priming run leaves nothing behind.
    expect(pattern.lastIndex).toBe(0);
    expect('ab cd'.match(made())).toEqual(['ab', 'cd']);
  });
});
