/** `--list`: the stored articles, with title, length and reading time, and where each is stored. */
import { parseDocument } from '../document/tree.js';
import type { Kit } from '../kit.js';
import { maxOf, trimLines } from '../layout/layout.js';
import { decode } from '../load/decode.js';
import { readFrontMatter } from '../load/frontmatter.js';
import { readFileBytes } from '../load/read.js';
import type { StoredArticle } from '../load/store.js';
import { sanitizeLine } from '../sanitize.js';
import { articleStats, thousands } from './stats.js';

export interface ListedArticle {
  slug: string;
  title: string | null;
  words: number;
  readingMinutes: number;
  path: string;
  /** `user` for the user's store, `bundled` for the articles that ship with broadsheet. */
  store: 'user' | 'bundled';
}

export async function listedArticles(stored: readonly StoredArticle[]): Promise<ListedArticle[]> {
  const listed: ListedArticle[] = [];
  for (const { slug, path, origin } of stored) {
    const text = decode(readFileBytes(path, slug), slug);
    const doc = parseDocument(text, { frontMatter: await readFrontMatter(text) });
    const { words, minutes } = articleStats(doc);
    listed.push({ slug, title: doc.title ?? null, words, readingMinutes: minutes, path, store: origin });
  }
  return listed;
}

export function renderList(articles: readonly ListedArticle[], width: number, kit: Kit): string {
  const { layout, theme } = kit;
  if (articles.length === 0) return '';
  const slugs = articles.map((a) => sanitizeLine(a.slug));
  const details = articles.map((a) => `${thousands(a.words)} words · ${a.readingMinutes} min${a.store === 'user' ? '' : ' · bundled'}`);
  const slugWidth = maxOf(slugs.map((s) => layout.columns(s)));
  const room = width > 0 ? Math.max(8, width - slugWidth - maxOf(details.map((d) => layout.columns(d))) - 4) : Infinity;
  const titles = articles.map((a) => layout.truncate(sanitizeLine(a.title ?? ''), room));
  const titleWidth = maxOf(titles.map((t) => layout.columns(t)));
  const lines = articles.map((_, i) => `${theme.heading(layout.pad(slugs[i]!, slugWidth, 'left'), 2)}  ${layout.pad(titles[i]!, titleWidth, 'left')}  ${theme.meta(details[i]!)}`);
  return `${trimLines(lines.join('\n'))}\n`;
}
