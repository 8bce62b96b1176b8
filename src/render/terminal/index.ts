/**
 * The reader's formats: `ansi` (styled) and `text` (plain). Both share one layout; the kit's
 * theme decides the rest: styles in ansi, rules under headings and `>` quote bars in plain text.
 */
import type { Document, Section } from '../../document/tree.js';
import type { Kit } from '../../kit.js';
import { trimLines } from '../../layout/layout.js';
import { renderBlocks, renderHeading } from './blocks.js';
import { terminalContext, type TerminalContext, type TerminalOptions } from './context.js';
import { renderHeader } from './header.js';
import { renderInline } from './inline.js';
import { flushNotes } from './notes.js';

export type { TerminalOptions } from './context.js';

/** The whole document (header, lead, every section), or only the given sections. */
export function renderTerminal(doc: Document, options: TerminalOptions, kit: Kit, selection?: readonly Section[]): string {
  const ctx = terminalContext(doc, kit, options);
  const { width } = options;
  const blocks: string[] = [];
  if (!selection) {
    for (const block of renderHeader(doc, width, ctx, options)) blocks.push(block);
    renderBlocks(doc.lead.tokens, width, ctx, 0, blocks);
    for (const section of doc.sections) sectionBlocks(section, width, ctx, blocks);
    flushNotes(ctx, blocks, width);
  } else {
    // Each selected section is read on its own: its link targets follow it, numbered from 1.
    for (const section of selection) {
      sectionBlocks(section, width, ctx, blocks, options.heading ?? true);
      flushNotes(ctx, blocks, width);
    }
  }
  return joinBlocks(blocks);
}

/** A section's content and subsections, without its own heading (JSON's `text`). */
export function renderSectionBody(doc: Document, section: Section, options: TerminalOptions, kit: Kit): string {
  const ctx = terminalContext(doc, kit, options);
  const blocks = renderBlocks(section.tokens, options.width, ctx);
  for (const child of section.children) sectionBlocks(child, options.width, ctx, blocks);
  flushNotes(ctx, blocks, options.width);
  return joinBlocks(blocks);
}

/** Blocks one blank line apart, no line ending in spaces, a final newline unless empty. */
function joinBlocks(blocks: string[]): string {
  const body = blocks.filter((block) => block !== '').join('\n\n');
  return body === '' ? '' : `${trimLines(body)}\n`;
}

function sectionBlocks(section: Section, width: number, ctx: TerminalContext, blocks: string[], heading = true): string[] {
  if (section.heading && heading) blocks.push(renderHeading(renderInline(section.heading.tokens, ctx), section.level, width, ctx));
  renderBlocks(section.tokens, width, ctx, 0, blocks);
  for (const child of section.children) sectionBlocks(child, width, ctx, blocks);
  return blocks;
}
