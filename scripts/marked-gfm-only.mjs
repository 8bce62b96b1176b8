// marked builds all of its inline rule sets when it is imported (normal, GFM, GFM with breaks,
// pedantic); broadsheet lexes with GFM only. The emphasis rules of the normal and pedantic sets
// that GFM replaces with its own are patterns over Unicode property classes, the costliest
// regular expressions V8 constructs: ~2 ms of every start (`npm run bench` floor row, and
// scripts/lex-only.cjs run alternately with and without this: 1.58x -> 1.49x `node -e ''`).
// This takes their construction out of the bundled copy of marked and leaves a stand-in that
// throws if a non-GFM lexer ever reaches one.
//
// GFM's own closing-delimiter rules (emphasis with * and _, strikethrough) are of the same kind
// (~2.6 ms to construct, the three of them) and run only after an opening delimiter, which many
// documents never have. Each is constructed on its first run instead: a stand-in with the two
// things marked uses of them, `lastIndex` and `exec`.
//
// Its punctuation classes, written as regular expressions only to be spliced into other rules,
// become strings of the same text (unicodeClassesAsText, below): ~0.3 ms of every start. In
// that text, `\p{P}\p{S}` is written out as the ranges it stands for (punctuationRanges): V8
// builds a property class from ICU's tables each time it constructs a rule with one, and
// constructs and compiles the ranges in about half the time or less (a rule: 0.23 -> 0.05 ms to
// construct first, 0.10 -> 0.055 ms to compile). Its emphasis, strikethrough and punctuation
// rules have them, most built at every start. Its one class of letters and digits
// (`other.unicodeAlphaNumeric`), read only after an underscore that may open emphasis, is built
// on first use: alone ~0.24 ms a start. Together, the article as text ~0.7 ms sooner, a README
// such as commander's ~2 ms (paired runs).
//
// marked ships minified code whose names change between releases, so nothing here names a
// variable: the rule sets' object literals say which variable holds which rule. When the code
// does not have the shape this expects (a new marked), gfmOnly returns undefined and the build
// fails, saying so: a silent fallback would cost every start ~2 ms without anyone noticing.

import { readFileSync } from 'node:fs';
import { runLongFirst } from './long-first-run.mjs';

const EMPHASIS = ['emStrongLDelim', 'emStrongRDelimAst', 'emStrongRDelimUnd'];
const CLOSING = ['emStrongRDelimAst', 'emStrongRDelimUnd', 'delRDelim'];
const STAND_IN = '{exec(){throw new Error("internal: broadsheet bundles marked for GFM only")}}';
/**
 * The rule `expression` builds, built on the stand-in's first run (marked sets lastIndex, then
 * calls exec). That first run is on the text padded to 1,000 characters (long-first-run.mjs), so
 * V8 makes machine code at once: the bytecode it would make of a shorter text costs more (1-1.3
 * ms for each of these rules) than the machine code it makes anyway when the rule runs again.
 */
// (Its own names are long ones, which marked's minified code cannot have: the expression reads marked's variables.)
const deferred = (expression) =>
  `{lastIndex:0,exec(broadsheetText){let broadsheetRule=this.rule;if(!broadsheetRule){broadsheetRule=this.rule=${expression};${runLongFirst('broadsheetRule', 'broadsheetText')}}broadsheetRule.lastIndex=this.lastIndex;const broadsheetMatch=broadsheetRule.exec(broadsheetText);this.lastIndex=broadsheetRule.lastIndex;return broadsheetMatch}}`;

