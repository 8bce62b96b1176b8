/**
 * Which link reference definitions a piece of Markdown uses: `[text][label]`, `[label][]` and
 * `[label]`, outside fenced code, matched against the labels defined, as CommonMark matches them (case
 * folded, white space collapsed). A scan of the source, not a parse: extraction lexes no inline
 * markup, and a label that only looks used costs one extra definition line, never a wrong one.
 */

/** Labels as CommonMark compares them. */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

const FENCE = /^ {0,3}(`{3,}|~{3,})[^\n]*\n[^]*?(?:^ {0,3}\1[`~]*[ \t]*$|(?![^]))/gm;
const BRACKETS = /\[((?:[^[\]\\]|\\.){1,999})\]/g;

export function referencedLabels(markdown: string, defined: ReadonlySet<string>): Set<string> {
  // Fenced code is left out; code spans are not: labels such as [`order`] are written with them.
  const prose = markdown.replace(FENCE, '');
  const used = new Set<string>();
  for (const match of prose.matchAll(BRACKETS)) {
    const label = normalizeLabel(match[1]!.replace(/\\(.)/g, '$1'));
    if (defined.has(label)) used.add(label);
    // `[text][]` and `[text]` use `text`; `[text][label]` uses `label`, caught as its own brackets.
  }
  return used;
}
