/**
 * Inline HTML in Markdown text (`Press <kbd>Ctrl</kbd>`, `<a href="…">…</a>`, `<br>`, `<img>`):
 * marked gives one token per tag, with the text between them as ordinary tokens. Here each pair
 * of tags becomes one token holding what it encloses, of the kinds Markdown has (strong, em, del,
 * codespan, link, image, br) or an `htmlStyle` span, so the renderers, the word counts and JSON
 * treat inline HTML as what a browser shows. Tags are read with CommonMark's own grammar for
 * them (an open tag is a name and attributes), so no HTML parser is needed here.
 */
import type { Token } from 'marked';

/** A styled span with no Markdown equivalent: `<sup>`, `<sub>`, `<kbd>`, `<mark>`, `<u>`, `<small>`. */
export interface HtmlStyle {
  type: 'htmlStyle';
  raw: string;
  kind: string;
  tokens: Token[];
}

export interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  attributes: Record<string, string>;
}

const TAG = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*)\s*(\/?)>$/;
const ATTRIBUTE = /([A-Za-z_:][\w.:-]*)(?:\s*=\s*(?:([^\s"'=<>`]+)|'([^']*)'|"([^"]*)"))?/g;

export function parseTag(raw: string): Tag | undefined {
  const match = TAG.exec(raw.trim());
  if (!match) return undefined;
  const attributes: Record<string, string> = {};
  for (const a of match[3]!.matchAll(ATTRIBUTE)) attributes[a[1]!.toLowerCase()] = a[2] ?? a[3] ?? a[4] ?? '';
  return { name: match[2]!.toLowerCase(), closing: match[1] === '/', selfClosing: match[4] === '/', attributes };
}

/** Elements that have no content, so no closing tag. */
export const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements whose content is not shown. */
export const HIDDEN = new Set(['script', 'style', 'template', 'head', 'title', 'noscript', 'iframe', 'object', 'svg', 'math', 'video', 'audio', 'canvas', 'source']);

/** What an element with content becomes, given the tokens it encloses; undefined: just its content. */
export function wrapElement(tag: Tag, content: Token[], raw = ''): Token | undefined {
  const text = () => content.map(textOf).join('');
  switch (tag.name) {
    case 'b':
    case 'strong':
      return { type: 'strong', raw, text: text(), tokens: content } as Token;
    case 'i':
    case 'em':
    case 'cite':
    case 'dfn':
    case 'var':
      return { type: 'em', raw, text: text(), tokens: content } as Token;
    case 'del':
    case 's':
    case 'strike':
      return { type: 'del', raw, text: text(), tokens: content } as Token;
    case 'code':
    case 'tt':
    case 'samp':
      // HTML code, unlike a Markdown code span, has its character references decoded.
      return { type: 'codespan', raw, text: text(), html: true } as Token;
    case 'a':
      return tag.attributes.href !== undefined ? ({ type: 'link', raw, href: tag.attributes.href, title: tag.attributes.title ?? null, text: text(), tokens: content } as Token) : undefined;
    case 'q':
      return { type: 'htmlStyle', raw, kind: 'q', tokens: [{ type: 'text', raw: '“', text: '“' }, ...content, { type: 'text', raw: '”', text: '”' }] } as unknown as Token;
    case 'sup':
    case 'sub':
    case 'kbd':
    case 'mark':
    case 'u':
    case 'ins':
    case 'small':
    case 'abbr':
      return { type: 'htmlStyle', raw, kind: tag.name, tokens: content } as unknown as Token;
    default:
      return undefined;
  }
}

/** What a void element is: `<br>` a line break, `<img>` an image, the rest nothing. */
export function voidElement(tag: Tag, raw = ''): Token | undefined {
  if (tag.name === 'br') return { type: 'br', raw } as Token;
  if (tag.name === 'img') return { type: 'image', raw, href: tag.attributes.src ?? '', title: tag.attributes.title ?? null, text: tag.attributes.alt ?? '', tokens: [] } as unknown as Token;
  return undefined;
}

function textOf(token: Token): string {
  if ('tokens' in token && Array.isArray(token.tokens)) return (token.tokens as Token[]).map(textOf).join('');
  return typeof (token as { text?: unknown }).text === 'string' ? (token as { text: string }).text : '';
}

/** Fold the inline `html` tokens of a run into the elements they delimit. */
export function foldInlineHtml(tokens: Token[]): Token[] {
  if (!tokens.some((t) => t.type === 'html')) return tokens;
  interface Open {
    tag: Tag;
    raw: string;
    children: Token[];
  }
  const stack: Open[] = [{ tag: { name: '#root', closing: false, selfClosing: false, attributes: {} }, raw: '', children: [] }];
  let hidden = 0;
  const top = () => stack[stack.length - 1]!;
  const close = (open: Open) => {
    const parent = stack[stack.length - 1]!;
    const element = wrapElement(open.tag, open.children, open.raw);
    if (element) parent.children.push(element);
    else parent.children.push(...open.children);
  };
  for (const token of tokens) {
    if (token.type !== 'html') {
      if (hidden === 0) top().children.push(token);
      continue;
    }
    const raw = token.raw;
    if (/^<!--/.test(raw.trim()) || /^<[?!]/.test(raw.trim())) continue;
    const tag = parseTag(raw);
    if (!tag) continue;
    if (HIDDEN.has(tag.name) && !VOID.has(tag.name)) {
      hidden += tag.closing ? -1 : tag.selfClosing ? 0 : 1;
      hidden = Math.max(0, hidden);
      continue;
    }
    if (hidden > 0) continue;
    if (VOID.has(tag.name) || tag.selfClosing) {
      if (!tag.closing) {
        const element = voidElement(tag, raw);
        if (element) top().children.push(element);
      }
      continue;
    }
    if (!tag.closing) {
      stack.push({ tag, raw, children: [] });
      continue;
    }
    // A closing tag closes its open element (and any left open inside it); a stray one is dropped.
    const at = stack.map((o) => o.tag.name).lastIndexOf(tag.name);
    if (at <= 0) continue;
    while (stack.length > at) close(stack.pop()!);
  }
  while (stack.length > 1) close(stack.pop()!);
  return stack[0]!.children;
}

/** No white space at the start or end of a run of inline tokens. */
export function trimInline(tokens: Token[]): Token[] {
  const out = [...tokens];
  const edge = (i: number, trim: (s: string) => string) => {
    const token = out[i];
    if (token?.type !== 'text' || ('tokens' in token && token.tokens)) return;
    const text = trim((token as { text: string }).text);
    if (text === '') out.splice(i, 1);
    else out[i] = { ...token, text, raw: text } as Token;
  };
  edge(0, (s) => s.trimStart());
  edge(out.length - 1, (s) => s.trimEnd());
  return out;
}
