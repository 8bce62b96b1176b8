import fc from 'fast-check';
import { checkDepth, lineDepth, MAX_NESTING } from '../src/limits.js';
import { BroadsheetError, formatError } from '../src/errors.js';

describe('lineDepth', () => {
  it('counts quote and list markers and list indentation', () => {
    expect(lineDepth('plain')).toBe(0);
    expect(lineDepth('> > a')).toBe(2);
    expect(lineDepth('- > 1. a')).toBe(3);
    expect(lineDepth('      - a')).toBe(4);
  });
});

describe('checkDepth', () => {
  it('accepts ordinary nesting and refuses more than the limit, naming it', () => {
    expect(() => checkDepth(`${'> '.repeat(MAX_NESTING - 1)}a\n`)).not.toThrow();
    let error: unknown;
    try {
      checkDepth(`text\n\n${'> '.repeat(MAX_NESTING + 1)}a\n`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BroadsheetError);
    expect((error as BroadsheetError).exitCode).toBe(2);
    expect((error as BroadsheetError).message).toBe(`document nests quotes or lists more than ${MAX_NESTING} levels deep`);
  });

  it('refuses a line exactly when its depth is over the limit, however long its prefix', () => {
    // checkDepth measures only lines whose prefix could be that deep; tabs nest fastest (a tab
    // is 4 columns of indentation, 2 levels).
    const part = fc.constantFrom('\t', '\t', '\t', ' ', '>', '> ', '- ', '* ', '1. ', '2) ');
    const mixed = fc.array(part, { minLength: 100, maxLength: 400 }).map((parts) => parts.join(''));
    // A few markers, then a quote whose indentation is a run of tabs near the limit's half.
    const quoted = fc.tuple(fc.array(part, { maxLength: 4 }), fc.integer({ min: 230, max: 270 })).map(([parts, tabs]) => `${parts.join('')}>${'\t'.repeat(tabs)}`);
    const prefix = fc.oneof(mixed, quoted);
    fc.assert(
      fc.property(prefix, fc.constantFrom('a', '', '\nmore'), (line, rest) => {
        const text = line + rest;
        const tooDeep = lineDepth(text.split('\n')[0]!) > MAX_NESTING;
        if (tooDeep) expect(() => checkDepth(text)).toThrow(/levels deep/);
        else expect(() => checkDepth(text)).not.toThrow();
      }),
      { numRuns: Number(process.env.BROADSHEET_PROPERTY_RUNS ?? 2000) },
    );
  });
});

describe('errors', () => {
  it('maps codes to exit statuses: 1 for selectors, 2 for the rest', () => {
    expect(new BroadsheetError('not-found', 'x').exitCode).toBe(1);
    expect(new BroadsheetError('ambiguous', 'x').exitCode).toBe(1);
    expect(new BroadsheetError('usage', 'x').exitCode).toBe(2);
    expect(new BroadsheetError('binary', 'x').exitCode).toBe(2);
  });

  it('prints one line', () => {
    expect(formatError('first\n  second\n')).toBe('broadsheet: first second\n');
  });
});

describe('lineDepth with tabs', () => {
  it('counts a tab to the next tab stop, as marked does', () => {
    expect(lineDepth('\t- a')).toBe(lineDepth('    - a'));
    expect(lineDepth('\t\t\t\t- a')).toBe(lineDepth(`${' '.repeat(16)}- a`));
    expect(lineDepth('  \t- a')).toBe(lineDepth('    - a'));
  });
});
