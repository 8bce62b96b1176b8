/** Code blocks: indented, tabs expanded, highlighted in ansi when the kit has a highlighter. */
import type { Tokens } from 'marked';
import { fenceLanguage } from '../../document/parse.js';
import { sanitize } from '../../sanitize.js';
import { MIN_INNER, type TerminalContext } from './context.js';

/** Code is set in from the text by this many columns (none on very narrow screens). */
const CODE_MARGIN = 4;

export function renderCode(token: Tokens.Code, width: number, ctx: TerminalContext): string {
  const { layout } = ctx;
  const margin = width > 0 && width < 2 * MIN_INNER ? 0 : CODE_MARGIN;
  const inner = width > 0 ? width - margin : 0;
  // Tabs become spaces before highlighting, so styles never sit between a tab and its column.
  const source = sanitize(token.text.replace(/\n+$/, ''))
    .split('\n')
    .map((line) => layout.expandTabs(line))
    .join('\n');
  const lang = sanitize(fenceLanguage(token));
  const highlighted = ctx.highlight && lang ? ctx.highlight(source, lang) : undefined;
  const lines = highlighted ? highlighted.split('\n') : source.split('\n').map((line) => (line === '' ? line : ctx.theme.codeBlock(line)));
  const out: string[] = [];
  for (const line of lines) {
    // Lines wider than the column continue on the next row, marked; width 0 keeps them whole.
    for (const row of (inner > 0 ? layout.wrapCode(line, inner, ctx.theme.border) : line).split('\n')) {
      out.push(layout.columns(row.trim()) === 0 ? '' : ' '.repeat(margin) + row);
    }
  }
  return out.join('\n');
}
