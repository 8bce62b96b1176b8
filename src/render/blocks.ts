/**
 * Block tokens -> lines. Each container (list item, quote) renders its children at its own
 * width minus its indent, so every line fits the width at any depth. Replaces marked-terminal's
 * block renderers, which leave inline markup raw in tight list items, never wrap lists, measure
 * UTF-16 units instead of columns, print `#` prefixes and leak table colours into pipes.
 */
import type { Token, Tokens } from 'marked';
import { sanitize } from '../sanitize.js';
import { renderInline, type InlineContext } from './inline.js';
import { chop, columns, expandTabs, indent, pad, underline, widest, wrap } from './layout.js';

export interface BlockContext extends InlineContext {
  /** Syntax highlighter for fenced code that names a language (ansi only). */
  highlight?: (code: string, lang: string) => string | undefined;
}

/** Below this many columns a container stops indenting its content, so lines still fit. */
const MIN_INNER = 10;

/** Appends to `out` (never spread: a document can have hundreds of thousands of blocks). */
export function renderBlocks(tokens: readonly Token[], width: number, ctx: BlockContext, depth = 0, out: string[] = []): string[] {
  for (const token of tokens) {
    const block = renderBlock(token, width, ctx, depth);
    if (block !== '') out.push(block);
  }
  return out;
}

export function maxOf(values: Iterable<number>, floor = 0): number {
  let max = floor;
  for (const value of values) if (value > max) max = value;
  return max;
}

function renderBlock(token: Token, width: number, ctx: BlockContext, depth: number): string {
  switch (token.type) {
    case 'space':
    case 'def':
      return '';
    case 'heading':
      return renderHeading(renderInline(token.tokens, ctx), token.depth, width, ctx);
    case 'paragraph':
    case 'text':
      return wrap(renderInline('tokens' in token && token.tokens ? token.tokens : [{ type: 'text', raw: token.text, text: token.text }], ctx), width);
    case 'hr':
      return ctx.theme.border(ctx.theme.rule.repeat(width > 0 ? Math.min(width, 40) : 40));
    case 'code':
      return renderCode(token as Tokens.Code, width, ctx);
    case 'blockquote':
      return renderQuote(token as Tokens.Blockquote, width, ctx, depth);
    case 'list':
      return renderList(token as Tokens.List, width, ctx, depth);
    case 'table':
      return renderTable(token as Tokens.Table, width, ctx);
    case 'html':
      return ctx.theme.html(chop(sanitize(token.text).replace(/\n+$/, ''), width));
    case 'checkbox':
      return (token as Tokens.Checkbox).checked ? '[x]' : '[ ]';
    default:
      return 'tokens' in token && Array.isArray(token.tokens)
        ? renderBlocks(token.tokens, width, ctx, depth).join('\n\n')
        : wrap(sanitize(typeof token.raw === 'string' ? token.raw.trim() : ''), width);
  }
}

export function renderHeading(styled: string, level: number, width: number, ctx: InlineContext): string {
  const text = wrap(styled, width);
  const ruleChar = ctx.theme.headingRule(level);
  const painted = text
    .split('\n')
    .map((line) => ctx.theme.heading(line, level))
    .join('\n');
  return ruleChar ? underline(painted, ruleChar, width) : painted;
}

function renderCode(token: Tokens.Code, width: number, ctx: BlockContext): string {
  const margin = width > 0 && width < 2 * MIN_INNER ? 0 : 4;
  const inner = width > 0 ? width - margin : 0;
  // Tabs become spaces before highlighting, so styles never sit between a tab and its column.
  const source = sanitize(token.text.replace(/\n+$/, '')).split('\n').map((line) => expandTabs(line)).join('\n');
  const lang = sanitize((token.lang ?? '').split(/\s/)[0] ?? '');
  const highlighted = ctx.highlight && lang ? ctx.highlight(source, lang) : undefined;
  const lines = (highlighted ?? source).split('\n');
  const out: string[] = [];
  for (const line of lines) {
    for (const piece of chop(line, inner).split('\n')) {
      const body = highlighted ? piece : ctx.theme.codeBlock(piece);
      out.push(columns(piece.trim()) === 0 ? '' : ' '.repeat(margin) + body);
    }
  }
  return out.join('\n');
}

function renderQuote(token: Tokens.Blockquote, width: number, ctx: BlockContext, depth: number): string {
  const narrow = width > 0 && width - 2 < MIN_INNER;
  const inner = renderBlocks(token.tokens, narrow ? width : width > 0 ? width - 2 : 0, ctx, depth).join('\n\n');
  if (narrow) return inner;
  return indent(inner, `${ctx.theme.quoteBar} `);
}

