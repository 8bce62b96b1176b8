/**
 * Columns: the text moves whole lines into columns, so reading down then across gives back every
 * line in order; headings and the header span the page; with a page height every page but the
 * last is exactly one screen.
 */
import fc from 'fast-check';
import { COLUMN_GUTTER, setColumns, type Part } from '../src/layout/columns.js';
import { columnCount, resolveOptions, withDefaults, type Flags, type Surroundings } from '../src/options.js';
import { runMain } from './helpers.js';

const measure = (line: string) => line.length;

/** The columns read back: page by page, down the first column, then the next (blank lines dropped). */
function readBack(out: string, columns: number, width: number, pageHeight?: number): string[] {
  const rows = out.replace(/\n$/, '').split('\n');
  const read: string[] = [];
  const pages: string[][] = [];
  for (let at = 0; at < rows.length; at += pageHeight ?? rows.length) pages.push(rows.slice(at, at + (pageHeight ?? rows.length)));
  for (const page of pages) {
    // Rows come in stretches: a spanning line, or rows cut into columns at fixed offsets.
    let stretch: string[] = [];
    const flush = () => {
      for (let c = 0; c < columns; c++) {
        for (const row of stretch) {
          const cell = row.slice(c * (width + COLUMN_GUTTER), c * (width + COLUMN_GUTTER) + width).trimEnd();
          if (cell !== '') read.push(cell);
        }
      }
      stretch = [];
    };
    for (const row of page) {
      if (row.startsWith('#')) {
        flush();
        read.push(row);
      } else stretch.push(row);
    }
    flush();
  }
  return read;
}

// Lines already set to the measure (24): at most 8 + 8 + 8 columns.
const line = fc.stringMatching(/^[a-z]{1,8}( [a-z]{1,7}){0,2}$/);
const block = fc.array(line, { minLength: 1, maxLength: 8 }).map((lines) => lines.join('\n'));
const part: fc.Arbitrary<Part> = fc.oneof({ weight: 5, arbitrary: fc.tuple(block, fc.boolean()).map(([text, keep]) => ({ text, span: false, keep })) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 99 }).map((n) => ({ text: `# heading ${n}`, span: true })) });

describe('setColumns', () => {
  it('loses, adds and reorders no line, with pages or without', () => {
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 30 }), fc.integer({ min: 2, max: 4 }), fc.option(fc.integer({ min: 4, max: 30 }), { nil: undefined }), (parts, columns, pageHeight) => {
        const width = 24;
        const out = setColumns(parts, { columns, width, gutter: COLUMN_GUTTER, pageHeight, measure });
        const expected = parts.flatMap((p) => p.text.split('\n'));
        expect(readBack(out, columns, width, pageHeight)).toEqual(expected);
        for (const row of out.split('\n')) if (!row.startsWith('#')) expect(row.length).toBeLessThanOrEqual(columns * width + (columns - 1) * COLUMN_GUTTER);
      }),
      { numRuns: 500 },
    );
  });

  it('balances a stretch of text between headings when there is no page height', () => {
    const text = Array.from({ length: 9 }, (_, i) => `line ${i + 1}`).join('\n');
    const out = setColumns([{ text: '# head', span: true }, { text, span: false }], { columns: 3, width: 8, gutter: 2, measure });
    expect(out).toBe('# head\n\nline 1    line 4    line 7\nline 2    line 5    line 8\nline 3    line 6    line 9\n');
  });

  it('never starts a column with a blank line', () => {
    const out = setColumns([{ text: 'a\nb', span: false }, { text: 'c\nd', span: false }], { columns: 2, width: 4, gutter: 1, measure });
    // Four lines and a blank between the blocks: two columns of two, the blank dropped at the top of the second.
    expect(out).toBe('a    c\nb    d\n');
  });

  it('fills each page down then across, every page but the last one screen high', () => {
    const text = Array.from({ length: 25 }, (_, i) => `w${i + 1}`).join('\n');
    const out = setColumns([{ text, span: false }], { columns: 2, width: 4, gutter: 1, pageHeight: 10, measure });
    const rows = out.trimEnd().split('\n');
    expect(rows.slice(0, 10).map((r) => r.split(/\s+/))).toEqual(Array.from({ length: 10 }, (_, i) => [`w${i + 1}`, `w${i + 11}`]));
    // The rest (5 lines) balanced on the last page.
    expect(rows.slice(10)).toEqual(['w21  w24', 'w22  w25', 'w23']);
  });

  it('keeps a code block or table whole in one column where it fits one', () => {
    const parts: Part[] = [
      { text: 'p1\np2\np3', span: false },
      { text: 'c1\nc2\nc3\nc4', span: false, keep: true },
      { text: 'q1', span: false },
    ];
    // Balanced by lines alone, the second column would start inside the block; it starts with it.
    const out = setColumns(parts, { columns: 2, width: 4, gutter: 1, measure });
    expect(out).toBe('p1   c1\np2   c2\np3   c3\n     c4\n\n     q1\n'.replace(/ +\n/g, '\n'));
  });

  it('keeps a heading with the text below it: never alone at the foot of a page', () => {
    const before = Array.from({ length: 16 }, (_, i) => `a${i}`).join('\n');
    const after = Array.from({ length: 6 }, (_, i) => `b${i}`).join('\n');
    const out = setColumns([{ text: before, span: false }, { text: '# head', span: true }, { text: after, span: false }], { columns: 2, width: 4, gutter: 1, pageHeight: 10, measure });
    const rows = out.split('\n');
    expect(rows.indexOf('# head')).toBe(10);
  });
});

