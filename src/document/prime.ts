/**
 * marked's rules compiled once, to machine code, before a document is lexed.
 *
 * V8 compiles a regular expression when it first runs, and how depends on the string it runs on:
 * under 1,000 characters it makes bytecode, then machine code when the pattern runs again; from
 * 1,000 characters it makes machine code at once (and, once a pattern has machine code, for
 * strings of either width). For marked's block rules (patterns of 700 to 1,450 characters) the
 * bytecode is by far the costlier of the two to make (GFM's setext-heading rule: ~11 ms, against
 * ~2.6 ms of machine code; V8's bytecode peephole pass). Every block in a list item or a quote
 * is lexed as a short string of its own, so a README whose first paragraph is in a list or a
 * quote paid for both, as did any document under 1,000 characters with a rule that ran twice.
 *
 * One long paragraph lexed first makes each rule's first run a long one. V8 keeps machine code
 * for Latin-1 and two-byte strings apart, so the paragraph is written in the document's width:
 * the code it makes is the code the document's own lexing runs. A document with a paragraph
 * would compile the same rules anyway; one without (only headings, fences or HTML) pays ~10 ms
 * for rules it never runs.
 */
import { Lexer, Tokenizer, type MarkedExtension } from 'marked';

/** V8's length from which a pattern's first run makes machine code (JSRegExp::kTierUpForSubjectLengthValue). */
export const LONG_SUBJECT = 1000;

/**
 * Closing delimiters of emphasis and strikethrough: patterns over Unicode punctuation and symbol
 * classes, whose bytecode for two-byte text costs 5-8 ms each (machine code: 2-4 ms). Only a
 * document with the character has them run at all, so only then are they primed.
 */
const DELIMITED = [
  ['*', '*a* '],
  ['_', '_a_ '],
  ['~', '~~a~~ '],
] as const;

type Delimiter = (typeof DELIMITED)[number][0];

/**
 * marked's four costliest block rules after the paragraph (native code for each: 0.4-1 ms, 3 ms
 * together), each with a test that a source can have what the rule matches. marked tries every
 * block rule at the start of every block, so each is compiled for the first document whatever
 * it holds; most READMEs have no setext heading and an article no table, quote or HTML.
 *
 * Each test only looks for characters the rule's own pattern needs at the start of its match:
 * what marked lexes is the source or text cut from it (a list item's lines without their
 * indent, a quote's without their `>`, a footnote's body), never text with a character added
 * but spaces, so a source without them has no string the rule could match.
 */
const REACHABLE = {
  // Every alternative of marked's HTML block rule opens with `<`.
  html: (source: string) => source.includes('<'),
  // ` {0,3}>` at the start of the quote's first line.
  blockquote: (source: string) => source.includes('>'),
  // The delimiter row must have a `|` or a `:` beside a `-` (marked's tableDelimiter: a row of
  // dashes alone is not a table).
  table: (source: string) => /\||:-|-:/.test(source),
  // The underline: a line ending in `=`s or `-`s, after its indent, a quote's `>` or a list
  // marker's space (what marked can cut from the front of a line).
  lheading: (source: string) => /(?:^|[ \t>])(?:=+|-+)[ \t]*$/m.test(source),
} satisfies Record<string, (source: string) => boolean>;

export type SkippableRule = keyof typeof REACHABLE;

/** Past this length the tests cost more than the compiling they save (~3 ms a megabyte when nothing is found). */
const SKIP_LOOKS_UP_TO = 1 << 20;

/** The rules of REACHABLE that `source` cannot reach; none for a source longer than SKIP_LOOKS_UP_TO. */
export function unreachableRules(source: string): SkippableRule[] {
  if (source.length > SKIP_LOOKS_UP_TO) return [];
  return (Object.keys(REACHABLE) as SkippableRule[]).filter((rule) => !REACHABLE[rule](source));
}

/**
 * Tokenizers that match nothing for `rules`, so marked never runs (nor compiles) their patterns.
 * For `Marked.use()`: registered before an extension with its own tokenizer for one of them, that
 * one still runs first (marked calls the latest, and the earlier only when it returns false).
 */
export function skipping(rules: readonly SkippableRule[]): MarkedExtension {
  return { tokenizer: Object.fromEntries(rules.map((rule) => [rule, () => undefined])) };
}

/** What this process has primed: the block rules (but those skipped), the inline ones, the closing rules of each delimiter. */
const primed = { blocks: false, skipped: new Set<SkippableRule>(), inline: false, delimiters: new Set<Delimiter>() };

/** The delimiters `source` has. */
const delimitersIn = (source: string): Delimiter[] => DELIMITED.map(([ch]) => ch).filter((ch) => source.includes(ch));

/** The paragraph that primes the rules a document will run: `source`'s width, the delimiters given. */
export function primer(source: string, delimiters: readonly Delimiter[] = delimitersIn(source)): string {
  // The first 64 K characters say the width well enough, and the test stays cheap at 10 MB.
  const wide = /[^\0-\xff]/.test(source.length > 65_536 ? source.slice(0, 65_536) : source);
  const opening = DELIMITED.filter(([ch]) => delimiters.includes(ch)).map(([, text]) => text).join('');
  const word = wide ? 'a\u2019 ' : 'ab ';
  return opening + word.repeat(Math.ceil((LONG_SUBJECT + 24) / word.length));
}

/**
 * Primes the rules lexing `source` will run that this process has not primed yet: the first
 * document primes the block rules but those it skips (and, lexed inline, the inline ones); a
 * later one a rule the first skipped that it needs, and the closing rules of delimiters it is the
 * first to have.
 */
export function primeRules(source: string, inline: boolean, skipped: readonly SkippableRule[] = unreachableRules(source)): void {
  const delimiters = inline ? delimitersIn(source).filter((ch) => !primed.delimiters.has(ch)) : [];
  const blocksToPrime = !primed.blocks || [...primed.skipped].some((rule) => !skipped.includes(rule));
  if (!blocksToPrime && (!inline || primed.inline) && delimiters.length === 0) return;
  const text = primer(source, delimiters);
  const tokenizer = new Tokenizer();
  for (const rule of skipped) tokenizer[rule] = () => undefined;
  const lexer = new Lexer({ gfm: true, tokenizer });
  // Extraction lexes blocks alone: the inline rules would be compiled for nothing.
  if (inline) lexer.lex(text);
  else lexer.blockTokens(text, []);
  // A rule stays unprimed only if every document so far has skipped it.
  primed.skipped = primed.blocks ? new Set(skipped.filter((rule) => primed.skipped.has(rule))) : new Set(skipped);
  primed.blocks = true;
  primed.inline ||= inline;
  for (const ch of delimiters) primed.delimiters.add(ch);
}