/** @returns {{ code: string, removed: string[], deferred: string[], asText: string[], punctuation: string[] } | undefined} */
export function gfmOnly(source) {
  const sets = /[,;{\s]([\w$]+)=\{normal:([\w$]+),gfm:([\w$]+),breaks:([\w$]+),pedantic:([\w$]+)\}/.exec(source);
  if (!sets) return undefined;
  const [, , normal, gfm, breaks, pedantic] = sets;
  const rulesOf = (name, keys = EMPHASIS, seen = 0) => {
    // The object literal's leading `...base,` and `key:variable,` pairs: enough to reach the
    // emphasis rules, which come before any rule built inline.
    const literal = new RegExp(`[,;{\\s]${escape(name)}=\\{((?:\\.\\.\\.[\\w$]+,)?(?:\\w+:[\\w$]+,)*)`).exec(source);
    if (!literal || seen > 3) return undefined;
    const base = /^\.\.\.([\w$]+),/.exec(literal[1]);
    const inherited = base ? rulesOf(base[1], keys, seen + 1) : {};
    if (!inherited) return undefined;
    const own = Object.fromEntries([...literal[1].matchAll(/(\w+):([\w$]+),/g)].map((m) => [m[1], m[2]]));
    return Object.fromEntries(keys.map((key) => [key, own[key] ?? inherited[key]]));
  };
  const [normalRules, gfmRules, breaksRules, pedanticRules] = [normal, gfm, breaks, pedantic].map((set) => rulesOf(set));
  if (![normalRules, gfmRules, breaksRules, pedanticRules].every((r) => r && EMPHASIS.every((key) => r[key]))) return undefined;
  const used = new Set([...Object.values(gfmRules), ...Object.values(breaksRules)]);
  const removed = [...new Set([...Object.values(normalRules), ...Object.values(pedanticRules)])].filter((name) => !used.has(name));

  const closing = [...new Set([rulesOf(gfm, CLOSING), rulesOf(breaks, CLOSING)].flatMap((rules) => (rules ? CLOSING.map((key) => rules[key]) : [undefined])))];
  if (closing.some((name) => !name || removed.includes(name))) return undefined;

  let code = source;
  for (const name of [...removed, ...closing]) {
    // Built in one expression (marked's edit(pattern, flags).replace(...).getRegex()) from
    // variables and a string, and used nowhere but in its rule set.
    const id = escape(name);
    const definition = new RegExp(`(?<=[,;\\s])${id}=([\\w$]+\\((?:[\\w$]+|"(?:[^"\\\\]|\\\\.)*"),"g?u"\\)(?:\\.replace\\(/\\w+/g,[\\w$]+\\))*\\.getRegex\\(\\))`, 'g');
    // (As code: after an operator or bracket, not inside a word or an entity such as "&gt;".)
    const uses = source.match(new RegExp(`(?<=[,;:({=[\\s]|\\.\\.\\.)${id}(?=[,;)}=\\].\\s])`, 'g')) ?? [];
    if (uses.length !== 2 || (source.match(definition) ?? []).length !== 1) return undefined;
    code = code.replace(definition, (_, expression) => `${name}=${removed.includes(name) ? STAND_IN : deferred(expression)}`);
  }
  if (removed.length === 0) return undefined;
  const sourceOnly = unicodeClassesAsText(code);
  // Built on first use (marked reads it as `this.rules.other.unicodeAlphaNumeric`).
  if (sourceOnly.code.split(ALPHANUMERIC).length !== 2 || sourceOnly.punctuation.length === 0) return undefined;
  const lazy = sourceOnly.code.replace(ALPHANUMERIC, () => 'get unicodeAlphaNumeric(){return broadsheetAlphaNumeric??=/[\\p{L}\\p{N}]/u}');
  return { code: `${prelude()}${lazy}`, removed, deferred: closing, asText: sourceOnly.names, punctuation: sourceOnly.punctuation };
}

const ALPHANUMERIC = 'unicodeAlphaNumeric:/[\\p{L}\\p{N}]/u';
const PUNCTUATION = '\\p{P}\\p{S}';

/**
 * Declarations the patched code reads, put before it. The ranges are the build's Node's; another
 * Node, whose ICU may know other characters, gets the property classes as marked writes them.
 */
const prelude = (unicode = process.versions.unicode) =>
  `var broadsheetAlphaNumeric,broadsheetPunctuation=typeof process!=="undefined"&&process.versions?.unicode===${JSON.stringify(unicode)}?${JSON.stringify(punctuationRanges())}:${JSON.stringify(PUNCTUATION)};\n`;

/**
 * `\p{P}\p{S}` as the ranges this Node's ICU gives it, each bound a `\u{...}` escape (so the
 * text holds nothing a pattern or a replacement string reads otherwise: no `^`, `$` or `]`).
 * Worked out once a process (every code point tested: ~0.15 s).
 */
export function punctuationRanges() {
  ranges ??= rangesOf(new RegExp(`[${PUNCTUATION}]`, 'u'));
  return ranges;
}
let ranges;

function rangesOf(punctuation) {
  const escape = (code) => `\\u{${code.toString(16)}}`;
  let text = '';
  let start = -1;
  for (let code = 0; code <= 0x110000; code++) {
    const inside = code < 0x110000 && punctuation.test(String.fromCodePoint(code));
    if (inside && start < 0) start = code;
    if (!inside && start >= 0) {
      text += start === code - 1 ? escape(start) : `${escape(start)}-${escape(code - 1)}`;
      start = -1;
    }
  }
  return text;
}

/**
 * marked writes its punctuation classes (`[\p{P}\p{S}]` and kin) as regular expressions, only to
 * splice their text into other rules (`edit(rule).replace(/punct/g, L)`, which reads `L.source`,
 * or takes a string as it is). Each costs ~0.065 ms to construct: V8 builds a Unicode property
 * class's ranges when it constructs the expression. A class used for nothing else becomes a
 * string of the same text. Any other use of its name, or what merely looks like one, keeps it.
 */
function unicodeClassesAsText(source) {
  let code = source;
  const names = [];
  const punctuation = [];
  const literal = /(?<=[,;\s])([\w$]+)=\/((?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/[\\\n])+)\/([a-z]*u[a-z]*)(?=[,;])/g;
  for (const [definition, name, pattern] of source.matchAll(literal)) {
    const id = escape(name);
    // Every occurrence of the name as a word: not a property (after a dot, but for a spread), nor
    // a property class in a pattern (`\p{L}`).
    const all = source.match(new RegExp(`(?:(?<![\\w$.])|(?<=\\.\\.\\.))(?<!\\\\[pP]\\{)${id}(?![\\w$])`, 'g')) ?? [];
    // ...but an entity in a string, such as "&lt;" (not `&&lt;`, which is code).
    const entities = source.match(new RegExp(`(?<!&)&${id};`, 'g')) ?? [];
    const spliced = source.match(new RegExp(`\\.replace\\(/\\w+/g,${id}\\)`, 'g')) ?? [];
    if (all.length - entities.length !== spliced.length + 1) continue;
    // The ranges stand for the classes inside a character class only (`[\p{P}\p{S}]`,
    // `[^\s\p{P}\p{S}]`): anywhere else the text stays as marked wrote it.
    const parts = pattern.split(PUNCTUATION);
    const inClass = parts.every((part, k) => k === parts.length - 1 || (/\[\^?(?:\\s)?$/.test(part) && parts[k + 1].startsWith(']')));
    const pieces = inClass ? parts : [pattern];
    code = code.replace(definition, () => `${name}=${pieces.map((part) => JSON.stringify(part)).join('+broadsheetPunctuation+')}`);
    names.push(name);
    if (pieces.length > 1) punctuation.push(name);
  }
  return { code, names, punctuation };
}

const escape = (name) => name.replace(/\$/g, '\\$');

/** The esbuild plugin: marked's module, patched; a marked of another shape fails the build. */
export const markedForGfm = {
  name: 'marked-gfm-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]marked[\\/]lib[\\/]marked\.esm\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const patched = gfmOnly(source);
      if (!patched) {
        return { errors: [{ text: 'marked does not have the shape scripts/marked-gfm-only.mjs expects (a new release?): update the patch, or drop the plugin (start-up ~2 ms slower)' }] };
      }
      return { contents: patched.code, loader: 'js' };
    });
  },
};
