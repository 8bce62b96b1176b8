import { parseDocument } from '../src/document/tree.js';
import fc from 'fast-check';
import { blockPieces, renderTerminal, type TerminalOptions } from '../src/render/terminal/index.js';
import { distribute, isBareCell, longestWord } from '../src/render/terminal/table.js';
import { OWN_ESCAPES, SPACE_AND_ESCAPE_TAIL, stripEscapes } from '../src/layout/ansi.js';
import { isSimple } from '../src/layout/measure.js';
import { stripMarkers } from '../src/layout/styled.js';
import { Layout, endsInSpace, trimLines } from '../src/layout/layout.js';
import { unicodeLayout } from '../src/layout/unicode.js';
import { fixture, stripOwnEscapes } from './helpers.js';
import { ansiFull, plainFull } from './kits.js';
import { widestLine } from './measure.js';

const text = (md: string, width = 0, extra: Partial<TerminalOptions> = {}) =>
  renderTerminal(parseDocument(md), { width, hyperlinks: false, links: 'inline', ...extra }, plainFull);
const ansi = (md: string, width = 0, extra: Partial<TerminalOptions> = {}) =>
  renderTerminal(parseDocument(md), { width, hyperlinks: false, links: 'inline', ...extra }, ansiFull);

describe('text rendering', () => {
  it('joins soft breaks so a paragraph is one line without a width', () => {
    expect(text('one\ntwo\nthree\n')).toBe('one two three\n');
  });

  it('separates blocks by exactly one blank line and ends without one', () => {
    expect(text('a\n\n\n\nb\n\n\n')).toBe('a\n\nb\n');
  });

  it('renders inline markup in tight list items (marked-terminal prints it raw)', () => {
    expect(text('- **bold** and *em* and `code`\n- two\n')).toBe('• bold and em and code\n• two\n');
  });

  it('wraps list items with a hanging indent (marked-terminal never wraps lists)', () => {
    expect(text('- alpha beta gamma delta epsilon\n', 16)).toBe('• alpha beta\n  gamma delta\n  epsilon\n');
    // Broken for the whole item: no widow ('of' alone) on its last line.
    expect(text('- one more item of the list to set, set apart from all of it\n', 24)).toBe('• one more item of the\n  list to set, set apart\n  from all of it\n');
    expect(text('1. alpha beta gamma delta\n', 14)).toBe('1. alpha beta\n   gamma delta\n');
  });

  it('indents nested lists and quotes within the width', () => {
    const out = text('- a\n  - b b b b b b b b b b b b b\n\n> quote quote quote quote quote\n', 16);
    expect(out).toBe('• a\n  ◦ b b b b b b\n    b b b b b\n    b b\n\n> quote quote\n> quote\n> quote quote\n');
  });

  it('measures CJK and emoji in columns, not UTF-16 units', () => {
    const out = text('中文字符的宽度是两列这一段必须按照显示宽度来换行 😀😀😀😀\n', 20);
    expect(widestLine(out)).toBeLessThanOrEqual(20);
    expect(out.split('\n')[0]).toBe('中文字符的宽度是两列');
  });

  it('breaks words longer than the width', () => {
    expect(text('abcdefghijklmnopqrstuvwxyz\n', 10)).toBe('abcdefghij\nklmnopqrst\nuvwxyz\n');
  });

  it('prints headings without # prefixes, underlined in plain text', () => {
    // More space above a heading than below; a rule for each of the first levels, heavier the higher.
    expect(text('intro\n\n## Section\n\n### Sub\n\n#### Four\n')).toBe('intro\n\n\nSection\n───────\n\n\nSub\n┄┄┄\n\n\nFour\n');
    expect(text('# One\n\ntext\n\n# Two\n')).toBe('One\n═══\n\ntext\n\n\nTwo\n═══\n');
  });

  it('leaves emoji shortcodes alone (marked-terminal pads them with spaces)', () => {
    expect(text('Ship it :rocket: now\n')).toBe('Ship it :rocket: now\n');
  });

  it('never hides a link target', () => {
    expect(text('[text](https://x.test/a)\n')).toBe('text (https://x.test/a)\n');
    expect(text('<https://x.test/a>\n')).toBe('https://x.test/a\n');
  });

  it('lists link targets as numbered footnotes, whole where they fit, cut under their number where they cannot', () => {
    const long = 'https://example.com/a/really/long/path/that/is/wider/than/the/width';
    const out = text(`See [one](${long}) and [two](https://x.test/fits-in-26) and [one again](${long}).\n`, 30, { links: 'footnotes' });
    expect(out).toBe('See one[1] and two[2] and\none again[1].\n\n[1] https://example.com/a/real\n    ly/long/path/that/is/wider\n    /than/the/width\n[2] https://x.test/fits-in-26\n');
  });

  it('puts footnotes after each selected section, numbered from 1', () => {
    const doc = parseDocument('## A\n\n[a](https://a.test)\n\n## B\n\n[b](https://b.test)\n');
    const out = renderTerminal(doc, { width: 0, hyperlinks: false, links: 'footnotes' }, plainFull, doc.sections);
    expect(out).toBe('A\n─\n\na[1]\n\n[1] https://a.test\n\n\nB\n─\n\nb[1]\n\n[1] https://b.test\n');
  });

  it('renders tables in columns with no escape codes in plain text (cli-table3 leaks colour)', () => {
    const out = text('| a | b |\n|---|--:|\n| x | 10 |\n');
    expect(out).toBe('┌───┬────┐\n│ a │  b │\n├───┼────┤\n│ x │ 10 │\n└───┴────┘\n');
  });

  it('fits wide tables to the width by wrapping cells, or falls back to records', () => {
    const md = '| name | notes |\n|---|---|\n| alpha | a much longer note that must wrap |\n';
    expect(widestLine(text(md, 30))).toBeLessThanOrEqual(30);
    expect(text('| a | b | c | d |\n|---|---|---|---|\n| 1 | 2 | 3 | 4 |\n', 12)).toBe('a: 1\nb: 2\nc: 3\nd: 4\n');
  });

  it('continues code lines wider than the width on the next row, marked, and expands tabs', () => {
    expect(text('```\n\tx = 1234567890123\n```\n', 24)).toBe('        x = 12345678901↩\n    23\n');
    expect(text('```\nabcdefghijklmnop\n```\n', 12)).toBe('abcdefghijk↩\nlmnop\n');
    expect(text('```\nabcdefghijklmnop\n```\n', 0)).toBe('    abcdefghijklmnop\n');
  });

  it('never leaves trailing spaces, even in the kitchen sink', () => {
    for (const width of [0, 20, 40, 80]) {
      const out = text(fixture('kitchen-sink.md'), width);
      expect(out).not.toMatch(/[ \t]$/m);
      if (width > 0) expect(widestLine(out)).toBeLessThanOrEqual(width);
      // Two blank lines only above a heading (a line over its rule); one everywhere else.
      expect(out).not.toMatch(/\n\n\n\n/);
      for (const match of out.matchAll(/\n\n\n/g)) expect(out.slice(match.index + 3)).toMatch(/^(?:[^\n]+\n){1,4}[━═─┄]+\n/);
    }
  });

  it('shows the article header: title, standfirst, caption with credit, words and reading time', () => {
    const md = '---\ntitle: T\nstandfirst: S\ncaption: C.\ncredit: P\n---\n\nOne two three.\n';
    // The header is set apart from the text by a rule.
    expect(text(md)).toBe(`T\n━\n\nS\n\nC. (Photo: P)\n\n3 words · < 1 min read\n\n${'─'.repeat(40)}\n\nOne two three.\n`);
  });
});

