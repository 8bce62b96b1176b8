/** Kits with everything loaded, for tests that render synchronously, and the pipeline as text. */
import { GRAMMARS } from '../src/highlight/languages.js';
import { loadKit } from '../src/kit.js';
import { renderDocument, textOf, type MarkdownInput } from '../src/pipeline.js';
import type { RenderRequest } from '../src/request.js';

export const plainFull = await loadKit({ ansi: false, unicode: true, highlight: false });
// Every grammar highlight.js has, as if a document named them all.
export const ansiFull = await loadKit({ ansi: true, unicode: true, highlight: true, languages: Object.keys(GRAMMARS) });

/** What the CLI would print for `markdown` (JSON stringified). */
export async function printed(markdown: MarkdownInput, request: Partial<RenderRequest> = {}): Promise<string> {
  return textOf(await renderDocument(markdown, request));
}
