/**
 * Real documents are the judge (__tests__/corpus: READMEs and CHANGELOGs nobody here wrote, with
 * their licences in MANIFEST.json). The oracle is an independent renderer: cmark-gfm's HTML
 * (reference/, made by make-references.sh), read as a browser shows it. Every word it shows must
 * appear in broadsheet's text; broadsheet must add no markup; at every width every line fits,
 * nothing but our own escape codes reaches the terminal, and URLs that fit are never broken.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument as parseHtml } from 'htmlparser2';
import type { ChildNode } from 'domhandler';
import { Lexer, type Token } from 'marked';
import stringWidth from 'string-width';
import { CONTROL_OR_BIDI, ROOT, stripOwnEscapes } from './helpers.js';
import { buildDocument, decodersFor, lexDocument } from '../src/document/tree.js';
import { loadDecoders } from '../src/document/transform.js';
import { renderParsed, textOf } from '../src/pipeline.js';
import { completeRequest } from '../src/request.js';
import { ansiFull, plainFull, printed } from './kits.js';

const CORPUS = join(ROOT, '__tests__', 'corpus');
const files = ['readme', 'changelog'].flatMap((kind) =>
  readdirSync(join(CORPUS, kind))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `${kind}/${f}`),
);
const source = (file: string) => {
  const bytes = readFileSync(join(CORPUS, file));
  return { text: bytes.toString('utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), bytes };
};

const INLINE = new Set(['a', 'abbr', 'b', 'cite', 'code', 'del', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'tt', 'u', 'var', 'font']);

/** What a browser shows of an HTML page: text, image alt text; no comments, scripts or styles. */
function visibleText(nodes: readonly ChildNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.data;
    else if (node.type === 'tag') {
      if (['script', 'style', 'template', 'source'].includes(node.name)) continue;
      if (node.name === 'img') out += ` ${node.attribs.alt ?? ''} `;
      // Inline elements run on with the text around them; blocks and breaks separate it.
      out += INLINE.has(node.name) ? visibleText(node.children) : ` ${visibleText(node.children)} `;
    }
  }
  return out;
}

/**
 * Words compared: letters and digits, case and compatibility forms folded (a superscript ¹ is a
 * 1). Emoji shortcodes are left out on both sides: GitHub shows them as pictures, cmark-gfm as
 * text, broadsheet as emoji.
 */
function words(text: string): string[] {
  return text
    .replace(/:[a-z0-9_+-]+:/g, ' ')
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

function multiset(list: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of list) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** Words broadsheet may add: its own labels, and link targets (URLs and their parts). */
function allowedExtras(html: string): Set<string> {
  const allowed = new Set(['image', 'note', 'tip', 'important', 'warning', 'caution', 'details', 'words', 'word', 'min', 'read']);
  for (const match of html.matchAll(/(?:href|src)="([^"]*)"/g)) for (const w of words(match[1]!.replace(/&amp;/g, '&'))) allowed.add(w);
  return allowed;
}

const MARKUP = [
  [/<\/?(?:a|img|br|p|div|span|h[1-6]|details|summary|table|thead|tbody|tr|td|th|b|i|em|strong|sup|sub|kbd|picture|source|center|hr|ul|ol|li)\b[^>\n]*>/i, 'an HTML tag'],
  [/<!--/, 'an HTML comment'],
  [/&(?:[a-z]{2,8}|#\d+|#x[0-9a-f]+);/i, 'an entity'],
  [/\[\^[^\]\s]+\]/, 'footnote syntax'],
  [/\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]/i, 'alert syntax'],
] as const;

/** Markup left in the output, but where the source shows it as text, in code. */
function markupIn(output: string, sourceText: string): string[] {
  const code: string[] = [];
  const walk = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.type === 'codespan' || token.type === 'code') code.push(token.text);
      if ('tokens' in token && Array.isArray(token.tokens)) walk(token.tokens as Token[]);
      if (token.type === 'list') for (const item of token.items) walk(item.tokens);
      if (token.type === 'table') for (const cell of [...token.header, ...token.rows.flat()]) walk(cell.tokens);
    }
  };
  walk(Lexer.lex(sourceText, { gfm: true }));
  const found: string[] = [];
  for (const [pattern, what] of MARKUP) {
    for (const line of output.split('\n')) {
      const match = pattern.exec(line);
      if (match && !code.some((c) => c.includes(match[0]))) found.push(`${what}: ${line.trim()}`);
    }
  }
  return found;
}

