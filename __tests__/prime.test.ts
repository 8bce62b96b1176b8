import { join } from 'node:path';
import { Lexer } from 'marked';
import { LONG_SUBJECT, primer } from '../src/document/prime.js';
import { BIN, ROOT, bytecodePatterns, runPrintingBytecode } from './helpers.js';

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

  it('opens with the delimiters it is given, by default those the document has', () => {
    expect(primer('a * b ~', ['_'])).toMatch(/^_a_ a/);
    expect(primer('a * b ~')).toMatch(/^\*a\* ~~a~~ a/);
  });

  it("opens with the emphasis and strikethrough the document's characters can make, and no others", () => {
    const lead = (source: string) => new Lexer({ gfm: true }).lex(primer(source))[0]!;
    const kinds = (source: string) => ((lead(source) as { tokens?: { type: string }[] }).tokens ?? []).map((token) => token.type).filter((type) => type !== 'text');
    expect(kinds('no delimiters')).toEqual([]);
    expect(kinds('a * b')).toEqual(['em']);
    expect(kinds('snake_case')).toEqual(['em']);
    expect(kinds('~/home and *this*')).toEqual(['em', 'del']);
    // What follows the last of them is still long: its closing rule ran on a long string.
    const text = primer('*_~');
    expect(text.length - text.lastIndexOf('~~')).toBeGreaterThanOrEqual(LONG_SUBJECT);
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
