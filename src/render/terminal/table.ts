/** GFM tables: a grid of box-drawing lines that fits the width, or records when it cannot. */
import type { Tokens } from 'marked';
import { maxOf } from '../../layout/layout.js';
import type { TerminalContext } from './context.js';
import { renderInline } from './inline.js';

export function renderTable(token: Tokens.Table, width: number, ctx: TerminalContext): string {
  const { layout } = ctx;
  const header = token.header.map((cell) => renderInline(cell.tokens, ctx));
  const rows = token.rows.map((row) => row.map((cell) => renderInline(cell.tokens, ctx)));
  const columns = header.length;
  const natural = header.map((_, c) => maxOf(rows.map((row) => layout.widest(row[c] ?? '')), Math.max(1, layout.widest(header[c]!))));
  // Each column has a space either side and a bar after it; one more bar opens the row.
  const chrome = 3 * columns + 1;
  if (width > 0 && width - chrome < 3 * columns) return renderRecords(header, rows, width, ctx);
  const widths = width > 0 ? distribute(natural, width - chrome) : natural;
  const { border } = ctx.theme;
  const line = (left: string, mid: string, right: string) => border(left + widths.map((w) => '─'.repeat(w + 2)).join(mid) + right);
  const renderRow = (cells: string[], style: (s: string) => string) => {
    const wrapped = widths.map((w, c) => layout.wrap(style(cells[c] ?? ''), w).split('\n'));
    const height = maxOf(wrapped.map((lines) => lines.length));
    const out: string[] = [];
    for (let i = 0; i < height; i++) {
      const parts = widths.map((w, c) => ` ${layout.pad(wrapped[c]![i] ?? '', w, token.align[c] ?? null)} `);
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
function renderRecords(header: string[], rows: string[][], width: number, ctx: TerminalContext): string {
  return rows.map((row) => row.map((cell, c) => ctx.layout.wrap(`${ctx.theme.strong(header[c] ?? '')}: ${cell}`, width)).join('\n')).join('\n\n');
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
