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
import { Lexer, Marked, type MarkedExtension } from 'marked';
// V8's length from which a pattern's first run makes machine code (as scripts/long-first-run.mjs's).
import { LONG_SUBJECT } from '../once.js';

/**
 * The rules that find an opening delimiter of emphasis or strikethrough and its closer (patterns
 * over Unicode punctuation classes), by the character that calls for them. Only a document with
 * the character runs them at all, so only then are they primed: each run once, directly, on the
 * long primer. (A primer with delimiters in it would run them too, but marked tries an opener
 * only when a closer could follow, and a closer only after an opener.)
 *
 * The closing rules cost the most (0.5-1.3 ms of machine code each, and as much again to
 * construct), and many documents never run them: a `*` that only starts list items, a `_` only
 * inside words, code or links. The bundle's marked builds each on its first run, and runs it
 * first on a long string (scripts/marked-gfm-only.mjs): those are not primed. marked as installed
 * (the library) builds them at import; there they are primed with the opening rules.
 */
const DELIMITER_RULES = {
  '*': ['emStrongLDelim', 'emStrongRDelimAst'],
  _: ['emStrongLDelim', 'emStrongRDelimUnd'],
  '~': ['delLDelim', 'delRDelim'],
} as const;

type Delimiter = keyof typeof DELIMITER_RULES;

/**
 * marked's four costliest block rules after the paragraph (native code for each: 0.4-1 ms, 3 ms
 * together), each with a test that a source can have what the rule matches. marked tries every
 * block rule at the start of every block, so each is compiled for the first document whatever
 * it holds; most READMEs have no setext heading and an article no table, quote or HTML.
 *
 * Each test only looks for characters the rule's own pattern needs: what marked lexes is the
 * source or text cut from it (a list item's lines without their indent, a quote's without their
 * `>`, a footnote's body, a last list item without its trailing whitespace: `trimEnd`, any
 * Unicode space), never text with a character added but spaces, so a source without them has
 * no string the rule could match.
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
  // marker's space (what marked can cut from the front of a line), before any whitespace (what
  // trimEnd can cut from its end: `- a\n-\u00a0` is a heading in a list item).
  lheading: (source: string) => /(?:^|[\s>])(?:=+|-+)\s*$/m.test(source),
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

/** What this process has primed: the block rules (but those skipped), the inline ones, the masking of delimited text, each delimiter's rules. */
const primed = { blocks: false, skipped: new Set<SkippableRule>(), inline: false, masking: false, delimiters: new Set<Delimiter>() };

/** The delimiters `source` has. */
const delimitersIn = (source: string): Delimiter[] => (Object.keys(DELIMITER_RULES) as Delimiter[]).filter((ch) => source.includes(ch));

/**
 * The paragraph that primes the rules a document will run: words in `source`'s width, after a
 * `*` that nothing closes when `masking`. Inline text with a `*`, `_` or `~` is first masked
 * (code spans, links: marked's blockSkip and anyPunctuationOutsideCode), and the lone `*`, kept
 * as text, leaves a position that starts with a space (the hard-break rule runs there).
 */
export function primer(source: string, masking = delimitersIn(source).length > 0): string {
  // The first 64 K characters say the width well enough, and the test stays cheap at 10 MB.
  const wide = /[^\0-\xff]/.test(source.length > 65_536 ? source.slice(0, 65_536) : source);
  const word = wide ? 'a\u2019 ' : 'ab ';
  return (masking ? 'ab * ' : '') + word.repeat(Math.ceil((LONG_SUBJECT + 24) / word.length));
}

/**
 * Primes the rules lexing `source` will run that this process has not primed yet: the first
 * document primes the block rules but those it skips (and, lexed inline, the inline ones); a
 * later one a rule the first skipped that it needs, and the rules of delimiters it is the first
 * to have (with, for the first document that has one, the masking of delimited text).
 */
export function primeRules(source: string, inline: boolean, skipped: readonly SkippableRule[] = unreachableRules(source)): void {
  const delimiters = inline ? delimitersIn(source).filter((ch) => !primed.delimiters.has(ch)) : [];
  const blocksToPrime = !primed.blocks || [...primed.skipped].some((rule) => !skipped.includes(rule));
  const masking = delimiters.length > 0 && !primed.masking;
  if (!blocksToPrime && (!inline || primed.inline) && delimiters.length === 0) return;
  const text = primer(source, masking);
  const lexer = new Lexer(new Marked({ gfm: true }).use(skipping(skipped)).defaults);
  // Extraction lexes blocks alone: the inline rules would be compiled for nothing.
  if (blocksToPrime || (inline && !primed.inline) || masking) {
    if (inline) lexer.lex(text);
    else lexer.blockTokens(text, []);
  }
  const rules = Lexer.rules.inline.gfm as unknown as Record<(typeof DELIMITER_RULES)[Delimiter][number], unknown>;
  for (const name of new Set(delimiters.flatMap((ch) => DELIMITER_RULES[ch]))) {
    const rule = rules[name];
    // (Not a RegExp: the bundle's stand-in for a closing rule, built on its first run.)
    if (rule instanceof RegExp) {
      rule.exec(text);
      rule.lastIndex = 0;
    }
  }
  // A rule stays unprimed only if every document so far has skipped it.
  primed.skipped = primed.blocks ? new Set(skipped.filter((rule) => primed.skipped.has(rule))) : new Set(skipped);
  primed.blocks = true;
  primed.inline ||= inline;
  primed.masking ||= masking;
  for (const ch of delimiters) primed.delimiters.add(ch);
}
