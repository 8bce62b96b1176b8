/**
 * Raw HTML blocks -> the tokens Markdown has, so a README's `<p align="center">`, `<h1>`,
 * `<details>`, `<table>` and `<img>` read as a browser shows them: tags never printed, text
 * kept, links and images under the same rules as Markdown's. Parsed by htmlparser2 (which
 * decodes entities), in its own bundle: loaded only for documents with HTML.
 */
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { Token } from 'marked';
import { HIDDEN, VOID, trimInline, voidElement, wrapElement, type Tag } from './inline-html.js';

/** A heading written in HTML: styled like one, but not a section. */
export interface HtmlHeading {
  type: 'htmlHeading';
  raw: string;
  depth: number;
  align?: string;
  tokens: Token[];
}

/** `<details>`: its summary as a line, then its content. */
export interface HtmlDetails {
  type: 'htmlDetails';
  raw: string;
  summary: Token[];
  tokens: Token[];
}

/** A block of lines set in the middle of the measure (`align="center"`). */
export interface HtmlCentered {
  type: 'htmlCentered';
  raw: string;
  tokens: Token[];
}

const BLOCK = new Set(['address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'caption']);

export function htmlToTokens(html: string): Token[] {
  return blocksOf(parseDocument(html, { decodeEntities: true, lowerCaseTags: true }).children);
}

function isElement(node: ChildNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function tagOf(element: Element): Tag {
  return { name: element.name, closing: false, selfClosing: false, attributes: element.attribs };
}

/** Block content: block elements become blocks, runs of inline content paragraphs. */
function blocksOf(nodes: readonly ChildNode[]): Token[] {
  const out: Token[] = [];
  let run: ChildNode[] = [];
  const flush = () => {
    const tokens = inlineOf(run);
    run = [];
    if (tokens.some((t) => t.type !== 'text' || (t as { text: string }).text.trim() !== '')) out.push(paragraph(trimInline(tokens)));
  };
  for (const node of nodes) {
    if (isElement(node) && (BLOCK.has(node.name) || HIDDEN.has(node.name))) {
      flush();
      out.push(...blockOf(node));
    } else run.push(node);
  }
  flush();
  return out;
}

function paragraph(tokens: Token[]): Token {
  return { type: 'paragraph', raw: '', text: '', tokens } as Token;
}

function blockOf(element: Element): Token[] {
  if (HIDDEN.has(element.name)) return [];
  const align = element.attribs.align?.toLowerCase();
  const centered = (tokens: Token[]): Token[] => (align === 'center' && tokens.length > 0 ? [{ type: 'htmlCentered', raw: '', tokens } as unknown as Token] : tokens);
  switch (element.name) {
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6': {
      const tokens = trimInline(inlineOf(element.children));
      if (tokens.length === 0) return [];
      const heading: HtmlHeading = { type: 'htmlHeading', raw: '', depth: Number(element.name[1]), align, tokens };
      return [heading as unknown as Token];
    }
    case 'hr':
      return [{ type: 'hr', raw: '' } as Token];
    case 'pre':
      return [{ type: 'code', raw: '', lang: languageOf(element), text: textContent(element).replace(/^\n/, '').replace(/\n$/, '') } as Token];
    case 'blockquote':
      return [{ type: 'blockquote', raw: '', text: '', tokens: blocksOf(element.children) } as Token];
    case 'ul':
    case 'ol':
      return [list(element)];
    case 'li':
      return [list({ ...element, name: 'ul', children: [element] } as Element)];
    case 'table':
      return table(element);
    case 'details': {
      const summary = element.children.find((c): c is Element => isElement(c) && c.name === 'summary');
      const details: HtmlDetails = {
        type: 'htmlDetails',
        raw: '',
        summary: summary ? trimInline(inlineOf(summary.children)) : [{ type: 'text', raw: 'Details', text: 'Details' } as Token],
        tokens: blocksOf(element.children.filter((c) => c !== summary)),
      };
      return [details as unknown as Token];
    }
    default:
      return centered(blocksOf(element.children));
  }
}

function list(element: Element): Token {
  const items = element.children
    .filter((c): c is Element => isElement(c) && c.name === 'li')
    .map((li) => {
      const tokens = blocksOf(li.children);
      // A list item of inline content is a tight item: its text, not a paragraph.
      const tight = tokens.length === 1 && tokens[0]!.type === 'paragraph' ? [{ type: 'text', raw: '', text: '', tokens: (tokens[0] as { tokens: Token[] }).tokens } as Token] : tokens;
      return { type: 'list_item', raw: '', task: false, checked: undefined, loose: false, text: '', tokens: tight };
    });
  const start = Number(element.attribs.start);
  return { type: 'list', raw: '', ordered: element.name === 'ol', start: Number.isFinite(start) ? start : 1, loose: false, items } as Token;
}

/** `<table>`: the first row (or `<thead>`) is the header. */
function table(element: Element): Token[] {
  const rows: Element[] = [];
  const collect = (nodes: readonly ChildNode[]) => {
    for (const node of nodes) {
      if (!isElement(node)) continue;
      if (node.name === 'tr') rows.push(node);
      else if (['thead', 'tbody', 'tfoot'].includes(node.name)) collect(node.children);
    }
  };
  collect(element.children);
  if (rows.length === 0) return blocksOf(element.children);
  const cellsOf = (row: Element) => row.children.filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th'));
  const cell = (c: Element, header: boolean) => {
    const tokens = trimInline(inlineOf(c.children));
    return { text: tokens.map(plain).join(''), tokens, header, align: null };
  };
  const [first, ...rest] = rows;
  const columns = Math.max(...rows.map((r) => cellsOf(r).length));
  const pad = <T>(cells: T[], make: () => T) => [...cells, ...Array.from({ length: Math.max(0, columns - cells.length) }, make)];
  const empty = (header: boolean) => () => ({ text: '', tokens: [], header, align: null });
  const header = pad(cellsOf(first!).map((c) => cell(c, true)), empty(true));
  const body = rest.map((r) => pad(cellsOf(r).map((c) => cell(c, false)), empty(false)));
  if (columns === 0) return [];
  return [{ type: 'table', raw: '', header, rows: body, align: header.map(() => null) } as unknown as Token];
}

/** Inline content: text, styled spans, links, images, line breaks. */
function inlineOf(nodes: readonly ChildNode[]): Token[] {
  const out: Token[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      const text = node.data.replace(/[ \t\r\n\f]+/g, ' ');
      // htmlparser2 has decoded the entities already.
      if (text !== '') out.push({ type: 'text', raw: text, text, decoded: true } as Token);
      continue;
    }
    if (!isElement(node) || HIDDEN.has(node.name)) continue;
    if (node.name === 'picture') {
      // A picture is its <img>; its <source>s only offer other files.
      const img = node.children.find((c): c is Element => isElement(c) && c.name === 'img');
      if (img) out.push(...inlineOf([img]));
      continue;
    }
    if (VOID.has(node.name)) {
      const token = voidElement(tagOf(node));
      if (token) out.push(token);
      continue;
    }
    const content = BLOCK.has(node.name) ? withBreaks(node.children) : inlineOf(node.children);
    const element = wrapElement(tagOf(node), content);
    if (element) out.push(element);
    else out.push(...content);
  }
  return out;
}

/** Block elements met inside inline content (a `<p>` in a table cell): their text, a break apart. */
function withBreaks(nodes: readonly ChildNode[]): Token[] {
  const blocks = blocksOf(nodes);
  const out: Token[] = [];
  blocks.forEach((block, i) => {
    if (i > 0) out.push({ type: 'br', raw: '' } as Token);
    out.push(...('tokens' in block && Array.isArray(block.tokens) ? (block.tokens as Token[]) : [{ type: 'text', raw: '', text: plain(block) } as Token]));
  });
  return out;
}

function plain(token: Token): string {
  if ('tokens' in token && Array.isArray(token.tokens)) return (token.tokens as Token[]).map(plain).join('');
  return typeof (token as { text?: unknown }).text === 'string' ? (token as { text: string }).text : '';
}

function textContent(node: ChildNode): string {
  if (node.type === 'text') return node.data;
  if (isElement(node)) return node.children.map(textContent).join('');
  return '';
}

function languageOf(pre: Element): string {
  const code = pre.children.find((c): c is Element => isElement(c) && c.name === 'code');
  const classes = `${pre.attribs.class ?? ''} ${code?.attribs.class ?? ''}`;
  return /(?:^|\s)(?:language|lang)-([\w+#.-]+)/.exec(classes)?.[1] ?? '';
}
