/**
 * GFM tables: a grid of box-drawing lines that fits the width, or records when it cannot.
 * Columns take their natural width when the table fits; else each keeps at least its longest
 * word and the rest of the room goes where the text is, so a nearly empty column stays narrow
 * and words break mid-word only when one is wider than its column. Rows that take several lines
 * are ruled apart. A link's target would take a column over: in a cell, a link is numbered and
 * its target listed under the table (or with the other notes under `--links footnotes`).
 */
import type { Tokens } from 'marked';
import { maxOf, padToWidth, type Layout } from '../../layout/layout.js';
import { stripMarkers } from '../../layout/styled.js';
import { stripEscapes } from '../../layout/ansi.js';
import { isSimple } from '../../layout/measure.js';
import type { TerminalContext } from './context.js';
import { TOP, renderInline } from './inline.js';
import { renderLinkNotes } from './notes.js';

export function renderTable(token: Tokens.Table, width: number, ctx: TerminalContext): string {
  const { layout } = ctx;
  const local: string[] = [];
  const within = ctx.links === 'inline' ? { ...TOP, table: local } : TOP;
  const header = token.header.map((cell) => renderInline(cell.tokens, ctx, within));
  const rows = token.rows.map((row) => row.map((cell) => renderInline(cell.tokens, ctx, within)));
  const notes = local.length > 0 ? `\n\n${renderLinkNotes(local, width, ctx)}` : '';
  const columns = header.length;
  // Each column's cells, header first, each measured once: its one-line form and that form's width.
  const cells: string[][] = header.map((head) => [head]);
  for (const row of rows) for (let c = 0; c < columns; c++) cells[c]!.push(row[c] ?? '');
  // A cell of printable ASCII with single spaces inside and none at its ends (most cells) is
  // already all of these: its one-line form, its own plain text, one column a character. One
  // test instead of five passes over it (a 10 MB document has ~6,700 tables).
  const bare = cells.map((column) => column.map(isBareCell));
  const unwrappedCells = cells.map((column, c) => column.map((cell, r) => (bare[c]![r] ? cell : layout.wrap(cell, 0))));
  const cellWidths = unwrappedCells.map((column, c) => column.map((cell, r) => (bare[c]![r] ? cell.length : layout.widest(cell))));
  const natural = cellWidths.map((column) => maxOf(column, 1));
  // Each column has a space either side and a bar after it; one more bar opens the row.
  const chrome = 3 * columns + 1;
  if (width > 0 && width - chrome < 3 * columns) return renderRecords(header, rows, width, ctx) + notes;
  const plain = cells.map((column, c) => column.map((cell, r) => (bare[c]![r] ? cell : stripMarkers(stripEscapes(cell)))));
  // A column is never narrower than its widest character (CJK and emoji take two).
  const widestChar = plain.map((column, c) => (column.every((cell, r) => bare[c]![r] || isSimple(cell)) ? 1 : 2));
  if (width > 0 && widestChar.reduce((a, b) => a + b, 0) > width - chrome) return renderRecords(header, rows, width, ctx) + notes;
  // Each column's longest word matters only to a table narrower than its text.
  const fits = width <= 0 || natural.reduce((a, b) => a + b, 0) <= width - chrome;
  const widths = fits ? natural : distribute(natural, plain.map((column) => maxOf(column.map((cell) => longestWord(cell, layout)), 1)), width - chrome, widestChar);
  const { border } = ctx.theme;
  const bar = border('│');
  const rules = widths.map((w) => '─'.repeat(w + 2));
  const line = (left: string, mid: string, right: string) => border(left + rules.join(mid) + right);
  const between = line('├', '┼', '┤');
  /**
   * Whether a body cell goes in as it is: text of one-column characters already in its one-line
   * form (no markers, codes or runs of spaces), no wider than its column. The breaker would give
   * it back unchanged (Layout.wrap does not even run it), and its width is its length.
   */
  const asItIs = (c: number, r: number) => r > 0 && cellWidths[c]![r]! <= widths[c]! && (bare[c]![r] || (unwrappedCells[c]![r] === cells[c]![r] && isSimple(cells[c]![r]!)));
  /** Row `r` of the cells (0: the header) as lines. */
  const renderRow = (r: number, style: (s: string) => string, out: string[]) => {
    const wrapped = widths.map((w, c) => (asItIs(c, r) ? undefined : layout.wrap(style(cells[c]![r]!), w).split('\n')));
    const height = maxOf(wrapped.map((lines) => lines?.length ?? 1));
    for (let i = 0; i < height; i++) {
      let row = bar;
      for (let c = 0; c < columns; c++) {
        const lines = wrapped[c];
        const text = lines ? layout.pad(lines[i] ?? '', widths[c]!, token.align[c] ?? null) : padToWidth(i === 0 ? cells[c]![r]! : '', i === 0 ? cellWidths[c]![r]! : 0, widths[c]!, token.align[c] ?? null);
        row += ` ${text} ${bar}`;
      }
      out.push(row);
    }
  };
  const out = [line('┌', '┬', '┐')];
  renderRow(0, ctx.theme.strong, out);
  // A table of a header alone (GFM allows it; an HTML table of one row is one) closes under it.
  if (rows.length > 0) out.push(between);
  const body = rows.map((_, k) => {
    const lines: string[] = [];
    renderRow(k + 1, (text) => text, lines);
    return lines;
  });
  const ruled = body.some((lines) => lines.length > 1);
  body.forEach((lines, i) => {
    if (ruled && i > 0) out.push(between);
    for (const l of lines) out.push(l);
  });
  out.push(line('└', '┴', '┘'));
  return out.join('\n') + notes;
}

