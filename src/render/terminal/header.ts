/** The article's header: title, standfirst, photo caption and credit, byline, words and reading time. */
import type { Document } from '../../document/tree.js';
import { sanitizeLine } from '../../sanitize.js';
import { articleStats, formatStats } from '../stats.js';
import type { TerminalContext } from './context.js';
import { renderInline } from './inline.js';

export function renderHeader(doc: Document, width: number, ctx: TerminalContext, options: { stats?: boolean } = {}): string[] {
  const { theme, layout } = ctx;
  const blocks: string[] = [];
  const { meta } = doc;
  if (doc.title !== undefined) {
    const styled = doc.titleTokens ? renderInline(doc.titleTokens, ctx) : sanitizeLine(doc.title);
    const text = styleLines(layout.wrap(styled, width), theme.title);
    const rule = theme.headingRule(1);
    blocks.push(rule ? layout.underline(text, rule, width) : text);
  }
  const standfirst = meta.standfirst ?? meta.subtitle ?? meta.description;
  if (standfirst) blocks.push(styleLines(layout.wrap(sanitizeLine(standfirst), width), theme.standfirst));
  const { caption, credit } = meta;
  if (caption || credit) {
    const text = [caption, credit ? `(Photo: ${credit})` : undefined].filter(Boolean).join(' ');
    blocks.push(styleLines(layout.wrap(sanitizeLine(text), width), theme.caption));
  }
  if (doc.title !== undefined) {
    // Length and reading time for what reads like an article: a stored one, or one with front
    // matter (a README or changelog gets them with --stats).
    const stats = (options.stats ?? Object.keys(meta).length > 0) ? formatStats(articleStats(doc)) : undefined;
    const byline = [meta.author ? `By ${meta.author}` : undefined, meta.date, stats].filter(Boolean).map((s) => sanitizeLine(s!));
    if (byline.length > 0) blocks.push(styleLines(layout.wrap(byline.join(' · '), width), theme.meta));
  }
  return blocks;
}

/** Style each line on its own: wrapping plain text first keeps it on the fast layout path. */
function styleLines(text: string, style: (line: string) => string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : style(line)))
    .join('\n');
}
