// highlight.js counts a pattern's capturing groups by compiling it again, with `|` added so that
// it matches the empty string, and counting the match's groups: every rule of every mode of a
// grammar, when the grammar is first used. V8 compiles each of those patterns to bytecode (the
// string is short), and for highlight.js's long alternations that compile is the cost: ~3 ms
// for a first JavaScript, shell and TypeScript block (~6 ms of self time in a profile of
// commander's README in colour). The highlighter's bundle counts them by reading the
// pattern instead (countGroups below, put in place of highlight.js's countMatchGroups); a test
// holds it equal to highlight.js's count for every pattern of every grammar.
//
// scripts/highlight-core.mjs applies it; when highlight.js's function is not the one this expects
// (a new release), the build fails, saying so, as marked-gfm-only.mjs does for marked.

/** The capturing groups in a pattern's source (as in a regular expression without the u or v flag). */
export function countGroups(source) {
  let groups = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    // A group captures unless it opens with ?: ?= ?! ?<= ?<! (a named group, ?<name>, captures).
    else if (ch === '(' && (source[i + 1] !== '?' || (source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!'))) groups++;
  }
  return groups;
}

export const ORIGINAL = "function countMatchGroups(re) {\n  return (new RegExp(re.toString() + '|')).exec('').length - 1;\n}";
/** highlight.js's function, reading the pattern (a RegExp or its source) with countGroups, which is put beside it. */
export const REPLACEMENT = `${countGroups}\nfunction countMatchGroups(re) {\n  return countGroups(typeof re === 'string' ? re : re.source);\n}`;

/** The patch, as scripts/highlight-core.mjs applies it. */
export const countGroupsPatch = {
  file: 'highlight-count-groups.mjs',
  what: 'countMatchGroups',
  original: ORIGINAL,
  replacement: REPLACEMENT,
  without: 'colour runs with code ~3 ms slower',
};