describe('fidelity: every word a browser shows, and no markup', () => {
  const rows: string[] = [];
  afterAll(() => {
    // The per-file figures, for the reader of the test log.
    console.log(`corpus fidelity (recall of cmark-gfm's visible words; extra words not from links or labels)\n${rows.join('\n')}`);
  });

  it.each(files)('%s', async (file) => {
    const { text } = source(file);
    const html = readFileSync(join(CORPUS, 'reference', `${file}.html`), 'utf8');
    const reference = words(visibleText(parseHtml(html, { decodeEntities: true }).children));
    const out = await printed(text, { format: 'text', width: 0 });
    const ours = multiset(words(out));
    let found = 0;
    const missing = new Map<string, number>();
    const expected = multiset(reference);
    for (const [w, n] of expected) {
      const have = ours.get(w) ?? 0;
      found += Math.min(n, have);
      if (have < n) missing.set(w, n - have);
    }
    const recall = reference.length === 0 ? 1 : found / reference.length;
    const allowed = allowedExtras(html);
    const extra = [...ours].filter(([w, n]) => n > (expected.get(w) ?? 0) && !allowed.has(w) && !/^\d+$/.test(w)).map(([w, n]) => `${w}×${n - (expected.get(w) ?? 0)}`);
    rows.push(`${file.padEnd(44)} recall ${(recall * 100).toFixed(2)}%  words ${reference.length}  extra ${extra.length}${extra.length ? ` (${extra.slice(0, 8).join(' ')})` : ''}`);
    expect({ file, recall: recall >= 0.995 ? 'ok' : recall, missing: recall >= 0.995 ? [] : [...missing].slice(0, 30) }).toEqual({ file, recall: 'ok', missing: [] });
    expect(markupIn(out, text)).toEqual([]);
  });
});

/** Absolute http(s) link targets of the document (not images, not in-page). */
function linkTargets(markdown: string): string[] {
  const targets = new Set<string>();
  const walk = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.type === 'link' && /^https?:\/\//.test(token.href)) targets.add(token.href);
      if ('tokens' in token && Array.isArray(token.tokens)) walk(token.tokens as Token[]);
      if (token.type === 'list') for (const item of token.items) walk(item.tokens);
      if (token.type === 'table') for (const cell of [...token.header, ...token.rows.flat()]) walk(cell.tokens);
    }
  };
  walk(Lexer.lex(markdown, { gfm: true }));
  return [...targets];
}

describe('at 33, 40, 60 and 80 columns', () => {
  it.each(files)('%s fits, is clean, and keeps URLs that fit whole (text and ansi)', async (file) => {
    const { text } = source(file);
    // Parsed once, rendered eight times: as the pipeline does it, with everything loaded.
    const lexed = lexDocument(text);
    const doc = buildDocument(lexed, await loadDecoders(decodersFor(lexed)));
    const targets = linkTargets(text);
    for (const width of [33, 40, 60, 80]) {
      for (const format of ['text', 'ansi'] as const) {
        const rendered = renderParsed(doc, undefined, completeRequest({ format, width, hyperlinks: format === 'ansi' }), format === 'ansi' ? ansiFull : plainFull);
        const plain = stripOwnEscapes(textOf(rendered));
        expect(plain).not.toMatch(CONTROL_OR_BIDI);
        const wide = plain.split('\n').filter((line) => stringWidth(line) > width);
        expect({ width, format, wide }).toEqual({ width, format, wide: [] });
        if (format === 'text') expect({ width, broken: brokenUrls(targets, plain, width) }).toEqual({ width, broken: [] });
      }
    }
  });
});

/**
 * URLs printed across two lines although they would have fitted on one: from the column where
 * the text of their line starts (after indentation, bullets and quote bars), the URL and its
 * parentheses fit the width.
 */
function brokenUrls(urls: string[], out: string, width: number): string[] {
  const lines = out.split('\n');
  const broken: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    // A URL cut at this line's end starts in its last word.
    const last = /(\S+)$/.exec(lines[i]!)?.[1]?.replace(/^[([]+/, '');
    if (!last || !/^(?:https?:|mailto:)/.test(last)) continue;
    const next = lines[i + 1]!.replace(/^[\s>│┃]*/, '');
    for (const url of urls) {
      if (url.length <= last.length || !url.startsWith(last) || !next.startsWith(url.slice(last.length, last.length + 8))) continue;
      const indent = /^[\s>│┃•◦▪\d.]*/.exec(lines[i]!)![0].length;
      if (indent + url.length + 2 <= width) broken.push(`${url} (line ${i + 1})`);
    }
  }
  return broken;
}