/** Printable ASCII, no run of spaces, no space at either end: text that Layout.wrap(cell, 0) and stripping give back as it is, one column a character. */
export function isBareCell(cell: string): boolean {
  return PRINTABLE_ASCII.test(cell) && !cell.includes('  ') && !cell.startsWith(' ') && !cell.endsWith(' ');
}
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

/**
 * The columns of a cell's widest word (the cell without styles or markers). Text of one-column
 * characters (most cells) is read for its longest run between spaces (its only whitespace: the
 * space and the no-break space), with no word strings made: a long document has many tables.
 */
export function longestWord(cell: string, layout: Pick<Layout, 'columns'>): number {
  if (!isSimple(cell)) return maxOf(cell.split(/\s+/).map((word) => layout.columns(word)));
  let longest = 0;
  let run = 0;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c === 0x20 || c === 0xa0) run = 0;
    else if (++run > longest) longest = run;
  }
  return longest;
}

/** Too narrow for a grid: each row as `Header: value` lines. */
function renderRecords(header: string[], rows: string[][], width: number, ctx: TerminalContext): string {
  return rows.map((row) => row.map((cell, c) => ctx.layout.wrap(`${ctx.theme.strong(header[c] ?? '')}: ${cell}`, width)).join('\n')).join('\n\n');
}

/**
 * Share `total` columns out. Natural widths when they fit; else every column gets its longest
 * word (or an even share, when even those do not fit) and the room left goes to the columns
 * in proportion to the text they still have to fit.
 */
export function distribute(natural: number[], longestWord: number[], total: number, minimum: number[] = natural.map(() => 1)): number[] {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (sum(natural) <= total) return natural;
  const floor = natural.map((n, c) => Math.max(minimum[c] ?? 1, Math.min(n, longestWord[c] ?? 1)));
  if (sum(floor) > total) {
    // Even the longest words do not fit: shares in proportion to them, at least the widest character each.
    const widths = floor.map((f, c) => Math.max(minimum[c] ?? 1, Math.floor(((f - (minimum[c] ?? 1)) * (total - sum(minimum))) / Math.max(1, sum(floor) - sum(minimum))) + (minimum[c] ?? 1)));
    let spare = total - sum(widths);
    for (let c = 0; spare > 0; c = (c + 1) % widths.length, spare--) widths[c]!++;
    return widths;
  }
  const widths = [...floor];
  let room = total - sum(widths);
  const want = natural.map((n, c) => n - widths[c]!);
  const wanted = sum(want);
  natural.forEach((_, c) => {
    const share = Math.floor((room * want[c]!) / wanted);
    widths[c]! += share;
  });
  room = total - sum(widths);
  // What rounding left over goes to the columns that want the most.
  const order = natural.map((_, c) => c).sort((a, b) => natural[b]! - widths[b]! - (natural[a]! - widths[a]!));
  for (let k = 0; room > 0 && k < order.length * 2; k++) {
    const c = order[k % order.length]!;
    if (widths[c]! < natural[c]!) {
      widths[c]!++;
      room--;
    }
  }
  return widths;
}
