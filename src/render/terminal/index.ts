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
import { terminalContext, type TerminalOptions } from './context.js';
import { renderHeader } from './header.js';
import { renderInline } from './inline.js';
import { flushNotes } from './notes.js';

export type { TerminalOptions } from './context.js';

/** Blocks that columns keep whole where they fit in one: code and tables read badly split. */
const KEPT = new Set(['code', 'table']);

/** The whole document (header, lead, every section), or only the given sections. */
export function renderTerminal(doc: Document, options: TerminalOptions, kit: Kit, selection?: readonly Section[]): string {
  return renderTerminalPieces(doc, options, kit, selection).join('');
}

/** renderTerminal's text in pieces, in order, for a writer that never needs it as one string. */
export function renderTerminalPieces(doc: Document, options: TerminalOptions, kit: Kit, selection?: readonly Section[]): string[] {
  return [...terminalPieces(doc, options, kit, selection)];
}

/**
 * renderTerminal's text in pieces, in order, each made when it is asked for: a long document can
 * be written as it is rendered, its text never all held at once. (In columns, the page comes
 * whole at the end: columns need every block before their first line.)
 */
export function* terminalPieces(doc: Document, options: TerminalOptions, kit: Kit, selection?: readonly Section[]): Generator<string, void, undefined> {
  const ctx = terminalContext(doc, kit, options);
  const { width } = options;
  const columns = options.columns ?? 1;
  // In columns, the header and headings span the page: its width is every column's and gutter's.
  const spanWidth = columns > 1 ? columns * width + (columns - 1) * COLUMN_GUTTER : width;
  const blocks: string[] = [];
  const spans = new Set<number>();
  const kept = new Set<number>();
  const flow = (token: Token) => {
    if (columns > 1 && KEPT.has(token.type)) kept.add(blocks.length);
    renderBlocks([token], width, ctx, 0, blocks);
  };
  const span = (block: string) => {
    if (columns > 1) spans.add(blocks.length);
    blocks.push(block);
  };
  // Without columns, each block's pieces are given as soon as it is rendered. (Generators only
  // per section, not per block: each costs memory, which at start-up hastens a collection.)
  const ready: string[] = [];
  const joined = new BlockPieces(ready);
  const pass = () => {
    if (columns > 1) return;
    for (const block of blocks) joined.add(block);
    blocks.length = 0;
  };
  const tokens = function* (list: readonly Token[]): Generator<string, void, undefined> {
    for (const token of list) {
      flow(token);
      pass();
      for (let i = 0; i < ready.length; i++) yield ready[i]!;
      ready.length = 0;
    }
  };
  const sections = function* (section: Section, heading: boolean): Generator<string, void, undefined> {
    // More space above a heading than below it: it belongs to the text that follows.
    if (section.heading && heading) span(`\n${renderHeading(renderInline(section.heading.tokens, ctx), section.level, spanWidth, ctx)}`);
    yield* tokens(section.tokens);
    for (const child of section.children) yield* sections(child, true);
  };
  if (!selection) {
    for (const block of renderHeader(doc, spanWidth, ctx, options, width)) span(block);
    yield* tokens(doc.lead.tokens);
    for (const section of doc.sections) yield* sections(section, true);
    flushNotes(ctx, blocks, width);
  } else {
    // Each selected section is read on its own: its link targets follow it, numbered from 1.
    for (const section of selection) {
      yield* sections(section, options.heading ?? true);
      flushNotes(ctx, blocks, width);
    }
  }
  if (columns <= 1) {
    pass();
    joined.end();
    yield* ready;
    return;
  }
  const parts = blocks.map((text, i) => ({ text, span: spans.has(i), keep: kept.has(i) }));
  yield setColumns(parts, { columns, width, gutter: COLUMN_GUTTER, pageHeight: options.pageHeight, measure: (line) => kit.layout.columns(line) });
}

/** A section's content and subsections, without its own heading (JSON's `text`). */
export function renderSectionBody(doc: Document, section: Section, options: TerminalOptions, kit: Kit): string {
  return renderTerminal(doc, { ...options, columns: 1, heading: false }, kit, [section]);
}

/**
 * Blocks one blank line apart (two above a section heading, which starts with a newline), no
 * line ending in spaces, no newline before the first, a final newline unless empty. In pieces:
 * a long document's blocks are never joined into one string.
 */
export function blockPieces(blocks: readonly string[]): string[] {
  const pieces: string[] = [];
  const joined = new BlockPieces(pieces);
  for (const block of blocks) joined.add(block);
  joined.end();
  return pieces;
}

/** blockPieces a block at a time, into `pieces`. */
class BlockPieces {
  private started = false;

  constructor(private readonly pieces: string[]) {}

  add(block: string): void {
    if (block === '') return;
    if (this.started) {
      this.pieces.push('\n\n', trimLines(block));
      return;
    }
    // A block of newlines only is not the start: the next block is.
    const text = block.replace(/^\n+/, '');
    if (text === '') return;
    this.started = true;
    this.pieces.push(trimLines(text));
  }

  end(): void {
    if (this.started) this.pieces.push('\n');
  }
}
