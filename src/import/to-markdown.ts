/**
 * An article's HTML -> Markdown in the house style, with turndown and the GFM table plugin.
 *
 * House rules, applied to the DOM before conversion (each a rule, not a list of sites):
 * - no repeated headline or standfirst: a leading heading or paragraph that says what the title
 *   (or the standfirst) says is dropped, since the front matter carries it;
 * - no repeated caption: a block that repeats the lead image's caption is dropped, and an image
 *   whose alt text repeats its own caption loses the alt text;
 * - no debris: short blocks that are only a widget's words ("Share this article", "Sign up for
 *   our newsletter", "Advertisement", "Do you like the content of this article?", "Text size"...),
 *   elements a page marks as share/newsletter/ad widgets, and form controls, scripts, styles,
 *   embeds;
 * - subheads as `##`: heading levels shift so the article's top level is 2 (the title is the
 *   only level 1, in the front matter);
 * - links only to http, https and mailto (javascript:, data:, vbscript:, relative and
 *   in-page links keep their text and lose the link); images only from http(s), and not
 *   spacers; tables that Markdown cannot hold (lists, headings, quotes or code in a cell) become
 *   their cells' content, so no raw HTML ever reaches the Markdown;
 * - curly quotes, dashes and every other character stay as the page had them, except control and
 *   bidi characters (see clean.ts).
 */
import TurndownService from 'turndown';
import { gfm } from '@joplin/turndown-plugin-gfm';
import { cleanText } from './clean.js';
import { type DomElement, isElement, isSpacerImage, parseFragment, TEXT_NODE, visibleText } from './dom.js';

export interface ToMarkdownOptions {
  /** The article's title: a leading block that repeats it is dropped. */
  title?: string;
  /** The standfirst that heads the article: a leading block that repeats it is dropped. */
  standfirst?: string;
  /** The lead image's caption (in the front matter): a block that repeats it is dropped. */
  caption?: string;
  /** The front matter has the date: a leading dateline is dropped. */
  dated?: boolean;
}

export function toMarkdown(html: string, options: ToMarkdownOptions = {}): string {
  const root = parseFragment(html);
  removeUnwanted(root);
  fixLinksAndImages(root);
  removeDebris(root);
  removeRepeats(root, options);
  shiftHeadings(root);
  flattenComplexTables(root);
  const markdown = createTurndown().turndown(root.innerHTML);
  return tidy(markdown);
}

