/**
 * What a caller asks the pipeline for: the library's request type. The CLI's Options (options.ts)
 * extend it with what only a process has (paging).
 */
export const FORMATS = ['ansi', 'text', 'markdown', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export const LINK_STYLES = ['inline', 'footnotes', 'hidden'] as const;
/** Where a link's target is shown: after its text, as a numbered note at the end, or only on hover (OSC 8). */
export type LinkStyle = (typeof LINK_STYLES)[number];

export interface RenderRequest {
  format: Format;
  /** Columns to wrap at; 0 = no wrapping. */
  width: number;
  /** The table of contents instead of the text. */
  toc: boolean;
  /** `--section` selectors; empty = the whole document. */
  sections: readonly string[];
  links: LinkStyle;
  /** OSC 8 hyperlinks (ansi only). */
  hyperlinks: boolean;
  /** Print each selected section's own heading (`--no-heading` turns it off). */
  heading: boolean;
  /** Markdown extraction appends the link definitions a section uses (`--no-link-defs`). */
  linkDefinitions: boolean;
  /** Length and reading time in the header; undefined: for documents with front matter. */
  stats?: boolean;
  /** Typographic punctuation in what a reader reads (never in code or markdown). */
  smart: boolean;
  /** The palette of ansi output, for a dark or a light background. */
  theme: 'dark' | 'light';
  /** 2: the terminal shows 256 colours; 1: the 16 basic ones (chalk picks the nearest). */
  colorLevel: 1 | 2;
  /** Hyphenate words at line ends (in the document's language, front matter `lang`). */
  hyphenate: boolean;
  /** Columns side by side (1: none); `width` is then each column's measure. */
  columns: number;
  /** Lines on a screen page, for columns filled a page at a time; undefined: no pages. */
  pageHeight?: number;
}

export const DEFAULT_REQUEST: RenderRequest = {
  format: 'text',
  width: 0,
  toc: false,
  sections: [],
  links: 'inline',
  hyperlinks: false,
  heading: true,
  linkDefinitions: true,
  smart: true,
  theme: 'dark',
  colorLevel: 1,
  hyphenate: false,
  columns: 1,
};

/** A request with every field the caller left out (or set to undefined) defaulted. */
export function completeRequest(request: Partial<RenderRequest> = {}): RenderRequest {
  const given = Object.fromEntries(Object.entries(request).filter(([, value]) => value !== undefined));
  return { ...DEFAULT_REQUEST, ...given };
}
