/**
 * What an article's front matter says about it, whichever tool wrote it: Jekyll and Hugo
 * (`title`, `description`, `summary`, `author`/`authors`, `date`), Obsidian Web Clipper (`source`,
 * `author` as a list of `[[wikilinks]]`, `published`, `created`, `description`), MarkDownload
 * (`source`, `author` from the page's byline, `created`), newspapers' own (`standfirst`,
 * `caption`, `credit`). The header and JSON read it from here.
 */
import { domainToUnicode } from 'node:url';
import { metaText, type Meta, type MetaValue } from '../load/frontmatter.js';

export interface ArticleMeta {
  standfirst?: string;
  caption?: string;
  credit?: string;
  /** Each author's name, in order. */
  authors: string[];
  /** The date as written (`date`, else `published`, else `created`). */
  date?: string;
  /** Where the article was published: the URL (or text) of `source`, `url` or `link`. */
  source?: string;
  /** The publication: front matter `site`, else the source's host name without `www.`. */
  site?: string;
}

export function articleMeta(meta: Meta): ArticleMeta {
  const first = (...keys: string[]) => keys.map((key) => metaText(meta[key])).find((value) => value !== undefined);
  const source = first('source', 'url', 'link');
  const authorValue = ['author', 'authors', 'byline'].map((key) => meta[key]).find((value) => names(value).length > 0);
  return {
    standfirst: first('standfirst', 'subtitle', 'description', 'summary', 'excerpt'),
    caption: first('caption'),
    credit: first('credit'),
    authors: names(authorValue),
    date: first('date', 'published', 'created'),
    source,
    // The publication's name when the front matter has it (broadsheet's importer writes it), else the source's host.
    site: first('site') ?? (source === undefined ? undefined : siteOf(source)),
  };
}

/** `By Ana Lima`, `By Ana Lima and Bo Chen`, `By A, B and C`. */
export function byline(authors: readonly string[]): string | undefined {
  if (authors.length === 0) return undefined;
  if (authors.length === 1) return `By ${authors[0]}`;
  return `By ${authors.slice(0, -1).join(', ')} and ${authors[authors.length - 1]}`;
}

/** A date as the header shows it: an ISO date or date-time as its day, YYYY-MM-DD; else as written. */
export function displayDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}(?:[T ]|$)/.test(date) ? date.slice(0, 10) : date;
}

/**
 * Names from a string, a list, or a map with a `name` (Hugo's and Jekyll's author objects).
 * Obsidian's `[[Name]]` and `[[Note|Name]]` links are their names; a byline's own `By` goes.
 */
function names(value: MetaValue | undefined): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => names(item));
  if (value !== null && typeof value === 'object') return names(value.name);
  const text = metaText(value);
  if (text === undefined) return [];
  const name = text
    .replace(/\[\[(?:[^\]|]*\|)?([^\]]*)\]\]/g, '$1')
    .replace(/^by\s+/i, '')
    .trim();
  return name === '' ? [] : [name];
}

/** `https://www.example.com/a` -> `example.com`; nothing for what is not a web address. */
function siteOf(source: string): string | undefined {
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const host = url.hostname.replace(/^www\./, '');
  return host.includes('xn--') ? domainToUnicode(host) || host : host;
}
