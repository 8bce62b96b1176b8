/** `--format markdown`: the exact source text, so an extraction is safe to commit or publish. */
import type { Document, Section } from '../document/tree.js';

export function renderMarkdown(doc: Document, selection?: readonly Section[]): string {
  if (!selection) return doc.source;
  return selection.map((section) => `${sourceOf(doc, section)}\n`).join('\n');
}

/** A section's lines as written, without the blank lines that separate it from the next. */
export function sourceOf(doc: Document, section: Section): string {
  return doc.source.slice(section.start, section.end).replace(/(?:\n[ \t]*)+$/, '').replace(/^\n+/, '');
}
