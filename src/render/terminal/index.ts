/**
 * The reader's formats: `ansi` (styled) and `text` (plain). Both share one layout; the kit's
 * theme decides the rest: styles in ansi, rules under headings and `>` quote bars in plain text.
 */
import type { Token } from 'marked';
import type { Document, Section } from '../../document/tree.js';
import type { Kit } from '../../kit.js';
import { COLUMN_GUTTER, setColumns } from '../../layout/columns.js';
import { trimLines } from '../../layout/layout.js';
import { renderBlocks, renderHeading } from './blocks.js';
import { terminalContext, type TerminalContext, type TerminalOptions } from './context.js';
import { renderHeader } from './header.js';
import { renderInline } from './inline.js';
import { flushNotes } from './notes.js';

export type { TerminalOptions } from './context.js';

/** Where rendered blocks go: spanning the page (header, headings), or flowing in its columns. */
interface Sink {
  span(block: string): void;
  flow(tokens: readonly Token[]): void;
}

/** Blocks that columns keep whole where they fit in one: code and tables read badly split. */
const KEPT = new Set(['code', 'table']);

/** The whole document (header, lead, every section), or only the given sections. */
export function renderTerminal(doc: Document, options: TerminalOptions, kit: Kit, selection?: readonly Section[]): string {
  return renderTerminalPieces(doc, options, kit, selection).join('');
}

/** renderTerminal's text in pieces, in order, for a writer that never needs it as one string. */
export function renderTerminalPieces(doc: Document, options: TerminalOptions, kit: Kit, selection?: readonly Section[]): string[] {
  const ctx = terminalContext(doc, kit, options);
  const { width } = options;
  const columns = options.columns ?? 1;
  // In columns, the header and headings span the page: its width is every column's and gutter's.
  const spanWidth = columns > 1 ? columns * width + (columns - 1) * COLUMN_GUTTER : width;
  const blocks: string[] = [];
  const spans = new Set<number>();
  const kept = new Set<number>();
  const sink: Sink = {
    span: (block) => {
      spans.add(blocks.length);
      blocks.push(block);
    },
    flow:
      columns > 1
        ? (tokens) => {
            for (const token of tokens) {
              if (KEPT.has(token.type)) kept.add(blocks.length);
              renderBlocks([token], width, ctx, 0, blocks);
            }
          }
        : (tokens) => renderBlocks(tokens, width, ctx, 0, blocks),
  };
  if (!selection) {
    for (const block of renderHeader(doc, spanWidth, ctx, options, width)) sink.span(block);
    sink.flow(doc.lead.tokens);
    for (const section of doc.sections) sectionBlocks(section, spanWidth, ctx, sink);
    flushNotes(ctx, blocks, width);
  } else {
    // Each selected section is read on its own: its link targets follow it, numbered from 1.
    for (const section of selection) {
      sectionBlocks(section, spanWidth, ctx, sink, options.heading ?? true);
      flushNotes(ctx, blocks, width);
    }
  }
  if (columns <= 1) return blockPieces(blocks);
  const parts = blocks.map((text, i) => ({ text, span: spans.has(i), keep: kept.has(i) }));
  return [setColumns(parts, { columns, width, gutter: COLUMN_GUTTER, pageHeight: options.pageHeight, measure: (line) => kit.layout.columns(line) })];
}

/** A section's content and subsections, without its own heading (JSON's `text`). */
export function renderSectionBody(doc: Document, section: Section, options: TerminalOptions, kit: Kit): string {
  const ctx = terminalContext(doc, kit, options);
  const blocks = renderBlocks(section.tokens, options.width, ctx);
  const sink: Sink = { span: (block) => blocks.push(block), flow: (tokens) => renderBlocks(tokens, options.width, ctx, 0, blocks) };
  for (const child of section.children) sectionBlocks(child, options.width, ctx, sink);
  flushNotes(ctx, blocks, options.width);
  return blockPieces(blocks).join('');
}

/**
 * Blocks one blank line apart (two above a section heading, which starts with a newline), no
 * line ending in spaces, no newline before the first, a final newline unless empty. In pieces:
 * a long document's blocks are never joined into one string.
 */
export function blockPieces(blocks: readonly string[]): string[] {
  const pieces: string[] = [];
  for (const block of blocks) {
    if (block === '') continue;
    if (pieces.length > 0) pieces.push('\n\n', trimLines(block));
    else {
      // A block of newlines only is not the start: the next block is.
      const text = block.replace(/^\n+/, '');
      if (text !== '') pieces.push(trimLines(text));
    }
  }
  if (pieces.length > 0) pieces.push('\n');
  return pieces;
}

function sectionBlocks(section: Section, headingWidth: number, ctx: TerminalContext, sink: Sink, heading = true): void {
  // More space above a heading than below it: it belongs to the text that follows.
  if (section.heading && heading) sink.span(`\n${renderHeading(renderInline(section.heading.tokens, ctx), section.level, headingWidth, ctx)}`);
  sink.flow(section.tokens);
  for (const child of section.children) sectionBlocks(child, headingWidth, ctx, sink);
}
