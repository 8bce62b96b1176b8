/**
 * Inline tokens -> one styled string. Every piece of document text passes through sanitize()
 * here, after marked has decoded entities, so `&#27;` cannot become a live escape.
 */
import type { Token } from 'marked';
import { hasUnsafe, sanitize, sanitizeLine } from '../sanitize.js';
import { plainInline, textOf } from '../plain.js';
import type { Theme } from './theme.js';

export type LinkStyle = 'inline' | 'footnotes';

export interface InlineContext {
  theme: Theme;
  hyperlinks: boolean;
  links: LinkStyle;
  /** Link targets collected for footnotes, numbered from 1. */
  footnotes: string[];
}

export function renderInline(tokens: readonly Token[] | undefined, ctx: InlineContext): string {
  if (!tokens) return '';
  let out = '';
  for (const token of tokens) out += renderToken(token, ctx);
  return out;
}

function renderToken(token: Token, ctx: InlineContext): string {
  const { theme } = ctx;
  switch (token.type) {
    case 'text':
      return 'tokens' in token && token.tokens ? renderInline(token.tokens, ctx) : softBreaks(sanitize(token.text));
    case 'escape':
      return sanitize(token.text);
    case 'strong':
      return theme.strong(renderInline(token.tokens, ctx));
    case 'em':
      return theme.em(renderInline(token.tokens, ctx));
    case 'del':
      return theme.del(renderInline(token.tokens, ctx));
    case 'codespan':
      return theme.code(sanitizeLine(token.text));
    case 'br':
      return '\n';
    case 'link':
      return renderLink(renderInline(token.tokens, ctx), plainInline(token.tokens), token.href, ctx);
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
      if ('tokens' in token && Array.isArray(token.tokens)) return renderInline(token.tokens, ctx);
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
function renderLink(label: string, plainLabel: string, href: string, ctx: InlineContext): string {
  const shown = sanitizeLine(href).trim();
  const target = hyperlinkTarget(href);
  const clickable = ctx.hyperlinks && target ? osc8(label, target) : label;
  if (!shown || sameTarget(plainLabel, shown)) return clickable;
  if (ctx.links === 'footnotes') {
    let n = ctx.footnotes.indexOf(shown) + 1;
    if (n === 0) n = ctx.footnotes.push(shown);
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

const OSC = '\u001B]';
const ST = '\u001B\\';

function osc8(text: string, target: string): string {
  return `${OSC}8;;${target}${ST}${text}${OSC}8;;${ST}`;
}
