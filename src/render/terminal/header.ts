/** The article's header: title, standfirst, photo caption and credit, byline, date, site, words and reading time. */
import { articleMeta, byline, displayDate } from '../../document/meta.js';
import type { Document } from '../../document/tree.js';
import { sanitizeLine } from '../../sanitize.js';
import { articleStats, formatStats } from '../stats.js';
import type { TerminalContext } from './context.js';
import { renderInline } from './inline.js';
import { smarten } from '../smart.js';

/** The rule under the header is as wide as a short line, never wider than the page. */
const HEADER_RULE = 40;

/**
 * `width`: the title's; `measure`: the rest's (in columns, the title spans the page and the
 * standfirst, caption and byline keep a column's readable measure).
 */
export function renderHeader(doc: Document, width: number, ctx: TerminalContext, options: { stats?: boolean } = {}, measure = width): string[] {
  const { theme, layout } = ctx;
  const blocks: string[] = [];
  const meta = articleMeta(doc.meta);
  if (doc.title !== undefined) {
    const styled = doc.titleTokens ? renderInline(doc.titleTokens, ctx) : prose(doc.title, ctx);
    const text = styleLines(layout.wrap(styled, width), theme.title);
    const rule = theme.headingRule(0);
    blocks.push(rule ? layout.underline(text, rule, width, theme.rules) : text);
  }
  const { standfirst } = meta;
  if (standfirst) blocks.push(styleLines(layout.wrap(prose(standfirst, ctx), measure), theme.standfirst));
  const { caption, credit } = meta;
  if (caption || credit) {
    const text = [caption, credit ? `(Photo: ${credit})` : undefined].filter(Boolean).join(' ');
    blocks.push(styleLines(layout.wrap(prose(text, ctx), measure), theme.caption));
  }
  if (doc.title !== undefined) {
    // Length and reading time for what reads like an article: a stored one, or one with front
    // matter (a README or changelog gets them with --stats).
    const stats = (options.stats ?? Object.keys(doc.meta).length > 0) ? formatStats(articleStats(doc)) : undefined;
    const line = [byline(meta.authors), meta.date === undefined ? undefined : displayDate(meta.date), meta.site, stats].filter(Boolean).map((s) => sanitizeLine(s!));
    if (line.length > 0) blocks.push(styleLines(layout.wrap(line.join(' · '), measure), theme.meta));
  }
  // A light rule sets the header apart from the text, as a paper's head sits above its body.
  if (blocks.length > 1) blocks.push(theme.rules(theme.rule.repeat(measure > 0 ? Math.min(measure, HEADER_RULE) : HEADER_RULE)));
  return blocks;
}

/** Front-matter text as a reader reads it: one line, typographic punctuation unless --no-smart. */
function prose(text: string, ctx: TerminalContext): string {
  const line = sanitizeLine(text);
  return ctx.smart ? smarten(line) : line;
}

/** Style each line on its own: wrapping plain text first keeps it on the fast layout path. */
function styleLines(text: string, style: (line: string) => string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : style(line)))
    .join('\n');
}
