/**
 * Load what a document needs before it is rendered, and nothing else: chalk only for ansi,
 * wrap-ansi and string-width only for text the fast layout path cannot measure (CJK, emoji,
 * combining marks, tabs, styled or linked text). Start-up is most of a CLI's cost.
 */
import type { Request } from './core.js';
import { hasComplexLayout, isSimpleToWrap } from './render/width.js';
import { currentHighlighter, hasAnsiTheme, useHighlighter } from './render/theme.js';

export async function prepare(text: string, request: Pick<Request, 'format' | 'toc' | 'hyperlinks'>): Promise<void> {
  const loads: Promise<void>[] = [];
  if (request.format === 'ansi' && !hasAnsiTheme()) loads.push(import('./render/ansi-theme.js').then((m) => m.register()));
  const highlight = request.format === 'ansi' && !request.toc && hasHighlightableCode(text);
  if (highlight && !currentHighlighter()) loads.push(import('./render/highlight.js').then((m) => useHighlighter(m.createHighlighter())));
  if (!hasComplexLayout() && (highlight || needsComplexLayout(text, request))) loads.push(import('./render/complex.js').then((m) => m.register()));
  await Promise.all(loads);
}

/** Conservative: a false "yes" costs milliseconds, a false "no" would be a wrong layout. */
export function needsComplexLayout(text: string, request: Pick<Request, 'format' | 'toc' | 'hyperlinks'>): boolean {
  if (request.format === 'markdown' && !request.toc) return false;
  if (text.includes('\t') || !isSimpleToWrap(text.replace(/\n/g, ' '))) return true;
  // Entities and YAML escapes can decode to any character.
  if (/&#?[A-Za-z0-9]+;|\\[uUxXe]/.test(text)) return true;
  // Styled text goes through wrap-ansi, which keeps styles and links whole across lines.
  return request.format === 'ansi' && (request.toc || request.hyperlinks || /[*_`~[<!@]|https?:|www\./i.test(text));
}

/** A fenced code block that names a language: the only thing worth loading highlight.js for. */
export function hasHighlightableCode(text: string): boolean {
  return /^ {0,3}(?:`{3,}|~{3,})[ \t]*[\w+#.-]/m.test(text);
}
