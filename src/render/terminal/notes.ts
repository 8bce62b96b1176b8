/**
 * What follows the text it belongs to (the whole document, or each selected section): the GFM
 * footnotes it references, numbered in order of first reference, then with `--links footnotes`
 * the link targets, numbered and never wrapped.
 */
import { osc8 } from '../../layout/ansi.js';
import { indent } from '../../layout/layout.js';
import { atom } from '../../layout/styled.js';
import { renderBlocks } from './blocks.js';
import { MIN_INNER, emptyNotes, type TerminalContext } from './context.js';
import { hyperlinkTarget } from './links.js';

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A footnote's number as a reader sees it in the text: superscript digits. */
export function superscript(n: number): string {
  return [...String(n)].map((d) => SUPERSCRIPTS[Number(d)]).join('');
}

/** The number of a footnote, given at its first reference. */
export function footnoteNumber(ctx: TerminalContext, label: string): number {
  let n = ctx.notes.footnoteNumbers.get(label);
  if (n === undefined) {
    n = ctx.notes.footnotes.push(label);
    ctx.notes.footnoteNumbers.set(label, n);
  }
  return n;
}

/** The note a link target is listed under, numbered in order of first use; `local`: a table's own list. */
export function linkNumber(ctx: TerminalContext, target: string, local?: string[]): number {
  if (local) {
    const at = local.indexOf(target);
    return at >= 0 ? at + 1 : local.push(target);
  }
  let n = ctx.notes.linkNumbers.get(target);
  if (n === undefined) {
    n = ctx.notes.links.push(target);
    ctx.notes.linkNumbers.set(target, n);
  }
  return n;
}

/** Appends the notes collected so far, and starts counting again from 1. */
export function flushNotes(ctx: TerminalContext, blocks: string[], width: number): void {
  // Footnotes may reference footnotes: render until no new one appears.
  const footnotes: string[] = [];
  for (let i = 0; i < ctx.notes.footnotes.length; i++) {
    const label = ctx.notes.footnotes[i]!;
    const definition = ctx.footnoteDefinitions.get(label);
    if (!definition) continue;
    const mark = `${superscript(i + 1)} `;
    const hang = ctx.layout.columns(mark);
    const inner = width > 0 ? Math.max(1, width - hang) : 0;
    const body = renderBlocks(definition.tokens, inner, ctx).join('\n\n');
    footnotes.push(indent(body === '' ? '' : body, ctx.theme.mark(mark), ' '.repeat(hang)));
  }
  if (footnotes.length > 0) blocks.push(footnotes.join('\n'));
  if (ctx.notes.links.length > 0) blocks.push(renderLinkNotes(ctx.notes.links, width, ctx));
  ctx.notes = emptyNotes();
}

/**
 * `[n] target`, one a line: a target is never broken where it fits beside its number; one wider
 * than that is cut into lines under it (clickable on each, with OSC 8).
 */
export function renderLinkNotes(urls: string[], width: number, ctx: TerminalContext): string {
  const { theme, layout } = ctx;
  const digits = String(urls.length).length;
  return urls
    .map((url, i) => {
      const mark = `[${String(i + 1).padStart(digits)}] `;
      const target = ctx.hyperlinks ? hyperlinkTarget(url) : undefined;
      const shown = theme.url(atom(url));
      const link = target ? osc8(shown, target) : shown;
      // A URL that fits the width but not beside its number goes whole on the next line; so does
      // every URL when the width leaves too little room beside the numbers.
      const own = width > 0 && layout.columns(url) > width - mark.length && (layout.columns(url) <= width || width - mark.length < MIN_INNER);
      if (own) return `${theme.mark(mark.trimEnd())}\n${layout.wrap(link, width)}`;
      const body = layout.wrap(link, width > 0 ? width - mark.length : 0);
      return indent(body, theme.mark(mark), ' '.repeat(mark.length));
    })
    .join('\n');
}