describe('ansi rendering', () => {
  it('styles and still has the same text once escapes are removed', () => {
    const md = fixture('kitchen-sink.md');
    const styled = ansi(md, 60);
    expect(styled).toMatch(/\u001B\[1m/);
    expect(widestLine(styled)).toBeLessThanOrEqual(60);
    expect(styled).not.toMatch(/[ \t](?:\u001B\[[0-9;]*m)*$/m);
  });

  it('keeps each OSC 8 hyperlink whole on every wrapped line', () => {
    const out = ansi('[a link text that wraps over lines](https://x.test/a)\n', 12, { hyperlinks: true });
    for (const line of out.split('\n').filter((l) => l.includes('\u001B]8;;'))) {
      const opens = line.match(/\u001B\]8;;[^\u001B\u0007]+(?:\u001B\\|\u0007)/g)?.length ?? 0;
      const closes = line.match(/\u001B\]8;;(?:\u001B\\|\u0007)/g)?.length ?? 0;
      expect(opens).toBe(closes);
    }
    expect(stripOwnEscapes(out)).toBe('a link text\nthat wraps\nover lines\n(https://x.t\nest/a)\n');
  });

  it('makes hyperlinks only for http, https and mailto targets', () => {
    expect(ansi('[x](javascript:alert(1))\n', 0, { hyperlinks: true })).not.toContain('\u001B]8');
    expect(ansi('[x](mailto:a@b.test)\n', 0, { hyperlinks: true })).toContain('\u001B]8;;mailto:a@b.test\u001B\\');
  });
});

