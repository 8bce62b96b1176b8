/** Code blocks: indented, tabs expanded, highlighted in ansi when the kit has a highlighter. */
import type { Tokens } from 'marked';
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
  const lang = sanitize((token.lang ?? '').split(/\s/)[0] ?? '');
  const highlighted = ctx.highlight && lang ? ctx.highlight(source, lang) : undefined;
  const lines = (highlighted ?? source).split('\n');
  const out: string[] = [];
  for (const line of lines) {
    for (const piece of layout.chop(line, inner).split('\n')) {
      const body = highlighted ? piece : ctx.theme.codeBlock(piece);
      out.push(layout.columns(piece.trim()) === 0 ? '' : ' '.repeat(margin) + body);
    }
  }
  return out.join('\n');
}
