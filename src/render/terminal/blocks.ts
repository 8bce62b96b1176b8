/**
 * Block tokens -> lines. Each container (list item, quote) renders its children at its own
 * width minus its indent, so every line fits the width at any depth. Replaces marked-terminal's
 * block renderers, which leave inline markup raw in tight list items, never wrap lists, measure
 * UTF-16 units instead of columns, print `#` prefixes and leak table colours into pipes.
 */
import type { Token, Tokens } from 'marked';
import type { Alert } from '../../document/transform.js';
import { indent, maxOf } from '../../layout/layout.js';
import { sanitize } from '../../sanitize.js';
import { renderCode } from './code.js';
import { MIN_INNER, type TerminalContext } from './context.js';
import { checkbox, renderInline } from './inline.js';
import { renderTable } from './table.js';

/** A rule (`---`) is this wide at most. */
const RULE_WIDTH = 40;

/** Appends to `out` (never spread: a document can have hundreds of thousands of blocks). */
export function renderBlocks(tokens: readonly Token[], width: number, ctx: TerminalContext, depth = 0, out: string[] = []): string[] {
  for (const token of tokens) {
    const block = renderBlock(token, width, ctx, depth);
    if (block !== '') out.push(block);
  }
  return out;
}

function renderBlock(token: Token, width: number, ctx: TerminalContext, depth: number): string {
  const { layout, theme } = ctx;
  // Quotes open at the start of every block.
  ctx.lastChar = '';
  switch (token.type) {
    case 'space':
    case 'def':
      return '';
    case 'heading':
      return renderHeading(renderInline(token.tokens, ctx), token.depth, width, ctx);
    case 'paragraph':
    case 'text':
      return blankLinesOnce(layout.wrap(renderInline('tokens' in token && token.tokens ? token.tokens : [{ type: 'text', raw: token.text, text: token.text }], ctx), width));
    case 'hr':
      return theme.border(theme.rule.repeat(width > 0 ? Math.min(width, RULE_WIDTH) : RULE_WIDTH));
    case 'code':
      return renderCode(token as Tokens.Code, width, ctx);
    case 'blockquote':
      return renderQuote(token as Tokens.Blockquote, width, ctx, depth);
    case 'list':
      return renderList(token as Tokens.List, width, ctx, depth);
    case 'table':
      return renderTable(token as Tokens.Table, width, ctx);
    case 'html':
      // Only when no HTML parser was loaded (the library without decoders): shown as it is, dimmed.
      return theme.html(layout.wrap(sanitize(token.text).replace(/\n+$/, ''), width));
    case 'checkbox':
      return checkbox((token as Tokens.Checkbox).checked, ctx).trimEnd();
    case 'footnoteDefinition':
      // Shown in the notes, where it is referenced.
      return '';
    case 'blocks':
      return renderBlocks(token.tokens as Token[], width, ctx, depth).join('\n\n');
    case 'htmlHeading':
      return centerIf((token as unknown as { align?: string }).align === 'center', renderHeading(renderInline(token.tokens as Token[], ctx), (token as unknown as { depth: number }).depth, width, ctx), width, ctx);
    case 'htmlCentered':
      return centerIf(true, renderBlocks(token.tokens as Token[], width, ctx, depth).join('\n\n'), width, ctx);
    case 'htmlDetails': {
      const summary = renderInline((token as unknown as { summary: Token[] }).summary, ctx);
      const head = layout.wrap(`${theme.strong('▸')} ${theme.strong(summary)}`, width);
      return [head, ...renderBlocks(token.tokens as Token[], width, ctx, depth)].join('\n\n');
    }
    case 'alert':
      return renderAlert(token as unknown as Alert, width, ctx, depth);
    default:
      return 'tokens' in token && Array.isArray(token.tokens)
        ? renderBlocks(token.tokens, width, ctx, depth).join('\n\n')
        : layout.wrap(sanitize(typeof token.raw === 'string' ? token.raw.trim() : ''), width);
  }
}