describe('trailing spaces', () => {
  it('are trimmed even when style codes sit between them', () => {
    expect(trimLines('a  \u001B[2m  \u001B[22m\n    \u001B[2m\u001B[22m\nb')).toBe('a\u001B[2m\u001B[22m\n\u001B[2m\u001B[22m\nb');
  });

  it('are trimmed exactly where a tail of spaces and our codes has a space, read back from each line end', () => {
    // The rule as regular expressions, a line at a time: in the tail of spaces and codes at its
    // end, the spaces outside codes go.
    const code = new RegExp(OWN_ESCAPES.source);
    const reference = (text: string) =>
      text
        .split('\n')
        .map((line) => line.replace(SPACE_AND_ESCAPE_TAIL, (tail) => tail.split(new RegExp(`(${OWN_ESCAPES.source})`)).map((part) => (code.test(part) ? part : part.replace(/[ \t]/g, ''))).join('')))
        .join('\n');
    // Pieces of codes too, so that broken and stray ones meet the backward reading.
    const piece = fc.constantFrom(' ', '\t', '\n', 'a', 'm', '[', ']', ';', '1', '\\', '\u0007', '\u001B', '\u001B[', '\u001B[1m', '\u001B[38;5;2m', '\u001B[m', '\u001B]8;;', '\u001B]8;;https://a.test/x\u001B\\', '\u001B]8;id=1;x\u0007', '\u001B]8;;\u001B\\', ']8;;x\u0007');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const text = pieces.join('');
        expect(trimLines(text)).toBe(reference(text));
      }),
      { numRuns: Number(process.env.BROADSHEET_PROPERTY_RUNS ?? 20000) },
    );
  });

  it('are found by reading a line back from its end over our codes, each whole', () => {
    const cases: [string, boolean][] = [
      ['a ', true],
      ['a\t', true],
      ['a', false],
      ['', false],
      ['a \u001B[0m', true],
      ['a\u001B[0m', false],
      ['a \u001B[1m\u001B]8;;https://a.test/\u001B\\\u001B[22m', true],
      ['a \u001B]8;;x\u0007', true],
      // A space inside a code is the code's; text that only looks like the end of one is text.
      ['a\u001B]8;;x y\u0007', false],
      ['a [1m', false],
      ['a ]8;;x\u0007', false],
      ['a \u001B[1;xm', false],
    ];
    for (const [line, ends] of cases) expect([line, endsInSpace(line, 0, line.length)]).toEqual([line, ends]);
    // Only text[from, to) is read.
    expect(endsInSpace('a b', 0, 2)).toBe(true);
    expect(endsInSpace('a \u001B[0mb', 2, 6)).toBe(false);
  });

  it('are trimmed block by block as in the whole text, which is never joined into one string', () => {
    // The text as one string: blocks one blank line apart, no newline before the first, no line
    // ending in spaces, a final newline unless empty.
    const whole = (blocks: string[]) => {
      const body = blocks.filter((block) => block !== '').join('\n\n').replace(/^\n+/, '');
      return body === '' ? '' : `${trimLines(body)}\n`;
    };
    const block = fc.array(fc.constantFrom('a', ' ', '\t', '\n', '\u001B[1m', '\u001B[22m'), { maxLength: 8 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.array(block, { maxLength: 6 }), (blocks) => {
        expect(blockPieces(blocks).join('')).toBe(whole(blocks));
      }),
      { numRuns: 5000 },
    );
  });

  it('never end a highlighted code line cut inside a styled run', () => {
    const code = `\`\`\`ts\nconst A = Type.Extends(       // type A = string extends number ? 1 : 2\n\`\`\`\n`;
    for (const width of [20, 33, 40, 60]) expect(ansi(code, width)).not.toMatch(/[ \t](?:\u001B\[[0-9;]*m)*$/m);
  });
});

describe('code highlighting (highlight.js, ansi only)', () => {
  it('colours a fenced block with a known language even though chalk\'s global level is 0 here', () => {
    const out = ansi('```js\nconst x = 42;\n```\n');
    // The dark palette's keyword and number colours (theme/palette.ts), at 16 colours (TERM unset).
    expect(out).toBe('    \u001B[94mconst\u001B[39m x = \u001B[95m42\u001B[39m;\n');
  });

  it('leaves unknown languages and plain text alone', () => {
    expect(ansi('```nosuchlanguage\nx\n```\n')).toBe('    \u001B[33mx\u001B[39m\n');
    expect(text('```js\nconst x = 42;\n```\n')).toBe('    const x = 42;\n');
  });
});

