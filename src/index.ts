/**
 * The library: what the CLI does, as functions of data. Importing it loads nothing but the
 * parser and the core; themes, the Unicode layout and the highlighter load when a document
 * needs them, as in the CLI.
 */
import { renderDocument, textOf, type MarkdownInput, type PipelineHooks } from './pipeline.js';
import type { RenderRequest } from './request.js';

export { renderDocument, prepareDocument, renderParsed, renderChunks, isReaderFormat, textOf, type Rendered, type Prepared, type PipelineHooks, type MarkdownInput } from './pipeline.js';
export { parseDocument, flatten, hasContent, sectionWords, type Document, type Section } from './document/tree.js';
export { selectSections } from './document/select.js';
export { readFrontMatter, splitFrontMatter, type FrontMatter, type Meta, type MetaValue } from './load/frontmatter.js';
export { loadKit, needsOf, plainKit, type Kit, type Needs } from './kit.js';
export { jsonArticle, type JsonArticle, type JsonSection } from './render/json.js';
export { tocEntries, type TocEntry } from './render/toc.js';
export { sanitize } from './sanitize.js';
export { BroadsheetError, EXIT } from './errors.js';
export { DEFAULT_REQUEST, FORMATS, LINK_STYLES, type RenderRequest, type Format, type LinkStyle } from './request.js';

/** Markdown -> what `broadsheet` would print for it (JSON as text); every option defaults. */
export async function render(markdown: MarkdownInput, request: Partial<RenderRequest> = {}, hooks: PipelineHooks = {}): Promise<string> {
  const rendered = await renderDocument(markdown, request, hooks);
  return textOf(rendered);
}
