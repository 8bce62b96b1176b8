/**
 * Inline tokens -> one styled string. Every piece of document text passes through sanitize()
 * here, after entities are decoded, so `&#27;` cannot become a live escape. URLs are marked as
 * atoms for the line breaker (never broken where they fit); code spans keep their spaces.
 */
import type { Token } from 'marked';
import { plainInline, textOf } from '../../document/words.js';
import { osc8 } from '../../layout/ansi.js';
import { atom, keepSpaces } from '../../layout/styled.js';
import { hasUnsafe, sanitize, sanitizeLine } from '../../sanitize.js';
import type { TerminalContext } from './context.js';
import { hyperlinkTarget } from './links.js';
import { footnoteNumber, linkNumber, superscript } from './notes.js';
import { smarten } from '../smart.js';

/** The styles an inline span can nest. */
type Emphasis = 'strong' | 'em' | 'del';

/** Where a token sits: inside which styles, inside a link or not, in a table cell or not. */
export interface Within {
  styles: ReadonlySet<Emphasis>;
  link: boolean;
  /** In a table, link targets are listed under the table: a URL would take a column over. */
  table?: string[];
}

export const TOP: Within = { styles: new Set(), link: false };

export function renderInline(tokens: readonly Token[] | undefined, ctx: TerminalContext, within: Within = TOP): string {
  if (!tokens) return '';
  let out = '';
  for (const token of tokens) out += renderToken(token, ctx, within);
  return out;
}

/**
 * A style is applied once, by the outermost span that asks for it: chalk re-opens a style after
 * every nested close of the same style, so `*a *a … b… a* a*` nested a thousand deep would grow
 * quadratically in escape codes for no visible difference.
 */
function emphasis(kind: Emphasis, token: Token, ctx: TerminalContext, within: Within): string {
  const children = 'tokens' in token ? (token.tokens as Token[]) : [];
  if (within.styles.has(kind)) return renderInline(children, ctx, within);
  return ctx.theme[kind](renderInline(children, ctx, { ...within, styles: new Set([...within.styles, kind]) }));
}

function renderToken(token: Token, ctx: TerminalContext, within: Within): string {
  const { theme } = ctx;
  switch (token.type) {
    case 'text':
      return 'tokens' in token && token.tokens ? renderInline(token.tokens, ctx, within) : prose(softBreaks(sanitize(token.text)), ctx);
    case 'escape':
      // A backslash-escaped character is literal: never made curly.
      return literal(sanitize(token.text), ctx);
    case 'strong':
    case 'em':
    case 'del':
      return emphasis(token.type, token, ctx, within);
    case 'codespan':
      return keepSpaces(theme.code(literal(sanitizeLine(token.text), ctx)));
    case 'br':
      return '\n';
    case 'link':
      return renderLink(token.tokens ?? [], token.href, ctx, within);
    case 'image':
      // The picture's alt text, marked; its file is not something to follow, so not shown.
      return image(token.text, ctx);
    case 'checkbox':
      return checkbox(token.checked, ctx);
    case 'emoji':
      return literal(token.text, ctx);
    case 'footnoteReference':
      return theme.mark(superscript(footnoteNumber(ctx, token.label)));
    case 'htmlStyle':
      return htmlStyle(token.kind, renderInline(token.tokens as Token[], ctx, within), ctx);
    case 'html':
      // A tag left unpaired, or a comment: markup, not text.
      return '';
    default:
      if ('tokens' in token && Array.isArray(token.tokens)) return renderInline(token.tokens, ctx, within);
      return prose(softBreaks(sanitize(textOf(token))), ctx);
  }
}

/** Text a reader reads: typographic punctuation (unless --no-smart), by what came before it. */
function prose(text: string, ctx: TerminalContext): string {
  const out = ctx.smart ? smarten(text, ctx.lastChar) : text;
  if (out !== '') ctx.lastChar = out[out.length - 1]!;
  return out;
}

/** Text printed as it is (code, escapes, emoji), remembered as what a quote after it follows. */
function literal(text: string, ctx: TerminalContext): string {
  if (text !== '') ctx.lastChar = text[text.length - 1]!;
  return text;
}

function softBreaks(text: string): string {
  return text.includes('\n') ? text.replace(/[ \t]*\n[ \t]*/g, ' ') : text;
}

export function image(alt: string, ctx: TerminalContext): string {
  const text = prose(sanitizeLine(alt).trim(), ctx);
  // Kept on one line where it fits, like a URL: a mark broken in two reads as two.
  return ctx.theme.mark(atom(text ? `[image: ${text}]` : '[image]'));
}

/** A task list's box: ☐/☑ in ansi; text keeps `[ ]`/`[x]`, which grep and people both read. */
export function checkbox(checked: boolean, ctx: TerminalContext): string {
  if (!ctx.theme.ansi) return checked ? '[x] ' : '[ ] ';
  return `${checked ? ctx.theme.mark('☑') : '☐'} `;
}

function htmlStyle(kind: string, content: string, ctx: TerminalContext): string {
  switch (kind) {
    case 'kbd':
      return ctx.theme.code(content);
    case 'mark':
    case 'u':
    case 'ins':
      return ctx.theme.em(content);
    default:
      return content;
  }
}

/**
 * A link never hides its destination: when the text differs from the target, the target is shown
 * after it in parentheses or as a numbered footnote. An in-page link (`#styles`) shows the number
 * of the section it leads to (`§2.1`, which --section accepts), or nothing when there is none.
 * OSC 8 makes it clickable only where the target is exactly the URL shown (hyperlinkTarget), and
 * never inside another link.
 */
function renderLink(tokens: Token[], href: string, ctx: TerminalContext, within: Within): string {
  const label = renderInline(tokens, ctx, { ...within, link: true });
  const plainLabel = plainInline(tokens);
  const shown = sanitizeLine(href).trim();
  if (shown.startsWith('#')) {
    const number = ctx.sectionNumber(decodeAnchor(shown.slice(1)));
    return number ? `${label} ${ctx.theme.url(`(§${number})`)}` : label;
  }
  const target = ctx.hyperlinks && !within.link && !hasUnsafe(href) ? hyperlinkTarget(shown) : undefined;
  if (!shown) return label;
  // A label that is the URL itself (an autolink) is kept whole like any URL.
  const same = sameTarget(plainLabel, shown);
  const clickable = target ? osc8(same ? atom(label) : label, target) : same ? atom(label) : label;
  if (same) return clickable;
  // `--links hidden`: the target is a hover away, when the link is clickable; else shown as usual.
  if (ctx.links === 'hidden' && target) return clickable;
  if (ctx.links === 'footnotes' || within.table) return `${clickable}${ctx.theme.mark(`[${linkNumber(ctx, shown, within.table)}]`)}`;
  const url = ctx.theme.url(`(${atom(shown)})`);
  return `${clickable} ${target ? osc8(url, target) : url}`;
}

function decodeAnchor(anchor: string): string {
  try {
    return decodeURIComponent(anchor).toLowerCase();
  } catch {
    return anchor.toLowerCase();
  }
}

function sameTarget(label: string, href: string): boolean {
  const strip = (s: string) => s.replace(/^mailto:/i, '').replace(/^https?:\/\//i, '').replace(/\/$/, '');
  return label !== '' && strip(label) === strip(href);
}
