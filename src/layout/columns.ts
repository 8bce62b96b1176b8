/**
 * Columns, the way a broadsheet page is set: the header and headings span the page; the text
 * between them runs down one column and on into the next. With a page height (a terminal), each
 * screen-high page is filled column by column before the next page starts, so a pager shows one
 * page per screen and the eye reads down, then across. Without one (a pipe with an explicit
 * `--columns`), each stretch of text between headings is one balanced block of columns.
 *
 * Only whole lines move: the text was already set to the column's measure, so no word is lost,
 * split differently or reordered.
 */

/** Columns stand this many spaces apart. */
export const COLUMN_GUTTER = 4;

/** A rendered block in reading order: spanning (header, heading) or flowing into columns. */
export interface Part {
  text: string;
  span: boolean;
  /** Kept whole in one column where it fits one (a code block, a table). */
  keep?: boolean;
}

export interface ColumnSetting {
  columns: number;
  /** Each column's measure, in terminal columns. */
  width: number;
  gutter: number;
  /** Lines on a screen page; undefined: no pages. */
  pageHeight?: number;
  /** Display width of a line that may carry escape codes. */
  measure: (line: string) => number;
}

/** A heading is never left at the foot of a page without this many lines of its text below it. */
const KEEP_WITH_NEXT = 2;

/** The parts set in columns, as lines ending in newlines. */
export function setColumns(parts: readonly Part[], setting: ColumnSetting): string {
  const groups = group(parts);
  const out: string[] = [];
  if (setting.pageHeight === undefined || setting.pageHeight < 2 * KEEP_WITH_NEXT) {
    for (const g of groups) {
      if (out.length > 0) out.push('');
      for (const line of g.span ? g.lines : side(balance(g, setting.columns), setting)) out.push(line);
    }
  } else {
    paginate(groups, setting, setting.pageHeight, out);
  }
  return out.length === 0 ? '' : `${out.map((line) => line.trimEnd()).join('\n')}\n`;
}

interface Group extends Run {
  span: boolean;
}

/** Lines to set, with the kept blocks each line belongs to, [start, end). */
interface Run {
  lines: string[];
  kept: ([number, number] | undefined)[];
}

/** Spanning parts on their own; neighbouring flowing parts joined, a blank line apart. */
function group(parts: readonly Part[]): Group[] {
  const groups: Group[] = [];
  let run: Run = { lines: [], kept: [] };
  const flush = () => {
    // The lines of a run start and end with text: blank lines only between blocks.
    if (run.lines.length > 0) groups.push({ span: false, ...run });
    run = { lines: [], kept: [] };
  };
  for (const part of parts) {
    const lines = trimBlank(part.text.split('\n'));
    if (lines.length === 0) continue;
    if (part.span) {
      flush();
      groups.push({ span: true, lines, kept: [] });
      continue;
    }
    if (run.lines.length > 0) {
      run.lines.push('');
      run.kept.push(undefined);
    }
    const range: [number, number] | undefined = part.keep ? [run.lines.length, run.lines.length + lines.length] : undefined;
    for (const line of lines) {
      run.lines.push(line);
      run.kept.push(range);
    }
  }
  flush();
  return groups;
}

function trimBlank(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && isBlank(lines[start]!)) start++;
  while (end > start && isBlank(lines[end - 1]!)) end--;
  return lines.slice(start, end);
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/**
 * Up to `height` lines from `from`, never starting with a blank line (a column's top is text),
 * and never ending inside a kept block that would fit whole in the next column.
 * Returns the column and where the next one starts.
 */
function takeColumn(run: Run, from: number, height: number): { column: string[]; next: number } {
  const { lines, kept } = run;
  let at = from;
  while (at < lines.length && isBlank(lines[at]!)) at++;
  let end = Math.min(lines.length, at + height);
  const block = end < lines.length ? kept[end] : undefined;
  if (block && block[0] > at && block[0] < end && block[1] - block[0] <= height) end = block[0];
  const column = lines.slice(at, end);
  // A column does not end on a blank line: it would only add to its height.
  while (column.length > 0 && isBlank(column[column.length - 1]!)) column.pop();
  return { column, next: end };
}

