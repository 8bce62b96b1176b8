/**
 * The pure pipeline: text -> Document -> selection -> rendered string. No process, no clock.
 */
import { parseDocument, type Document } from './document.js';
import type { Options } from './options.js';
import { selectSections } from './select.js';
import { renderJson, renderTocJson } from './render/json.js';
import { renderMarkdown } from './render/markdown.js';
import { renderTerminal } from './render/terminal.js';
import { ansiTheme, textTheme } from './render/theme.js';
import { renderToc, tocEntries } from './render/toc.js';

export type Request = Pick<Options, 'format' | 'width' | 'toc' | 'sections' | 'links' | 'hyperlinks'>;

export function present(text: string, request: Request): string {
  // Extraction as Markdown needs headings and source ranges only: skip inline lexing.
  const inline = !(request.format === 'markdown' && !request.toc);
  const doc: Document = parseDocument(text, { inline });
  const theme = request.format === 'ansi' ? ansiTheme() : textTheme;
  if (request.toc) {
    return request.format === 'json' ? renderTocJson(tocEntries(doc)) : renderToc(doc, theme, request.width);
  }
  const selection = request.sections.length > 0 ? selectSections(doc, request.sections) : undefined;
  switch (request.format) {
    case 'markdown':
      return renderMarkdown(doc, selection);
    case 'json':
      return renderJson(doc, selection);
    default:
      return renderTerminal(doc, { theme, width: request.width, hyperlinks: request.hyperlinks, links: request.links }, selection);
  }
}