function renderList(token: Tokens.List, width: number, ctx: BlockContext, depth: number): string {
  const start = token.ordered && typeof token.start === 'number' ? token.start : 1;
  const bullet = ctx.theme.bullets[depth % ctx.theme.bullets.length]!;
  const items = token.items.map((item, i) => {
    const marker = token.ordered ? `${start + i}.` : bullet;
    let tokens = item.tokens;
    // A tight task item starts with a bare checkbox token: fold it into the first line of text.
    const first = tokens[1];
    if (tokens[0]?.type === 'checkbox' && first && (first.type === 'text' || first.type === 'paragraph')) {
      const box: Token = { type: 'text', raw: '', text: (tokens[0] as Tokens.Checkbox).checked ? '[x] ' : '[ ] ' };
      tokens = [{ ...first, tokens: [box, ...(('tokens' in first && first.tokens) || [])] } as Token, ...tokens.slice(2)];
    }
    return { marker, tokens };
  });
  // One hanging indent for the whole list, so item texts line up.
  const hang = maxOf(items.map(({ marker }) => columns(marker))) + 1;
  const narrow = width > 0 && width - hang < MIN_INNER;
  const innerWidth = narrow ? width : width > 0 ? width - hang : 0;
  return items
    .map(({ marker, tokens }) => {
      const content = renderBlocks(tokens, innerWidth, ctx, depth + 1).join(token.loose ? '\n\n' : '\n');
      if (content === '') return marker;
      if (narrow) return `${marker}\n${content}`;
      return indent(content, pad(marker, hang, 'left'), ' '.repeat(hang));
    })
    .join(token.loose ? '\n\n' : '\n');
}

function renderTable(token: Tokens.Table, width: number, ctx: BlockContext): string {
  const header = token.header.map((cell) => renderInline(cell.tokens, ctx));
  const rows = token.rows.map((row) => row.map((cell) => renderInline(cell.tokens, ctx)));
  const columns = header.length;
  const natural = header.map((_, c) => maxOf(rows.map((row) => widest(row[c] ?? '')), Math.max(1, widest(header[c]!))));
  const chrome = 3 * columns + 1;
  if (width > 0 && width - chrome < 3 * columns) return renderRecords(header, rows, width, ctx);
  const widths = width > 0 ? distribute(natural, width - chrome) : natural;
  const { border } = ctx.theme;
  const line = (left: string, mid: string, right: string) =>
    border(left + widths.map((w) => '─'.repeat(w + 2)).join(mid) + right);
  const renderRow = (cells: string[], style: (s: string) => string) => {
    const wrapped = widths.map((w, c) => wrap(style(cells[c] ?? ''), w).split('\n'));
    const height = maxOf(wrapped.map((lines) => lines.length));
    const out: string[] = [];
    for (let i = 0; i < height; i++) {
      const parts = widths.map((w, c) => ` ${pad(wrapped[c]![i] ?? '', w, token.align[c] ?? null)} `);
      out.push(border('│') + parts.join(border('│')) + border('│'));
    }
    return out.join('\n');
  };
  const out = [line('┌', '┬', '┐'), renderRow(header, ctx.theme.strong), line('├', '┼', '┤')];
  for (const row of rows) out.push(renderRow(row, (s) => s));
  out.push(line('└', '┴', '┘'));
  return out.join('\n');
}

/** Too narrow for a grid: each row as `Header: value` lines. */
function renderRecords(header: string[], rows: string[][], width: number, ctx: BlockContext): string {
  return rows
    .map((row) => row.map((cell, c) => wrap(`${ctx.theme.strong(header[c] ?? '')}: ${cell}`, width)).join('\n'))
    .join('\n\n');
}

/** Share `total` columns out: narrow columns keep their width, wide ones split the rest. */
export function distribute(natural: number[], total: number): number[] {
  const sum = natural.reduce((a, b) => a + b, 0);
  if (sum <= total) return natural;
  const widths = new Array<number>(natural.length).fill(0);
  const order = natural.map((w, i) => [w, i] as const).sort((a, b) => a[0] - b[0]);
  let remaining = total;
  order.forEach(([w, i], k) => {
    const share = Math.max(1, Math.floor(remaining / (order.length - k)));
    widths[i] = Math.min(w, share);
    remaining -= widths[i]!;
  });
  return widths;
}