describe('table columns', () => {
  it('keep their natural widths when they fit', () => {
    expect(distribute([3, 4], [3, 4], 40)).toEqual([3, 4]);
  });

  it('measure a cell\'s longest word as splitting it at whitespace does', () => {
    const layout = new Layout(unicodeLayout);
    const bySplit = (cell: string) => Math.max(0, ...cell.split(/\s+/).map((word) => layout.columns(word)));
    const cell = fc.array(fc.constantFrom('a', 'bb', 'ccc', ' ', ' ', '  ', '\u00A0', 'é', '—', '’', '中文', '😀', '\t', 'x\u0301'), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(cell, (text) => {
        expect(longestWord(text, layout)).toBe(bySplit(text));
      }),
      { numRuns: Number(process.env.BROADSHEET_PROPERTY_RUNS ?? 2000) },
    );
  });

  it('take a bare cell (printable ASCII, single spaces, none at its ends) as it is, as the layout would give it back', () => {
    const fast = new Layout();
    const full = new Layout(unicodeLayout);
    const cell = fc.array(fc.constantFrom('a', 'Zz', '9', ' ', '  ', '-', '`', '\u00A0', 'é', '\u2126', '中', '\u0002', '\u0004', '\u001B[1m', '\t', '\n'), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(cell, (text) => {
        if (!isBareCell(text)) return;
        for (const layout of [fast, full]) {
          expect(layout.wrap(text, 0)).toBe(text);
          expect(layout.widest(text)).toBe(text.length);
        }
        expect(stripMarkers(stripEscapes(text))).toBe(text);
        expect(isSimple(text)).toBe(true);
      }),
      { numRuns: Number(process.env.BROADSHEET_PROPERTY_RUNS ?? 2000) },
    );
    // What is not bare goes the long way: runs of spaces, spaces at an end, markers, codes, NFC changes (the ohm sign).
    for (const text of ['a  b', ' a', 'a ', 'a\u0004b', '\u001B[1ma', 'é', '\u2126', 'a\tb']) expect(isBareCell(text)).toBe(false);
    expect(isBareCell('a b-c `d`')).toBe(true);
  });

  it('keep at least their longest word and share the rest by the text left to fit', () => {
    const widths = distribute([3, 40, 50], [3, 8, 6], 40);
    expect(widths.reduce((a, b) => a + b)).toBe(40);
    expect(widths[0]).toBe(3);
    expect(widths[1]).toBeGreaterThanOrEqual(8);
    expect(widths[2]).toBeGreaterThan(widths[1]!);
  });

  it('close right under the header when there is no body (a GFM header alone, an HTML table of one row)', () => {
    expect(text('| a | b |\n|---|---|\n', 40)).toBe('┌───┬───┐\n│ a │ b │\n└───┴───┘\n');
  });

  it('leave a nearly empty column narrow while a wide one wraps', () => {
    const out = text('| id | description |\n|---|---|\n| 1 | a long description that will need to wrap over several lines in a narrow table |\n| 2 | short |\n', 40);
    expect(out.split('\n')[0]).toBe('┌────┬─────────────────────────────────┐');
    expect(widestLine(out)).toBe(40);
    // Rows of several lines are ruled apart.
    expect(out.split('\n').filter((line) => line.startsWith('├'))).toHaveLength(2);
  });

  it('set a cell that fits as the breaker would: runs of spaces collapsed, code spans kept, the header bold', () => {
    // Most cells fit their column and skip the breaker; these ones must not.
    const md = '| a | b |\n|---|---|\n| two  spaces | `x  y` |\n| é\u0301 | plain |\n';
    expect(text(md, 40)).toBe(['┌────────────┬───────┐', '│ a          │ b     │', '├────────────┼───────┤', '│ two spaces │ x  y  │', '│ é́          │ plain │', '└────────────┴───────┘', ''].join('\n'));
    const header = ansi(md, 40).split('\n')[1]!;
    expect(header).toContain('\u001B[1ma\u001B[22m');
    expect(header).toContain('\u001B[1mb\u001B[22m');
  });

  it('list link targets under the table instead of inside a cell', () => {
    const out = text('| name | link |\n|---|---|\n| a | [docs](https://example.com/a/doc) |\n', 40);
    expect(out).toContain('│ a    │ docs[1] │');
    expect(out).toContain('\n\n[1] https://example.com/a/doc\n');
  });
});
