/**
 * Inline tokens -> one styled string. Every piece of document text passes through sanitize()
 * here, after marked has decoded entities, so `&#27;` cannot become a live escape.
 */
import type { Token } from 'marked';
import { plainInline, textOf } from '../../document/words.js';
import { osc8 } from '../../layout/ansi.js';
import { hasUnsafe, sanitize, sanitizeLine } from '../../sanitize.js';
import type { TerminalContext } from './context.js';

/** The styles an inline span can nest. */
type Emphasis = 'strong' | 'em' | 'del';

export function renderInline(tokens: readonly Token[] | undefined, ctx: TerminalContext, inside: ReadonlySet<Emphasis> = NONE): string {
  if (!tokens) return '';
  let out = '';
  for (const token of tokens) out += renderToken(token, ctx, inside);
  return out;
}

const NONE: ReadonlySet<Emphasis> = new Set();

/**
 * A style is applied once, by the outermost span that asks for it: chalk re-opens a style after
 * every nested close of the same style, so `*a *a … b… a* a*` nested a thousand deep would grow
 * quadratically in escape codes for no visible difference.
 */
function emphasis(kind: Emphasis, token: Token, ctx: TerminalContext, inside: ReadonlySet<Emphasis>): string {
  const children = 'tokens' in token ? (token.tokens as Token[]) : [];
  if (inside.has(kind)) return renderInline(children, ctx, inside);
  return ctx.theme[kind](renderInline(children, ctx, new Set([...inside, kind])));
}

function renderToken(token: Token, ctx: TerminalContext, inside: ReadonlySet<Emphasis>): string {
  const { theme } = ctx;
  switch (token.type) {
    case 'text':
      return 'tokens' in token && token.tokens ? renderInline(token.tokens, ctx, inside) : softBreaks(sanitize(token.text));
    case 'escape':
      return sanitize(token.text);
    case 'strong':
    case 'em':
    case 'del':
      return emphasis(token.type, token, ctx, inside);
    case 'codespan':
      return theme.code(sanitizeLine(token.text));
    case 'br':
      return '\n';
    case 'link':
      return renderLink(renderInline(token.tokens, ctx, inside), plainInline(token.tokens), token.href, ctx);
    case 'image': {
      const alt = sanitizeLine(token.text);
      return renderLink(theme.mark(alt ? `[image: ${alt}]` : '[image]'), '', token.href, ctx);
    }
    case 'checkbox':
      return token.checked ? '[x] ' : '[ ] ';
    case 'html':
      // Inline tags are markup, not text; what they enclose arrives as text tokens of its own.
      return '';
    default:
      if ('tokens' in token && Array.isArray(token.tokens)) return renderInline(token.tokens, ctx, inside);
      return softBreaks(sanitize(textOf(token)));
  }
}

function softBreaks(text: string): string {
  return text.includes('\n') ? text.replace(/[ \t]*\n[ \t]*/g, ' ') : text;
}

/**
 * A link never hides its destination: when the text differs from the target, the target is shown
 * after it in parentheses or as a numbered footnote. OSC 8 wraps the text only for http(s) and
 * mailto targets that are plain printable ASCII once percent-encoded.
 */
function renderLink(label: string, plainLabel: string, href: string, ctx: TerminalContext): string {
  const shown = sanitizeLine(href).trim();
  const target = hyperlinkTarget(href);
  const clickable = ctx.hyperlinks && target ? osc8(label, target) : label;
  if (!shown || sameTarget(plainLabel, shown)) return clickable;
  if (ctx.links === 'footnotes') {
    let n = ctx.notes.indexOf(shown) + 1;
    if (n === 0) n = ctx.notes.push(shown);
    return `${clickable}${ctx.theme.mark(`[${n}]`)}`;
  }
  const url = ctx.theme.url(`(${shown})`);
  return `${clickable} ${ctx.hyperlinks && target ? osc8(url, target) : url}`;
}

function sameTarget(label: string, href: string): boolean {
  const strip = (s: string) => s.replace(/^mailto:/i, '').replace(/^https?:\/\//i, '').replace(/\/$/, '');
  return label !== '' && strip(label) === strip(href);
}

export function hyperlinkTarget(href: string): string | undefined {
  if (hasUnsafe(href) || !/^(?:https?:\/\/|mailto:)/i.test(href.trim())) return undefined;
  try {
    const url = new URL(href.trim()).href;
    return /^[\x21-\x7E]+$/.test(url) ? url : undefined;
  } catch {
    return undefined;
  }
}
