/**
 * Inline tokens -> one styled string. Every piece of document text passes through sanitize()
 * here, after marked has decoded entities, so `&#27;` cannot become a live escape.
 */
import type { Token } from 'marked';
import { plainInline, textOf } from '../../document/words.js';
import { osc8 } from '../../layout/ansi.js';
import { REPLACEMENT, hasUnsafe, sanitize, sanitizeLine } from '../../sanitize.js';
import type { TerminalContext } from './context.js';

/** The styles an inline span can nest. */
type Emphasis = 'strong' | 'em' | 'del';

/** Where a token sits: inside which styles, inside a link or not. */
interface Within {
  styles: ReadonlySet<Emphasis>;
  link: boolean;
}

const TOP: Within = { styles: new Set(), link: false };

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
      return 'tokens' in token && token.tokens ? renderInline(token.tokens, ctx, within) : softBreaks(sanitize(token.text));
    case 'escape':
      return sanitize(token.text);
    case 'strong':
    case 'em':
    case 'del':
      return emphasis(token.type, token, ctx, within);
    case 'codespan':
      return theme.code(sanitizeLine(token.text));
    case 'br':
      return '\n';
    case 'link':
      return renderLink(renderInline(token.tokens, ctx, { ...within, link: true }), plainInline(token.tokens), token.href, ctx, within);
    case 'image': {
      const alt = sanitizeLine(token.text);
      return renderLink(theme.mark(alt ? `[image: ${alt}]` : '[image]'), '', token.href, ctx, within);
    }
    case 'checkbox':
      return token.checked ? '[x] ' : '[ ] ';
    case 'html':
      // Inline tags are markup, not text; what they enclose arrives as text tokens of its own.
      return '';
    default:
      if ('tokens' in token && Array.isArray(token.tokens)) return renderInline(token.tokens, ctx, within);
      return softBreaks(sanitize(textOf(token)));
  }
}

function softBreaks(text: string): string {
  return text.includes('\n') ? text.replace(/[ \t]*\n[ \t]*/g, ' ') : text;
}

/**
 * A link never hides its destination: when the text differs from the target, the target is shown
 * after it in parentheses or as a numbered footnote. OSC 8 makes it clickable only where the
 * target is exactly the URL shown (hyperlinkTarget), and never inside another link.
 */
function renderLink(label: string, plainLabel: string, href: string, ctx: TerminalContext, within: Within): string {
  const shown = sanitizeLine(href).trim();
  const target = ctx.hyperlinks && !within.link && !hasUnsafe(href) ? hyperlinkTarget(shown) : undefined;
  const clickable = target ? osc8(label, target) : label;
  if (!shown || sameTarget(plainLabel, shown)) return clickable;
  if (ctx.links === 'footnotes') return `${clickable}${ctx.theme.mark(`[${noteNumber(ctx, shown)}]`)}`;
  const url = ctx.theme.url(`(${shown})`);
  return `${clickable} ${target ? osc8(url, target) : url}`;
}

/** The note a target is listed under, numbered in order of first use. */
function noteNumber(ctx: TerminalContext, target: string): number {
  let n = ctx.noteNumbers.get(target);
  if (n === undefined) {
    n = ctx.notes.push(target);
    ctx.noteNumbers.set(target, n);
  }
  return n;
}

function sameTarget(label: string, href: string): boolean {
  const strip = (s: string) => s.replace(/^mailto:/i, '').replace(/^https?:\/\//i, '').replace(/\/$/, '');
  return label !== '' && strip(label) === strip(href);
}

/**
 * The OSC 8 target for a URL as shown, or undefined: http, https and mailto only, printable
 * ASCII once parsed, and the URL the terminal would open must be the one the reader sees (case of
 * scheme and host, an empty path's `/` and percent-encoding aside). `https://evil.test\@bank.example`
 * shows a bank but parses as evil.test: it is not made clickable.
 */
export function hyperlinkTarget(shown: string): string | undefined {
  if (hasUnsafe(shown) || shown.includes(REPLACEMENT) || !/^(?:https?:\/\/|mailto:)/i.test(shown)) return undefined;
  let target: string;
  try {
    target = new URL(shown).href;
  } catch {
    return undefined;
  }
  if (!/^[\x21-\x7E]+$/.test(target)) return undefined;
  const a = canonical(shown);
  const b = canonical(target);
  return a === b || `${a}/` === b ? target : undefined;
}

function canonical(url: string): string {
  let decoded = url;
  try {
    decoded = decodeURI(url);
  } catch {
    // Malformed percent-encoding: compare as written.
  }
  return decoded.replace(/^[a-z][a-z0-9+.-]*:(?:\/\/)?[^/?#]*/i, (authority) => authority.toLowerCase());
}
