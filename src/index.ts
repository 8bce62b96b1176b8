/** The library: everything the CLI does, as functions of data. */
import { register as registerComplexLayout } from './render/complex.js';
import { register as registerAnsiTheme } from './render/ansi-theme.js';
import { createHighlighter } from './render/highlight.js';
import { useHighlighter } from './render/theme.js';

// The library loads everything up front, so present() works synchronously for any input.
registerComplexLayout();
registerAnsiTheme();
useHighlighter(createHighlighter());

export { parseDocument, flatten, sectionWords, type Document, type Section } from './document.js';
export { selectSections } from './select.js';
export { present, type Request } from './core.js';
export { prepare } from './prepare.js';
export { renderTerminal } from './render/terminal.js';
export { renderMarkdown } from './render/markdown.js';
export { renderJson } from './render/json.js';
export { tocEntries, renderToc, type TocEntry } from './render/toc.js';
export { textTheme, ansiTheme, type Theme } from './render/theme.js';
export { sanitize } from './sanitize.js';
export { decode } from './articles.js';
export { BroadsheetError, EXIT } from './errors.js';