describe('--columns', () => {
  const tty: Surroundings = { stdoutIsTTY: true, columns: 160, rows: 40, env: { TERM: 'xterm-256color' } };
  const pipe: Surroundings = { stdoutIsTTY: false, env: {} };
  const resolve = (flags: Partial<Flags>, facts: Surroundings) => resolveOptions(withDefaults(flags), facts, {});

  it('auto: as many measures of 60 as the terminal holds, never in a pipe', () => {
    expect(columnCount('auto', 100, true)).toBe(1);
    expect(columnCount('auto', 160, true)).toBe(2);
    expect(columnCount('auto', 240, true)).toBe(3);
    expect(columnCount('auto', 240, false)).toBe(1);
  });

  it('divides the page among the columns, each at most 80 wide on a terminal, with a page height one line short of the screen', async () => {
    expect(await resolve({ columns: '2' }, tty)).toMatchObject({ columns: 2, width: 78, pageHeight: 39 });
    expect(await resolve({ columns: '2' }, { ...tty, columns: 300 })).toMatchObject({ columns: 2, width: 80 });
    expect(await resolve({ columns: 'auto' }, { ...tty, columns: 240 })).toMatchObject({ columns: 3, width: 77 });
  });

  it('sets balanced columns in a pipe only with an explicit count and width', async () => {
    expect(await resolve({ columns: '2', width: 160 }, pipe)).toMatchObject({ columns: 2, width: 78, pageHeight: undefined });
    expect(await resolve({ columns: '2' }, pipe)).toMatchObject({ columns: 1, width: 0 });
    expect(await resolve({ columns: 'auto', width: 160 }, pipe)).toMatchObject({ columns: 1, width: 160 });
  });

  it('never sets JSON, Markdown or the table of contents in columns', async () => {
    for (const flags of [{ format: 'json' as const }, { format: 'markdown' as const }, { toc: true }]) {
      expect((await resolve({ ...flags, columns: '2', width: 160 }, pipe)).columns).toBe(1);
    }
  });

  it('fits what a terminal holds, but refuses an explicit width too narrow or a count out of range', async () => {
    expect(await resolve({ columns: '4' }, { ...tty, columns: 60 })).toMatchObject({ columns: 2 });
    await expect(resolve({ columns: '4', width: 60 }, pipe)).rejects.toThrow('4 columns do not fit in 60');
    await expect(resolve({ columns: 'two' }, tty)).rejects.toThrow("columns must be auto or a whole number from 1 to 8, not 'two'");
    await expect(resolve({ columns: '0' }, tty)).rejects.toThrow('columns must be');
  });

  it('keeps every word of the article, in order, read down then across', async () => {
    const single = (await runMain(['-w', '78'])).stdout;
    const columns = (await runMain(['-w', '160', '--columns', '2'])).stdout;
    const words = (text: string) => text.split(/\s+/).filter((w) => w !== '' && !/^[━═─┄]+$/.test(w));
    const rows = columns.split('\n');
    // The header runs to its rule; after it, a heading is the row over a rule; between headings, two columns at fixed offsets.
    const isRule = (row: string | undefined) => row !== undefined && /^[━═─┄]+$/.test(row);
    const headerEnd = rows.findIndex((row) => /^─{40}$/.test(row));
    const read = rows.slice(0, headerEnd + 1);
    let stretch: string[] = [];
    const flush = () => {
      read.push(...stretch.map((row) => row.slice(0, 78)), ...stretch.map((row) => row.slice(82)));
      stretch = [];
    };
    for (let i = headerEnd + 1; i < rows.length; i++) {
      if (isRule(rows[i + 1])) {
        flush();
        read.push(rows[i]!, rows[++i]!);
      } else stretch.push(rows[i]!);
    }
    flush();
    expect(rows.some((row) => row.length > 100)).toBe(true);
    expect(words(read.join('\n'))).toEqual(words(single));
  });
});
