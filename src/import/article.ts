/**
 * A stored article: YAML front matter, a blank line, the Markdown body. The front matter is
 * written here rather than by a YAML library: a handful of keys, every string double-quoted with
 * YAML escapes, so any title (a colon, a quote, a leading '-' or '#', "yes", "null") stays a string.
 */
import { cleanLine } from './clean.js';
import type { ExtractedArticle } from './extract.js';

export interface ArticleMeta {
  title: string;
  standfirst?: string;
  /** One name, or several when the byline names several people. */
  author?: string | string[];
  /** YYYY-MM-DD. */
  date?: string;
  source?: string;
  site?: string;
  lang?: string;
  /** The lead image (http(s)); its caption and credit follow. */
  image?: string;
  caption?: string;
  credit?: string;
}

const KEY_ORDER: (keyof ArticleMeta)[] = ['title', 'standfirst', 'author', 'date', 'source', 'site', 'lang', 'image', 'caption', 'credit'];

export function frontMatter(meta: ArticleMeta): string {
  const lines = ['---'];
  for (const key of KEY_ORDER) {
    const value = meta[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      const items = value.map(cleanLine).filter(Boolean);
      if (items.length === 0) continue;
      lines.push(`${key}:`, ...items.map((item) => `  - ${yamlString(item)}`));
    } else {
      const line = cleanLine(value);
      if (line !== '' || key === 'title') lines.push(`${key}: ${yamlString(line)}`);
    }
  }
  lines.push('---');
  return `${lines.join('\n')}\n`;
}

/** A YAML double-quoted scalar: backslash, quote and anything not printable escaped. */
export function yamlString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (code < 0x20 || code === 0x7f || (code >= 0x80 && code <= 0x9f)) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code === 0x2028 || code === 0x2029 || code === 0xfeff) out += `\\u${code.toString(16)}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Article + Markdown body -> the stored text. The standfirst is given (see standfirstFrom), not taken from the excerpt. */
export function assembleArticle(article: ExtractedArticle, body: string, options: { standfirst?: string | undefined } = {}): string {
  const meta: ArticleMeta = { title: article.title };
  if (options.standfirst) meta.standfirst = options.standfirst;
  const author = parseByline(article.byline);
  if (author) meta.author = author;
  const date = isoDate(article.publishedTime);
  if (date) meta.date = date;
  if (article.url) meta.source = article.url;
  if (article.siteName) meta.site = article.siteName;
  if (article.lang) meta.lang = article.lang;
  if (article.leadImage?.src) meta.image = article.leadImage.src;
  if (article.leadImage?.caption) meta.caption = article.leadImage.caption;
  if (article.leadImage?.credit) meta.credit = article.leadImage.credit;
  return `${frontMatter(meta)}\n${body.replace(/^\n+/, '')}`;
}

/**
 * The excerpt as a standfirst, unless it only repeats the start of the first paragraph (which is
 * what Readability falls back to when a page has no description).
 */
export function standfirstFrom(excerpt: string | null | undefined, firstParagraph: string | undefined): string | undefined {
  const text = excerpt ? cleanLine(excerpt) : '';
  if (!text) return undefined;
  if (firstParagraph) {
    const key = (s: string): string => (s.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
    const excerptKey = key(text.replace(/(?:\.\.\.|…)$/, ''));
    if (excerptKey !== '' && key(firstParagraph).startsWith(excerptKey)) return undefined;
  }
  return text;
}

/**
 * "By Jane Doe and John Roe" -> ['Jane Doe', 'John Roe']; "By Erin Cunningham" (or "Par ...")
 * -> 'Erin Cunningham'. A byline is split only when every part looks like a person's name (2-4
 * capitalised words), so "Martin Untersinger (avec Damien Leloup et Morgane Tual)", "BBC News"
 * or "Jane Doe, Staff Writer" stay as written.
 */
export function parseByline(byline: string | null | undefined): string | string[] | undefined {
  const text = byline ? cleanLine(byline).replace(/^(?:(?:written|words|story|text|reporting|report)\s+)?by\b[:\s]*/i, '').replace(FOREIGN_BY, '').trim() : '';
  if (!text) return undefined;
  const parts = text.split(/\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+/i).filter(Boolean);
  if (parts.length > 1 && parts.every(looksLikePersonName)) return parts;
  return text;
}

/**
 * "By" in French, Spanish and Portuguese, German, Dutch: "Par Sébastien Farcis". Only before two
 * capitalised words, since "Von" also starts names ("Von Miller").
 */
const FOREIGN_BY = /^(?:[Pp]ar|[Pp]or|[Vv]on|[Dd]oor)[:\s]\s*(?=\p{Lu}[\p{L}'’.-]*\s+\p{Lu})/u;

const NOT_A_NAME = /\b(?:staff|writer|reporter|correspondent|editor|editors|contributor|news|press|associated|reuters|agency|desk|team|bureau|service|times|post|journal|daily|media|group|university|in|at|for|from|of|with|avec|et|und|y|e)\b/i;

function looksLikePersonName(part: string): boolean {
  const words = part.split(/\s+/);
  return words.length >= 2 && words.length <= 4 && !NOT_A_NAME.test(part) && words.every((word) => /^\p{Lu}[\p{L}'’.-]*$/u.test(word));
}

/** The calendar date a page gives: '2015-07-24T05:36:09+01:00' -> '2015-07-24' (the page's own day, not UTC's). */
export function isoDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const literal = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(value);
  if (literal) {
    const [, y, m, d] = literal;
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    if (date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d)) return `${y}-${m}-${d}`;
    return undefined;
  }
  const time = Date.parse(value);
  if (Number.isNaN(time)) return undefined;
  return new Date(time).toISOString().slice(0, 10);
}

const FOLDS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't', ŀ: 'l', ĸ: 'k' };
const MAX_SLUG = 60;

/**
 * A file name from a title: lowercase ASCII, accents folded, words joined by '-', at most 60
 * characters cut at a word boundary; never empty (the fallback, else 'article').
 */
export function slugify(title: string, fallback = 'article'): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþıħŧŀĸ]/g, (ch) => FOLDS[ch] ?? ch)
    .replace(/['’‘`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG) {
      if (!slug) slug = word.slice(0, MAX_SLUG);
      break;
    }
    slug = next;
  }
  if (slug) return slug;
  return fallback === 'article' ? 'article' : slugify(fallback);
}
