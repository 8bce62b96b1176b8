/**
 * What a document needs to be rendered, decided from its parsed tokens, and loaded once: the
 * theme, the layout (the fast one, or with the full Unicode measure and wrapper), the syntax
 * highlighter. Renderers receive the loaded kit as an argument (as bat passes its
 * HighlightingAssets to its controller); nothing is loaded behind their backs, and what a
 * document does not use is never loaded for it: start-up is most of a CLI's cost.
 */
import type { Token, Tokens } from 'marked';
import type { Highlighter } from './highlight/highlight.js';
import { articleMeta } from './document/meta.js';
import { allTokens, fenceLanguage } from './document/parse.js';
import { flatten, type Document, type Section } from './document/tree.js';
import { Layout } from './layout/layout.js';
import { isMeasurable, isSimple, isSimpleLines } from './layout/measure.js';
import { metaStrings, metaText } from './load/frontmatter.js';
import type { RenderRequest } from './request.js';
import { hyphenationLanguage, loadHyphenator, type Language } from './layout/hyphenate.js';
import { DARK, LIGHT } from './theme/palette.js';
import { plainTheme, type Theme } from './theme/theme.js';

export interface Kit {
  theme: Theme;
  layout: Layout;
  /** Colours fenced code that names a language (ansi only). */
  highlight?: Highlighter;
}

export interface Needs {
  /** Styles (chalk). */
  ansi: boolean;
  /** The full Unicode measure: text of characters the fast path does not know the width of. */
  unicode: boolean;
  highlight: boolean;
  /** The languages its fences name (the first word of each info string), for the highlighter's grammars. */
  languages?: string[];
  /** The palette and colour depth of the styles. */
  palette?: 'dark' | 'light';
  colorLevel?: 1 | 2;
  /** Hyphenation patterns, in this language. */
  hyphenation?: Language;
}

/** The plain kit: no styles, the fast layout. Enough for any document of one-column text. */
export const plainKit: Kit = { theme: plainTheme, layout: new Layout() };

export function needsOf(doc: Document, request: RenderRequest): Needs {
  const terminal = request.format === 'ansi' || request.format === 'text' || request.toc;
  if (!terminal && request.format !== 'json') return { ansi: false, unicode: false, highlight: false };
  const ansi = request.format === 'ansi';
  // Every token is walked only when a question needs it: a long plain document asks none.
  let walked: Token[] | undefined;
  const tokens = () => (walked ??= documentTokens(doc));
  // (Not from the source's fences alone: an HTML block's <pre><code class="language-js"> is code too.)
  const languages = ansi && !request.toc ? fenceLanguages(tokens()) : [];
  const highlight = languages.length > 0;
  // Hyphenation is for text set to a narrow measure: never JSON, never the table of contents.
  const hyphenation = request.hyphenate && request.width > 0 && !request.toc && request.format !== 'json' ? hyphenationLanguage(metaText(doc.meta.lang)) : undefined;
  return { ansi, unicode: needsUnicode(doc, tokens), highlight, languages, palette: request.theme, colorLevel: request.colorLevel, hyphenation };
}

export async function loadKit(needs: Needs): Promise<Kit> {
  const palette = needs.palette === 'light' ? LIGHT : DARK;
  const level = needs.colorLevel ?? 1;
  const styles = needs.ansi ? import('./theme/ansi.js') : undefined;
  const [theme, unicode, highlight, hyphenate] = await Promise.all([
    styles ? styles.then((m) => m.createAnsiTheme(palette, level)) : plainTheme,
    needs.unicode ? import('./layout/unicode.js').then((m) => m.unicodeLayout) : undefined,
    styles && needs.highlight
      ? Promise.all([import('./highlight/highlight.js'), styles]).then(([m, ansi]) => m.createHighlighter(ansi.syntaxStyles(palette, level), needs.languages))
      : undefined,
    needs.hyphenation ? loadHyphenator(needs.hyphenation) : undefined,
  ]);
  return { theme, layout: new Layout(unicode, hyphenate), highlight };
}

