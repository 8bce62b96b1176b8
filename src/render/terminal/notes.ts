/** `--links footnotes`: the link targets, numbered, after the text they belong to. */
import type { TerminalContext } from './context.js';

/** Appends the notes collected so far, and starts counting again from 1. */
export function flushNotes(ctx: TerminalContext, blocks: string[]): void {
  if (ctx.notes.length === 0) return;
  blocks.push(renderNotes(ctx.notes, ctx));
  ctx.notes = [];
  ctx.noteNumbers = new Map();
}

/** Targets are never wrapped: a URL broken over two lines cannot be copied or clicked. */
function renderNotes(urls: string[], { theme }: TerminalContext): string {
  const digits = String(urls.length).length;
  return urls.map((url, i) => `${theme.mark(`[${String(i + 1).padStart(digits)}]`)} ${theme.url(url)}`).join('\n');
}
