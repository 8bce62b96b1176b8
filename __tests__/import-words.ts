/**
 * Shared by the importer's tests: the words a reader sees, compared as multisets.
 *
 * Words are runs of letters and digits, lower-cased (so punctuation, Markdown syntax and
 * escapes never count). Images count on neither side (a DOM's text content has no alt text);
 * link targets and image URLs are not words.
 */
import { parseHTML } from 'linkedom';
import { isWidgetText } from '../src/import/to-markdown.js';

const BLOCK = new Set('ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TBODY TD TH THEAD TR UL'.split(' '));

interface TextNode { nodeType: number; tagName?: string; data?: string; parentNode?: TextNode | null; childNodes: Iterable<TextNode> }

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The text content of an HTML fragment, with block boundaries as spaces (as a reader sees it).
 * `skip` leaves an element's text out (and it is returned apart, as `skipped`).
 */
export function htmlText(html: string, skip: (element: TextNode) => boolean = () => false): { text: string; skipped: string } {
  const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
  let text = '';
  let skipped = '';
  const walk = (node: TextNode, out: 'text' | 'skipped'): void => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        if (out === 'text') text += child.data ?? '';
        else skipped += child.data ?? '';
      } else if (child.nodeType === 1 && child.tagName !== 'SCRIPT' && child.tagName !== 'STYLE') {
        const block = BLOCK.has(child.tagName ?? '');
        const to = out === 'skipped' || skip(child) ? 'skipped' : 'text';
        if (block) text += ' ';
        if (block || to === 'skipped') skipped += ' ';
        walk(child, to);
        if (block) text += ' ';
        if (block || to === 'skipped') skipped += ' ';
      }
    }
  };
  walk(document.body as unknown as TextNode, 'text');
  return { text, skipped };
}

const textOf = (node: TextNode): string => (node.nodeType === 3 ? (node.data ?? '') : Array.from(node.childNodes, textOf).join(''));

/**
 * What Readability keeps and the house rules move or drop on purpose, so the oracle does not
 * count it: a block that is all a widget's words (by the importer's own debris rule: "SIGN UP FOR
 * OUR NEWSLETTER", a newsletter pitch) and, when the front matter has the date, a <time> standing
 * apart from any sentence (a dateline: its parent has no words of its own).
 */
export function setAside(dated: boolean): (element: TextNode) => boolean {
  return (element) => {
    if (BLOCK.has(element.tagName ?? '') && isWidgetText(textOf(element).replace(/\s+/g, ' ').trim())) return true;
    if (!dated || element.tagName !== 'TIME') return false;
    const parent = element.parentNode;
    return !!parent && !Array.from(parent.childNodes).some((node) => node.nodeType === 3 && /[\p{L}\p{N}]/u.test(node.data ?? ''));
  };
}

/** Split a stored article into its front matter values (top-level scalars and list items) and body. */
export function splitArticle(markdown: string): { meta: Record<string, string | string[]>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  if (!match) return { meta: {}, body: markdown };
  const meta: Record<string, string | string[]> = {};
  let listKey: string | undefined;
  for (const line of match[1]!.split('\n')) {
    const scalar = /^([\w-]+): (".*")$/.exec(line);
    const list = /^([\w-]+):$/.exec(line);
    const item = /^ {2}- (".*")$/.exec(line);
    if (scalar) meta[scalar[1]!] = JSON.parse(scalar[2]!) as string;
    else if (list) {
      listKey = list[1]!;
      meta[listKey] = [];
    } else if (item && listKey) (meta[listKey] as string[]).push(JSON.parse(item[1]!) as string);
  }
  return { meta, body: markdown.slice(match[0].length) };
}

/**
 * The visible text of a Markdown body: images dropped, links reduced to their text, escapes
 * undone, ordered-list numbers and code fences (with their language) dropped: a DOM's text
 * content has neither.
 */
export function markdownText(body: string): string {
  return body
    .replace(/^([ \t>]*)\d{1,9}[.)](?=[ \t])/gm, '$1')
    .replace(/^([ \t>]*)(?:`{3,}|~{3,}).*$/gm, '$1')
    .replace(/!\[(?:[^\]\\]|\\.)*\]\((?:[^()\\\s]|\\.)*\)/g, ' ')
    .replace(/\[((?:[^\]\\]|\\.)*)\]\((?:[^()\\\s]|\\.)*\)/g, '$1')
    .replace(/<(?:https?|mailto):[^>\s]*>/g, ' ')
    .replace(/\\(.)/g, '$1');
}

function bag(list: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of list) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

export interface WordComparison {
  /** Share of the expected words found in ours (body and header). */
  recall: number;
  /** Share of our body's words that the expected text does not have. */
  extra: number;
  expectedWords: number;
  bodyWords: number;
  missing: string[];
  extras: string[];
}

/** Header words count toward recall (the reader shows them above the body) but never as extra. */
export function compareWords(expected: string[], body: string[], header: string[] = []): WordComparison {
  const want = bag(expected);
  const haveBody = bag(body);
  const have = bag([...body, ...header]);
  let hit = 0;
  const missing: string[] = [];
  for (const [word, n] of want) {
    const found = Math.min(n, have.get(word) ?? 0);
    hit += found;
    if (found < n) missing.push(`${word}${n - found > 1 ? `×${n - found}` : ''}`);
  }
  let extraCount = 0;
  const extras: string[] = [];
  for (const [word, n] of haveBody) {
    const over = n - (want.get(word) ?? 0);
    if (over > 0) {
      extraCount += over;
      extras.push(`${word}${over > 1 ? `×${over}` : ''}`);
    }
  }
  return {
    recall: expected.length ? hit / expected.length : 1,
    extra: body.length ? extraCount / body.length : 0,
    expectedWords: expected.length,
    bodyWords: body.length,
    missing,
    extras,
  };
}

/** A stored article against Readability's expected HTML (less what setAside leaves out, counted in `setAside`). */
export function compareArticle(markdown: string, expectedHtml: string): WordComparison & { setAside: number; meta: Record<string, string | string[]> } {
  const { meta, body } = splitArticle(markdown);
  const header = ['title', 'standfirst', 'caption', 'credit'].flatMap((key) => {
    const value = meta[key];
    return value === undefined ? [] : words(Array.isArray(value) ? value.join(' ') : value);
  });
  const { text, skipped } = htmlText(expectedHtml, setAside(meta.date !== undefined));
  return { ...compareWords(words(text), words(markdownText(body)), header), setAside: words(skipped).length, meta };
}
