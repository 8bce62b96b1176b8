// highlight.js counts a pattern's capturing groups by compiling it again, with `|` added so that
// it matches the empty string, and counting the match's groups: every rule of every mode of a
// grammar, when the grammar is first used. V8 compiles each of those patterns to bytecode (the
// string is short), and for highlight.js's long alternations that compile is the cost: ~3 ms
// for a first JavaScript, shell and TypeScript block (~6 ms of self time in a profile of
// commander's README in colour). The highlighter's bundle counts them by reading the
// pattern instead (countGroups below, put in place of highlight.js's countMatchGroups); a test
// holds it equal to highlight.js's count for every pattern of every grammar.
//
// When highlight.js's function is not the one this expects (a new release), the build fails,
// saying so, as marked-gfm-only.mjs does for marked.

import { readFileSync } from 'node:fs';

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

/** The esbuild plugin: highlight.js's core with countMatchGroups replaced; a core of another shape fails the build. */
export const highlightCountGroups = {
  name: 'highlight-count-groups',
  setup(b) {
    b.onLoad({ filter: /[\\/]highlight\.js[\\/]lib[\\/]core\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (source.split(ORIGINAL).length !== 2) {
        return { errors: [{ text: "highlight.js's countMatchGroups is not the one scripts/highlight-count-groups.mjs expects (a new release?): update the patch, or drop the plugin (colour runs with code ~5 ms slower)" }] };
      }
      return { contents: source.replace(ORIGINAL, REPLACEMENT), loader: 'js' };
    });
  },
};