/**
 * Whether the layout can measure text as it is and in NFC (wrapping normalises): both must be.
 * NFC splits a few precomposed letters (क़ U+0958, য় U+09DF, Hebrew presentation forms) into a
 * letter and a combining mark, which only string-width measures. Most text is NFC already, and
 * then is not read twice.
 */
function measurableAsWrapped(text: string): boolean {
  if (!isMeasurable(text)) return false;
  const nfc = text.normalize();
  return nfc === text || isMeasurable(nfc);
}

/** From this length, a text's characters beyond printable ASCII are read apart from the rest (beyondAscii). */
const LONG_TEXT = 256;
const BEYOND_ASCII = /[^\x20-\x7e]/gu;

/**
 * A text's characters beyond printable ASCII, each apart: what measuring it
 * hangs on. Whether the layout measures text is a property of each character (tabs and selectors
 * stand apart as spaces), every printable ASCII character has it, and NFC composes none of them
 * with what follows (the marks and jamo it composes are not measured either way). So a README's
 * whole source is read as its few dozen other characters, not run through the Unicode classes
 * character by character (~1 ms for ajv's 87 KB). Each stands apart, so that two lone surrogates
 * never meet as a pair.
 */
function beyondAscii(text: string): string {
  return (text.match(BEYOND_ASCII) ?? []).join(' ');
}

/** The first word of each fence's info string, once each (code.ts highlights by that word). */
function fenceLanguages(tokens: Token[]): string[] {
  const languages = new Set<string>();
  for (const token of tokens) {
    const lang = token.type === 'code' ? fenceLanguage(token as Tokens.Code) : '';
    if (lang) languages.add(lang);
  }
  return [...languages];
}

/** Every token of the document, the title's included. */
function documentTokens(doc: Document): Token[] {
  const sections: Section[] = [doc.lead, ...flatten(doc.sections)];
  const tops: Token[] = [...(doc.titleTokens ?? [])];
  for (const section of sections) {
    if (section.heading) tops.push(section.heading);
    for (const token of section.tokens) tops.push(token);
  }
  return allTokens(tops);
}

/**
 * Text the fast layout cannot measure. Printed characters come from the front matter, the
 * slugs (github-slugger lowercases: İ becomes i and a combining dot), and the tokens' text and
 * link targets; those come from the source, or from a decoder (an entity, an HTML block, an
 * emoji shortcode, a numeric reference marked decodes). So a measurable source that no decoder
 * was given for needs nothing more; else each token decides. A false "yes" costs milliseconds;
 * a false "no" is an internal error (the fast layout refuses what it cannot measure).
 */
function needsUnicode(doc: Document, tokens: () => Token[]): boolean {
  const { site } = articleMeta(doc.meta);
  const measurable = (text: string) => isSimple(text) || measurableAsWrapped(text.length > LONG_TEXT ? beyondAscii(text) : text);
  if ([...metaStrings(doc.meta), site ?? ''].some((value) => !measurable(value))) return true;
  if (flatten(doc.sections).some((section) => !measurable(section.slug))) return true;
  const source = doc.source;
  // The tokens' text is pieces of the source but for what the decoders made (none were loaded
  // for most READMEs: an `&` in `&&` and no reference) and the numeric references marked decodes.
  const made = doc.decodersGiven === false ? [] : doc.decoded;
  if (made !== undefined && !source.includes('&#') && (isSimpleLines(source) || measurable(source.replace(/\n/g, ' ')))) {
    return made.some((text) => !measurable(text.replace(/\n/g, ' ')));
  }
  // A link's target is printed beside it, or listed under its table or at the end: it is in no
  // token's text when the link is a reference (`[a][r]`) or sits in a table cell.
  return tokens().some((token) => {
    const { text, href } = token as { text?: unknown; href?: unknown };
    return (typeof text === 'string' && !measurable(text.replace(/\n/g, ' '))) || (typeof href === 'string' && !measurable(href));
  });
}
