/**
 * The reader's formats: `ansi` (styled) and `text` (plain). Both share one layout; the theme
 * decides the rest: styles in ansi, rules under headings and `>` quote bars in plain text.
 */
import type { Document, Section } from '../document.js';
import { sanitizeLine } from '../sanitize.js';
import { renderBlocks, renderHeading, type BlockContext } from './blocks.js';
import { renderInline, type LinkStyle } from './inline.js';
import { trimLines, underline, wrap } from './layout.js';
import { articleStats, formatStats } from './stats.js';
import { currentHighlighter, type Theme } from './theme.js';

export interface TerminalOptions {
  theme: Theme;
  /** Columns; 0 = no wrapping. */
  width: number;
  hyperlinks: boolean;
  links: LinkStyle;
}

/** The whole document (header, lead, every section), or only the given sections. */
export function renderTerminal(doc: Document, options: TerminalOptions, selection?: Section[]): string {
  const ctx = contextOf(options);
  const { width } = options;
  const blocks: string[] = [];
  if (!selection) {
    for (const block of renderHeader(doc, width, ctx)) blocks.push(block);
    renderBlocks(doc.lead.tokens, width, ctx, 0, blocks);
    for (const section of doc.sections) sectionBlocks(section, width, ctx, blocks);
    addFootnotes(ctx, blocks);
  } else {
    // Each selected section is read on its own: its link targets follow it, numbered from 1.
    for (const section of selection) {
      sectionBlocks(section, width, ctx, blocks);
      addFootnotes(ctx, blocks);
    }
  }
  return finish(blocks);
}

/** A section's content and subsections, without its own heading (JSON's `text`). */
export function renderTerminalBody(section: Section, options: TerminalOptions): string {
  const ctx = contextOf(options);
  const blocks = renderBlocks(section.tokens, options.width, ctx);
  for (const child of section.children) sectionBlocks(child, options.width, ctx, blocks);
  addFootnotes(ctx, blocks);
  return finish(blocks);
}

function addFootnotes(ctx: BlockContext, blocks: string[]): void {
  if (ctx.footnotes.length === 0) return;
  blocks.push(renderFootnotes(ctx.footnotes, ctx.theme));
  ctx.footnotes = [];
}

function contextOf(options: TerminalOptions): BlockContext {
  return {
    theme: options.theme,
    hyperlinks: options.hyperlinks,
    links: options.links,
    footnotes: [],
    // Registered by prepare() when the document has code worth highlighting.
    highlight: options.theme.ansi ? currentHighlighter() : undefined,
  };
}

function finish(blocks: string[]): string {
  const body = blocks.filter((block) => block !== '').join('\n\n');
  return body === '' ? '' : `${trimLines(body)}\n`;
}

function sectionBlocks(section: Section, width: number, ctx: BlockContext, blocks: string[]): string[] {
  if (section.heading) blocks.push(renderHeading(renderInline(section.heading.tokens, ctx), section.level, width, ctx));
  renderBlocks(section.tokens, width, ctx, 0, blocks);
  for (const child of section.children) sectionBlocks(child, width, ctx, blocks);
  return blocks;
}

/** Title, standfirst, photo caption and credit, then word count and reading time. */
function renderHeader(doc: Document, width: number, ctx: BlockContext): string[] {
  const { theme } = ctx;
  const blocks: string[] = [];
  const { meta } = doc;
  if (doc.title !== undefined) {
    const styled = doc.titleTokens ? renderInline(doc.titleTokens, ctx) : sanitizeLine(doc.title);
    const text = paint(wrap(styled, width), theme.title);
    const rule = theme.headingRule(1);
    blocks.push(rule ? underline(text, rule, width) : text);
  }
  const standfirst = meta.standfirst ?? meta.subtitle ?? meta.description;
  if (standfirst) blocks.push(paint(wrap(sanitizeLine(standfirst), width), theme.standfirst));
  const caption = meta.caption;
  const credit = meta.credit;
  if (caption || credit) {
    const text = [caption, credit ? `(Photo: ${credit})` : undefined].filter(Boolean).join(' ');
    blocks.push(paint(wrap(sanitizeLine(text), width), theme.caption));
  }
  if (doc.title !== undefined) {
    const byline = [meta.author ? `By ${meta.author}` : undefined, meta.date].filter(Boolean).map((s) => sanitizeLine(s!));
    blocks.push(paint(wrap([...byline, formatStats(articleStats(doc))].join(' · '), width), theme.meta));
  }
  return blocks;
}

/** Style each line on its own: wrapping plain text first keeps it on the fast layout path. */
function paint(text: string, style: (line: string) => string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : style(line)))
    .join('\n');
}

/** Footnote targets are never wrapped: a URL broken over two lines cannot be copied or clicked. */
function renderFootnotes(urls: string[], theme: Theme): string {
  const digits = String(urls.length).length;
  return urls.map((url, i) => `${theme.mark(`[${String(i + 1).padStart(digits)}]`)} ${theme.url(url)}`).join('\n');
}