/**
 * A run in `count` columns as even as they go: the least height that holds it all, and no less
 * than its tallest kept block (up to `limit`, the room on the page), so that block stays whole.
 */
function balance(run: Run, count: number, limit = Infinity): string[][] {
  // Blank lines at a column's top are dropped, so only the others must fit.
  let text = 0;
  let tallest = 0;
  run.lines.forEach((line, i) => {
    if (!isBlank(line)) text++;
    const block = run.kept[i];
    if (block && block[0] === i && block[1] - block[0] <= limit) tallest = Math.max(tallest, block[1] - block[0]);
  });
  for (let height = Math.max(1, Math.ceil(text / count), tallest); ; height++) {
    const columns = fill(run, 0, count, height);
    if (columns.next >= run.lines.length) return columns.columns;
  }
}

/** As many as `count` columns of `height` lines from `from`. */
function fill(run: Run, from: number, count: number, height: number): { columns: string[][]; next: number } {
  const columns: string[][] = [];
  let next = from;
  for (let i = 0; i < count && next < run.lines.length; i++) {
    const taken = takeColumn(run, next, height);
    if (taken.column.length > 0) columns.push(taken.column);
    next = taken.next;
  }
  // Blank lines left at the end belong to no column.
  while (next < run.lines.length && isBlank(run.lines[next]!)) next++;
  return { columns, next };
}

/** Columns side by side, each padded to its measure, a gutter apart. */
function side(columns: readonly string[][], setting: ColumnSetting): string[] {
  const height = Math.max(0, ...columns.map((c) => c.length));
  const gutter = ' '.repeat(setting.gutter);
  const rows: string[] = [];
  for (let row = 0; row < height; row++) {
    let line = '';
    columns.forEach((column, i) => {
      const cell = column[row] ?? '';
      line += i < columns.length - 1 ? cell + ' '.repeat(Math.max(0, setting.width - setting.measure(cell))) + gutter : cell;
    });
    rows.push(line);
  }
  return rows;
}

/** Groups laid out page by page, each page `height` lines (the last as long as it needs). */
function paginate(groups: readonly Group[], setting: ColumnSetting, height: number, out: string[]): void {
  let page: string[] = [];
  let pages = 0;
  const newPage = () => {
    while (page.length < height) page.push('');
    for (const line of page) out.push(line);
    page = [];
    pages++;
  };
  /** Lines left on this page, after the blank line that separates a new group from the last. */
  const room = () => height - page.length - (page.length > 0 ? 1 : 0);
  const put = (lines: readonly string[]) => {
    if (page.length > 0) page.push('');
    for (const line of lines) page.push(line);
  };
  groups.forEach((g, i) => {
    if (g.span) {
      const following = groups[i + 1];
      const keep = following && !following.span ? Math.min(KEEP_WITH_NEXT, following.lines.length) + 1 : 0;
      if (page.length > 0 && g.lines.length + keep > room()) newPage();
      // A spanning part taller than a page (a long title at a narrow width) runs on.
      put(g.lines);
      while (page.length >= height) {
        for (const line of page.splice(0, height)) out.push(line);
        pages++;
      }
      return;
    }
    let from = 0;
    while (from < g.lines.length) {
      if (room() < KEEP_WITH_NEXT) newPage();
      const available = room();
      const balanced = balanceWithin(g, from, setting.columns, available);
      if (balanced) {
        put(side(balanced, setting));
        return;
      }
      const full = fill(g, from, setting.columns, available);
      put(side(full.columns, setting));
      from = full.next;
      newPage();
    }
  });
  // After the first page, the last is a whole screen too, so a pager's screens stay pages
  // (less stops with the end at the screen's foot).
  if (pages > 0 && page.length > 0) newPage();
  else for (const line of page) out.push(line);
}

/** The rest of a run balanced in columns no taller than `height`, if it fits there. */
function balanceWithin(run: Run, from: number, count: number, height: number): string[][] | undefined {
  if (fill(run, from, count, height).next < run.lines.length) return undefined;
  return balance(from === 0 ? run : { lines: run.lines.slice(from), kept: run.kept.slice(from).map((k) => k && [k[0] - from, k[1] - from]) }, count, height);
}