export function renderHeading(styled: string, level: number, width: number, ctx: TerminalContext): string {
  // A heading is a line or two: line breaks inside it (`<br>` in a README's centred title) never leave blank lines.
  const text = ctx.layout.wrap(styled, width).replace(/\n(?:[ \t]*\n)+/g, '\n').replace(/^\n+|\n+$/g, '');
  const ruleChar = ctx.theme.headingRule(level);
  const painted = text
    .split('\n')
    .map((line) => ctx.theme.heading(line, level))
    .join('\n');
  return ruleChar ? ctx.layout.underline(painted, ruleChar, width, ctx.theme.rules) : painted;
}

/**
 * Line breaks (`<br><br><br>` in a README's HTML) leave at most one blank line inside a paragraph,
 * and none at its ends: blocks stay one blank line apart.
 */
function blankLinesOnce(text: string): string {
  return text.includes('\n\n') || text.startsWith('\n') || text.endsWith('\n') ? text.replace(/\n(?:[ \t]*\n)+/g, '\n\n').replace(/^\n+|\n+$/g, '') : text;
}

/** Each line in the middle of the measure (`align="center"`); as it is without a width. */
function centerIf(center: boolean, text: string, width: number, ctx: TerminalContext): string {
  if (!center || width <= 0) return text;
  return text
    .split('\n')
    .map((line) => {
      const gap = Math.floor((width - ctx.layout.columns(line)) / 2);
      return gap > 0 && line !== '' ? ' '.repeat(gap) + line : line;
    })
    .join('\n');
}

const ALERT_LABELS: Record<Alert['variant'], string> = { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' };

/** A GitHub alert: its label on the first line, its text below, behind a bar in the alert's colour. */
function renderAlert(alert: Alert, width: number, ctx: TerminalContext, depth: number): string {
  const { theme } = ctx;
  const narrow = width > 0 && width - 2 < MIN_INNER;
  const label = theme.alert(alert.variant, ALERT_LABELS[alert.variant]);
  const body = [label, ...renderBlocks(alert.tokens, narrow ? width : width > 0 ? width - 2 : 0, ctx, depth)].join('\n\n');
  return narrow ? body : indent(body, `${theme.alertBar(alert.variant)} `);
}

function renderQuote(token: Tokens.Blockquote, width: number, ctx: TerminalContext, depth: number): string {
  const narrow = width > 0 && width - 2 < MIN_INNER;
  const inner = renderBlocks(token.tokens, narrow ? width : width > 0 ? width - 2 : 0, ctx, depth).join('\n\n');
  if (narrow) return inner;
  return indent(inner, `${ctx.theme.quoteBar} `);
}

function renderList(token: Tokens.List, width: number, ctx: TerminalContext, depth: number): string {
  const { layout } = ctx;
  const start = token.ordered && typeof token.start === 'number' ? token.start : 1;
  const bullet = ctx.theme.bullets[depth % ctx.theme.bullets.length]!;
  const items = token.items.map((item, i) => {
    const marker = token.ordered ? `${start + i}.` : bullet;
    let tokens = item.tokens;
    // A tight task item starts with a bare checkbox token: fold it into the first line of text.
    const first = tokens[1];
    if (tokens[0]?.type === 'checkbox' && first && (first.type === 'text' || first.type === 'paragraph')) {
      const box: Token = { type: 'checkbox', raw: '', checked: (tokens[0] as Tokens.Checkbox).checked } as Token;
      tokens = [{ ...first, tokens: [box, ...(('tokens' in first && first.tokens) || [])] } as Token, ...tokens.slice(2)];
    }
    return { marker, tokens };
  });
  // One hanging indent for the whole list, so item texts line up.
  const hang = maxOf(items.map(({ marker }) => layout.columns(marker))) + 1;
  const narrow = width > 0 && width - hang < MIN_INNER;
  const innerWidth = narrow ? width : width > 0 ? width - hang : 0;
  return items
    .map(({ marker, tokens }) => {
      const content = renderBlocks(tokens, innerWidth, ctx, depth + 1).join(token.loose ? '\n\n' : '\n');
      if (content === '') return marker;
      if (narrow) return `${marker}\n${content}`;
      return indent(content, layout.pad(marker, hang, 'left'), ' '.repeat(hang));
    })
    .join(token.loose ? '\n\n' : '\n');
}