/** The text of the article's first paragraph (to tell a standfirst from a copy of the lede). */
export function firstParagraphText(html: string): string | undefined {
  for (const p of parseFragment(html).querySelectorAll('p')) {
    if (p.closest('figure, figcaption, header, aside, blockquote')) continue;
    const text = visibleText(p);
    if (wordCount(text) > 0) return text;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// House rules on the DOM

const UNWANTED = 'script, style, noscript, template, iframe, frame, frameset, object, embed, applet, canvas, svg, math annotation-xml, button, form, input, select, option, textarea, label, dialog, video, audio, source, track, map, area, link, meta, base';

function removeUnwanted(root: DomElement): void {
  for (const element of Array.from(root.querySelectorAll(UNWANTED))) element.remove();
}

const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

function fixLinksAndImages(root: DomElement): void {
  for (const link of Array.from(root.querySelectorAll('a'))) {
    const href = safeUrl(link.getAttribute('href'), LINK_SCHEMES);
    if (href) {
      link.setAttribute('href', href);
      link.removeAttribute('title');
    } else {
      unwrap(link);
    }
  }
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const src = safeUrl(img.getAttribute('src'), IMAGE_SCHEMES);
    if (!src || isSpacerImage(img)) img.remove();
    else img.setAttribute('src', src);
  }
}

const IMAGE_SCHEMES = new Set(['http:', 'https:']);

/** An absolute URL with an allowed scheme, normalised (spaces and the like percent-encoded), or undefined. */
function safeUrl(value: string | null, schemes: Set<string>): string | undefined {
  if (!value) return undefined;
  try {
    // Browsers strip leading/trailing C0 controls and spaces, and tabs and newlines anywhere,
    // before they read a scheme ("java\nscript:" is javascript:); so does URL.
    const url = new URL(value.trim());
    return schemes.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function unwrap(element: DomElement): void {
  const parent = element.parentNode;
  if (!parent) return;
  while (element.firstChild) parent.insertBefore(element.firstChild, element);
  element.remove();
}

/**
 * Words that are a widget's, not the article's, when they are all a short block says. Matched
 * against the block's whole text, lower-cased, with trailing punctuation and arrows removed.
 */
const DEBRIS: RegExp[] = [
  /^(?:advertisement|advertising|advert|ad|ads|sponsored(?: content)?|paid (?:content|post)|promoted(?: content)?|partner content|supported by|skip (?:advertisement|ad))$/,
  /^(?:story|article) continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?$|^continue reading(?: (?:the )?(?:main story|below|article|story))?$/,
  /^(?:share|share (?:this|the) (?:article|story|page|post)|share (?:this|it)|(?:share|post|send|tweet)(?: (?:this|it))? (?:on|to|via|by) [\w. ]{1,30}|tweet|pin it|email|e-mail|print|copy link|link copied|facebook|twitter|linkedin|whatsapp|reddit)$/,
  /^(?:share|share this)(?: (?:on|via)?\s*)?(?:(?:facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|email|e-mail|print|messenger|telegram|copy link)\s*)+$/,
  /^(?:follow us|follow|like us|find us)(?: on [\w. ]{1,40})?$/,
  /^(?:sign up|sign up now|subscribe|subscribe now|register now|log in|login|sign in)$/,
  /^(?=.*\bnewsletters?\b)(?=.*\b(?:sign up|sign-up|subscribe|subscription|inbox|get our|get the)\b)/,
  /^(?:sign up|subscribe|register)\b.{0,80}$/,
  /^(?:read more|more|see more|show more|load more|view more|read next|up next|next article|previous article|more on this (?:story|topic)|related(?: (?:articles?|stories|content|coverage|topics|links|reading))?|recommended(?: for you)?|you (?:may|might) also like|most (?:read|popular|viewed|shared)|trending(?: now)?|top stories|editor'?s picks)$/,
  /^(?:comments?|\d+ comments?|view comments|show comments|leave a comment|add a comment|join the (?:conversation|discussion)|comments are closed)$/,
  /^(?:text size|font size|change text size|a ?a ?a|a\+ ?a-|a- ?a\+|listen(?: to (?:this|the) (?:article|story))?|play video|watch video|play|pause|close|open|menu|toggle caption|hide caption|expand|enlarge (?:this )?image|view (?:image|gallery|slideshow))$/,
  /^(?:do|did) you (?:like|enjoy|find)\b.{0,40}\b(?:article|story|content|page|piece)\b.{0,20}$|^(?:was|is) this (?:article |story |page |content )?(?:helpful|useful)$|^(?:how )?(?:would you )?rate this (?:article|story)$/,
  /^(?:image|photo|video|picture|graphic)$/,
  /^(?:powered by|presented by|brought to you by|in partnership with)\b.{0,40}$/,
];


/** Class or id words that mark a widget (matched as whole words split on '-', '_' and spaces). */
const WIDGET_WORDS = new Set(['share', 'sharing', 'sharebar', 'social', 'newsletter', 'newsletters', 'advert', 'advertisement', 'ad', 'ads', 'adslot', 'adunit', 'sponsor', 'sponsored', 'promo', 'subscribe', 'subscription', 'signup', 'outbrain', 'taboola', 'paywall', 'toolbar', 'widget']);

/** A block no longer than this (in words) may be debris; longer ones are the article's. */
const DEBRIS_MAX_WORDS = 12;
const WIDGET_MAX_WORDS = 40;
const BLOCKS = 'p, div, section, aside, li, ul, ol, dl, h1, h2, h3, h4, h5, h6, header, footer, nav, figure, figcaption, span, a, strong, b, em, i, small, blockquote, table';

function removeDebris(root: DomElement): void {
  const total = wordCount(visibleText(root));
  for (const element of Array.from(root.querySelectorAll(BLOCKS))) {
    if (!element.parentNode) continue;
    const text = visibleText(element);
    const words = wordCount(text);
    if (words === 0) {
      if (!element.querySelector('img, hr, pre, code, table') && !/^(?:SPAN|A|STRONG|B|EM|I|SMALL|TABLE)$/.test(element.tagName)) element.remove();
      continue;
    }
    if (isWidgetText(text) && standsAlone(element)) {
      element.remove();
      continue;
    }
    if (words <= WIDGET_MAX_WORDS && !element.querySelector('img') && isWidget(element) && words < total / 2) element.remove();
  }
  // <nav> inside an article is a list of links elsewhere (breadcrumbs, pagination, tags), never its prose.
  for (const element of Array.from(root.querySelectorAll('nav'))) element.remove();
}

/** All a block says is a widget's words: a short debris line or a newsletter pitch. */
export function isWidgetText(text: string): boolean {
  const words = wordCount(text);
  return words > 0 && ((words <= DEBRIS_MAX_WORDS && isDebrisText(text)) || (words <= WIDGET_MAX_WORDS && isNewsletterPitch(text)));
}

export function isDebrisText(text: string): boolean {
  const key = text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[\s:.…!?»›→>|•·–—-]+$/u, '')
    .replace(/^[\s•·|«‹←<]+/u, '')
    .replace(/\s+/g, ' ')
    .trim();
  return DEBRIS.some((pattern) => pattern.test(key));
}

/** "Sign up for Command Line, a weekly newsletter from ... Your first month is free!" */
function isNewsletterPitch(text: string): boolean {
  return /^(?:sign up|subscribe|get|join|want more|like this|enjoy)\b/i.test(text) && /\bnewsletters?\b/i.test(text);
}

/** An inline element is debris only when it is all its block says (not a word inside a sentence). */
function standsAlone(element: DomElement): boolean {
  if (!/^(?:SPAN|A|STRONG|B|EM|I|SMALL)$/.test(element.tagName)) return true;
  const parent = element.parentNode;
  return !!parent && visibleText(parent) === visibleText(element);
}

function isWidget(element: DomElement): boolean {
  const marks = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''} ${element.getAttribute('role') ?? ''}`.toLowerCase();
  if (/\b(?:toolbar|complementary)\b/.test(element.getAttribute('role') ?? '')) return true;
  return marks.split(/[\s_-]+/).some((word) => WIDGET_WORDS.has(word));
}

function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** Letters and digits only, lower-cased: "Xi and Putin hail ‘new era’" equals "Xi and Putin hail 'new era'". */
export function sameText(a: string, b: string): boolean {
  const key = (s: string): string => (s.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
  const ka = key(a);
  return ka !== '' && ka === key(b);
}

/**
 * A heading made of the title's words (at least three, three quarters of them in the title):
 * "$150K Pearl Oscar Dress ... STOLEN!!!!" under the title "Lupita Nyong'o's $150K Pearl Oscar
 * Dress -- STOLEN!!!". Readability's own test for a headline repeating the title is alike.
 */
function mostlyWithin(text: string, title: string): boolean {
  const words = text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const titleWords = new Set(title.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  return words.length >= 3 && words.filter((word) => titleWords.has(word)).length >= 0.75 * words.length;
}

/** "Headline | Site" or "Headline - Site": the headline alone, when the rest looks like a suffix. */
function titleVariants(title: string): string[] {
  const variants = [title];
  const parts = title.split(/\s+[|–—:·•-]\s+/);
  if (parts.length > 1) {
    if (wordCount(parts[0]!) >= 2) variants.push(parts[0]!);
    const last = parts[parts.length - 1]!;
    if (wordCount(parts.slice(0, -1).join(' ')) >= 2) variants.push(title.slice(0, title.length - last.length).replace(/\s+[|–—:·•-]\s+$/, ''));
  }
  return variants;
}

const LEADING_BLOCKS = /^(?:P|H[1-6]|DIV|SPAN|STRONG|B|EM|I|FIGCAPTION|HEADER|HGROUP)$/;

function removeRepeats(root: DomElement, options: ToMarkdownOptions): void {
  const headlines = options.title ? titleVariants(options.title) : [];
  const leading = [...headlines, ...(options.standfirst ? [options.standfirst] : [])];
  // A <header> at the top that repeats the headline or standfirst is the page's own header
  // (kicker, headline, standfirst, byline, dateline): the front matter stands in for all of it.
  const first = leafBlocks(root)[0];
  const header = first?.closest('header');
  if (header && header !== root && leafBlocks(header).some((block) => leading.some((line) => sameText(visibleText(block), line)))) {
    removeWithEmptyAncestors(header, root);
  }
  // Leading blocks, from the top: repeats of the header and a dateline (when the front matter
  // has the date) go; headings are passed over; the first other block ends the search.
  for (const block of leafBlocks(root)) {
    const text = visibleText(block);
    const heading = /^H[1-6]$/.test(block.tagName);
    const repeats = leading.some((line) => sameText(text, line)) || (heading && headlines.some((line) => mostlyWithin(text, line)));
    if ((LEADING_BLOCKS.test(block.tagName) && repeats) || (options.dated && isDateline(block))) {
      removeWithEmptyAncestors(block, root);
      continue;
    }
    if (!heading) break;
  }
  if (options.caption) {
    for (const block of leafBlocks(root)) {
      if (sameText(visibleText(block), options.caption)) removeWithEmptyAncestors(block, root);
    }
  }
  // An image's alt text that repeats its caption (or the text right after it, or the headline)
  // would be read twice.
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const alt = img.getAttribute('alt') ?? '';
    if (!alt) continue;
    const figcaption = img.closest('figure')?.querySelector('figcaption');
    const caption = figcaption ? visibleText(figcaption) : textAfter(img.closest('figure') ?? img, root);
    if (sameText(alt, caption) || (caption !== '' && caption.includes(alt.trim())) || headlines.some((h) => sameText(alt, h))) {
      img.setAttribute('alt', '');
    }
  }
}

/** A block that is only <time> elements (and words like "Updated" between them). */
function isDateline(block: DomElement): boolean {
  const times = Array.from(block.querySelectorAll('time'));
  if (block.tagName === 'TIME') times.push(block);
  if (times.length === 0) return false;
  let rest = visibleText(block);
  for (const time of times) rest = rest.replace(visibleText(time), ' ');
  return /^(?:[\s,;|·•–—-]|\b(?:updated|published|posted|last|on|at)\b:?)*$/i.test(rest);
}

/** The text of the first block after an element that has any. */
function textAfter(element: DomElement, root: DomElement): string {
  for (let node: DomElement | null = element; node && node !== root; node = node.parentNode) {
    for (let next = node.nextSibling; next; next = next.nextSibling) {
      const text = visibleText(next);
      if (text !== '') return text;
    }
  }
  return '';
}

/** Blocks that hold text directly (paragraphs, headings, captions, list items...), in document order. */
function leafBlocks(root: DomElement): DomElement[] {
  const blocks: DomElement[] = [];
  const visit = (element: DomElement): void => {
    const children = Array.from(element.childNodes);
    const hasOwnText = children.some((node) => (node.nodeType === TEXT_NODE && /[\p{L}\p{N}]/u.test(node.textContent ?? '')) || (isElement(node) && INLINE.test(node.tagName)));
    if (element !== root && (hasOwnText || /^(?:P|H[1-6]|FIGCAPTION|LI|DT|DD|TD|TH|PRE|BLOCKQUOTE)$/.test(element.tagName))) {
      if (wordCount(visibleText(element)) > 0) blocks.push(element);
      return;
    }
    for (const node of children) if (isElement(node)) visit(node);
  };
  visit(root);
  return blocks;
}

const INLINE = /^(?:A|ABBR|B|BDI|BDO|CITE|CODE|DATA|DFN|EM|I|KBD|MARK|Q|S|SAMP|SMALL|SPAN|STRONG|SUB|SUP|TIME|U|VAR|BR|DEL|INS)$/;

function removeWithEmptyAncestors(element: DomElement, root: DomElement): void {
  let parent = element.parentNode;
  element.remove();
  while (parent && parent !== root && wordCount(visibleText(parent)) === 0 && !parent.querySelector('img')) {
    const next: DomElement | null = parent.parentNode;
    parent.remove();
    parent = next;
  }
}

/** A "heading" this long is a paragraph set large (a lede, a pull quote), not a subhead. */
const MAX_HEADING_WORDS = 20;

/** The article's top heading level becomes ##; the others keep their distance below it. */
function shiftHeadings(root: DomElement): void {
  for (const heading of Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6'))) {
    if (wordCount(visibleText(heading)) > MAX_HEADING_WORDS) rename(heading, 'p');
  }
  const headings = Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6'));
  if (headings.length === 0) return;
  const top = Math.min(...headings.map((h) => Number(h.tagName[1])));
  const shift = 2 - top;
  if (shift === 0) return;
  for (const heading of headings) {
    rename(heading, `h${Math.min(6, Math.max(2, Number(heading.tagName[1]) + shift))}`);
  }
}

function rename(element: DomElement, tagName: string): void {
  const replacement = element.ownerDocument.createElement(tagName);
  while (element.firstChild) replacement.appendChild(element.firstChild);
  element.replaceWith(replacement);
}

/**
 * Tables whose cells hold blocks cannot be Markdown tables, and a one-column table is a layout
 * box, not data: their cells become blocks. In the others, a cell's line breaks and paragraphs
 * become spaces (a Markdown table row is one line).
 */
function flattenComplexTables(root: DomElement): void {
  const doc = root.ownerDocument;
  for (const table of Array.from(root.querySelectorAll('table')).reverse()) {
    if (!table.parentNode) continue;
    const cells = Array.from(table.querySelectorAll('td, th')).filter((cell) => cell.closest('table') === table);
    const columns = Math.max(0, ...Array.from(table.querySelectorAll('tr')).map((row) => Array.from(row.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH').length));
    if (columns <= 1 || table.querySelector('ul, ol, h1, h2, h3, h4, h5, h6, hr, blockquote, pre, table, figure, dl')) {
      const container = doc.createElement('div');
      for (const cell of cells) {
        const block = doc.createElement('div');
        while (cell.firstChild) block.appendChild(cell.firstChild);
        container.appendChild(block);
      }
      table.replaceWith(container);
      continue;
    }
    for (const cell of cells) {
      for (const br of Array.from(cell.querySelectorAll('br'))) br.replaceWith(doc.createTextNode(' '));
      for (const block of Array.from(cell.querySelectorAll('p, div, section, article, header, footer, address, caption, figcaption'))) {
        const span = doc.createElement('span');
        while (block.firstChild) span.appendChild(block.firstChild);
        span.appendChild(doc.createTextNode(' '));
        block.replaceWith(span);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Conversion

function createTurndown(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    hr: '---',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    fence: '```',
    emDelimiter: '_',
    strongDelimiter: '**',
    linkStyle: 'inlined',
    br: '\\',
  });
  service.use(gfm);

  const escape = service.escape.bind(service);
  // Text is text: '<' and entity-like '&' would otherwise become raw HTML or a character
  // reference in the Markdown; "1) " would start a list.
  service.escape = (text: string): string =>
    escape(text)
      .replace(/</g, '\\<')
      .replace(/&(?=#?\w+;)/g, '\\&')
      .replace(/^(\d+)\) /, '$1\\) ');

  service.addRule('listItem', {
    filter: 'li',
    replacement(content, node) {
      const element = node as unknown as DomElement;
      const parent = element.parentNode;
      let prefix = '- ';
      if (parent?.tagName === 'OL') {
        const start = Number.parseInt(parent.getAttribute('start') ?? '1', 10);
        const index = Array.from(parent.children).indexOf(element);
        prefix = `${(Number.isFinite(start) ? start : 1) + index}. `;
      }
      const body = content.replace(/^\n+/, '').replace(/\n+$/, '\n').replace(/\n(?!$)/g, `\n${' '.repeat(prefix.length)}`);
      return prefix + body + (element.nextSibling && !/\n$/.test(body) ? '\n' : '');
    },
  });

  service.addRule('image', {
    filter: 'img',
    replacement(_content, node) {
      const element = node as unknown as DomElement;
      const src = element.getAttribute('src');
      if (!src) return '';
      const alt = (element.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim().replace(/([\\[\]])/g, '\\$1');
      return `![${alt}](${src.replace(/([()])/g, '\\$1')})`;
    },
  });

  service.addRule('link', {
    filter: (node) => node.nodeName === 'A' && !!(node as unknown as DomElement).getAttribute('href'),
    replacement(content, node) {
      const href = (node as unknown as DomElement).getAttribute('href')!;
      const text = content.trim();
      if (text === '') return '';
      return `[${content}](${href.replace(/([()])/g, '\\$1')})`;
    },
  });

  // <pre> without <code> is code too.
  service.addRule('preformatted', {
    filter: (node) => node.nodeName === 'PRE' && node.firstChild?.nodeName !== 'CODE',
    replacement(_content, node) {
      const code = (node.textContent ?? '').replace(/\n$/, '');
      const longest = Math.max(2, ...(code.match(/`{3,}/g) ?? []).map((f: string) => f.length));
      const fence = '`'.repeat(longest + 1);
      return `\n\n${fence}\n${code}\n${fence}\n\n`;
    },
  });

  // Whatever is left unknown is read for its text; nothing is kept as HTML.
  service.keep(() => false);
  return service;
}

function tidy(markdown: string): string {
  const lines = cleanText(markdown).split('\n').map((line) => line.replace(/[ \t]+$/, ''));
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
