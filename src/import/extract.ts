/**
 * A web page -> its article, with Mozilla's Readability (the engine of Firefox Reader View) over
 * linkedom. Nothing from the page runs: linkedom has no script engine, fetches nothing and
 * evaluates no CSS; Readability removes scripts from what it returns.
 *
 * Besides what Readability finds, this step gives lazy-loaded images their address, takes the
 * lead image out of the content (the first image before any of the article's text) so its caption
 * and credit can head the stored article instead of repeating in the body, and it replaces a
 * byline that is not a name (Readability sometimes takes a dateline for one) with the author the
 * page declares in its metadata.
 */
import { Readability } from '@mozilla/readability';
import { BroadsheetError } from '../errors.js';
import { cleanLine } from './clean.js';
import { type DomDocument, type DomElement, type DomNode, isElement, isSpacerImage, parsePage, TEXT_NODE, visibleText } from './dom.js';

export interface LeadImage {
  /** http(s) only. */
  src?: string;
  alt?: string;
  caption?: string;
  credit?: string;
}

export interface ExtractedArticle {
  title: string;
  /** The author as the page names them (Readability's byline, else the page's author metadata). */
  byline: string | null;
  excerpt: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  dir: string | null;
  /** The article's HTML, without the lead image. Links and images are absolute when the URL is known. */
  contentHtml: string;
  leadImage?: LeadImage;
  /** The page's address: the URL it was fetched from, else its canonical URL (http(s) only). */
  url?: string;
}

export interface ExtractOptions {
  /** Where the page came from; relative links are resolved against it (and any <base>). */
  url?: string;
}

export function extractArticle(html: string, options: ExtractOptions = {}): ExtractedArticle {
  const doc = parsePage(html);
  const url = httpUrl(options.url) ?? canonicalUrl(doc);
  const base = setDocumentUrl(doc, url);
  const declaredAuthor = metaAuthor(doc);
  const declaredTime = metaTime(doc);

  const article = new Readability<DomElement>(doc as never, {
    keepClasses: true,
    serializer: (node) => node as unknown as DomElement,
  }).parse();
  const content = article?.content;
  if (!article || !content || !/[\p{L}\p{N}]/u.test(content.textContent ?? '')) {
    throw new BroadsheetError('no-article', 'no article found in the page');
  }

  fixLazyImages(content, base);
  const leadImage = takeLeadImage(content);
  return {
    title: cleanLine(article.title ?? ''),
    byline: nameFromByline(article.byline) ?? declaredAuthor ?? null,
    excerpt: nonEmpty(article.excerpt),
    siteName: nonEmpty(article.siteName),
    publishedTime: nonEmpty(article.publishedTime) ?? declaredTime ?? null,
    lang: nonEmpty(article.lang),
    dir: nonEmpty(article.dir),
    contentHtml: content.innerHTML,
    ...(leadImage ? { leadImage } : {}),
    ...(url ? { url } : {}),
  };
}

function nonEmpty(text: string | null | undefined): string | null {
  const line = text ? cleanLine(text) : '';
  return line === '' ? null : line;
}

function httpUrl(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A saved page usually still says where it lives. */
function canonicalUrl(doc: DomDocument): string | undefined {
  return (
    httpUrl(doc.querySelector('link[rel~="canonical"][href]')?.getAttribute('href')) ??
    httpUrl(doc.querySelector('meta[property="og:url"][content]')?.getAttribute('content'))
  );
}

/**
 * Readability resolves relative links against document.baseURI; linkedom does not model a
 * document's address, so give it one (the page's <base href>, resolved against its URL).
 */
function setDocumentUrl(doc: DomDocument, url: string | undefined): string | undefined {
  let base = url;
  const href = doc.querySelector('base[href]')?.getAttribute('href');
  if (href) {
    try {
      base = new URL(href, url).href;
    } catch {
      // a relative <base> without a page URL: nothing to resolve against
    }
  }
  Object.defineProperty(doc, 'documentURI', { value: url ?? null, configurable: true });
  Object.defineProperty(doc, 'baseURI', { value: base ?? null, configurable: true });
  return base;
}

const LAZY_SRC = ['data-src', 'data-original', 'data-lazy-src'];

/**
 * A lazy-loaded image keeps its address in data-src (or the like) until a script moves it to src,
 * and no script runs here. Readability moves it only when it ends in an image extension.
 */
function fixLazyImages(root: DomElement, base: string | undefined): void {
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const src = img.getAttribute('src');
    if (src && !/^\s*data:/i.test(src)) continue;
    for (const name of LAZY_SRC) {
      const value = img.getAttribute(name)?.trim();
      // One address, not a srcset-like list or a JSON blob for a script.
      if (!value || /[\s{}"'<>]/.test(value)) continue;
      let resolved: string | undefined;
      try {
        resolved = httpUrl(new URL(value, base).href);
      } catch {
        // relative, with nothing to resolve it against
      }
      if (resolved) {
        img.setAttribute('src', resolved);
        break;
      }
    }
  }
}

/**
 * A byline is a name, not a dateline: "April 28, 2019 at 6:01 am Updated ..." is not an author,
 * nor is "Lucas Nolan22 Dec 2016651" (a name run into a date and a comment count). Names carry
 * no numbers of two digits or more and no "updated"/"published"/"posted".
 */
export function looksLikeName(byline: string): boolean {
  return !/\d\d|\b(?:updated|published|posted)\b/i.test(byline) && /\p{L}/u.test(byline);
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
/** Where a dateline starts: "22 Dec 2016", "March 25, 2015", "2015-03-25", "3/25/2015", "Updated". */
const DATELINE = new RegExp(`\\d{1,2}\\s*${MONTH},?\\s+\\d{4}|\\b${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\b\\d{4}-\\d\\d-\\d\\d|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}|\\b(?:last )?(?:updated|published|posted)\\b`, 'i');

/**
 * The name in a byline that Readability took with its surroundings: the first line only, and
 * nothing from where a dateline starts ("By Nathan Willis\n March 25, 2015" -> "By Nathan
 * Willis"; "Lucas Nolan22 Dec 2016651" -> "Lucas Nolan"). Undefined when no name is left.
 */
export function nameFromByline(byline: string | null | undefined): string | undefined {
  if (!byline) return undefined;
  const firstLine = byline.trim().replace(/^((?:written\s+)?by:?)\s*\n\s*/i, '$1 ').split(/\s*\n\s*/)[0] ?? '';
  const date = DATELINE.exec(firstLine);
  const name = cleanLine(date ? firstLine.slice(0, date.index) : firstLine).replace(/[\s,;|·•–—-]+$/, '');
  return name && looksLikeName(name) ? name : undefined;
}

const AUTHOR_META = ['meta[name="author"]', 'meta[itemprop="author"]', 'meta[property="article:author"]', 'meta[name="parsely-author"]', 'meta[name="sailthru.author"]', 'meta[name="dc.creator"]', 'meta[name="DC.creator"]'];

/** The author the page declares in its metadata (not a profile URL, not a date). */
function metaAuthor(doc: DomDocument): string | undefined {
  for (const selector of AUTHOR_META) {
    for (const meta of doc.querySelectorAll(selector)) {
      const value = nonEmpty(meta.getAttribute('content'));
      if (value && !/^[a-z][\w+.-]*:\/\//i.test(value) && looksLikeName(value)) return value;
    }
  }
  return undefined;
}

const TIME_META = ['meta[property="article:published_time"]', 'meta[itemprop="datePublished"]', 'meta[name="date"]', 'meta[name="dc.date"]', 'meta[name="DC.date.issued"]', 'meta[name="pubdate"]'];

function metaTime(doc: DomDocument): string | undefined {
  for (const selector of TIME_META) {
    const value = nonEmpty(doc.querySelector(selector)?.getAttribute('content'));
    if (value) return value;
  }
  const time = doc.querySelector('time[itemprop="datePublished"][datetime], time[pubdate][datetime]');
  return nonEmpty(time?.getAttribute('datetime')) ?? undefined;
}

const HEADING = /^(?:H[1-6]|HEADER|HGROUP)$/;

/**
 * The lead image: the first picture (a <figure> with an image, or a lone <img> of real size)
 * before any of the article's text (text in headings does not count: kickers and headlines sit
 * above the lead photo). It is removed from the content and returned with its caption and credit.
 */
function takeLeadImage(root: DomElement): LeadImage | undefined {
  let lead: DomElement | undefined;
  const visit = (node: DomNode, inHeading: boolean): boolean => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        if (!inHeading && /[\p{L}\p{N}]/u.test(child.textContent ?? '')) return true;
        continue;
      }
      if (!isElement(child)) continue;
      if (child.tagName === 'FIGURE' && child.querySelector('img') && isPicture(child.querySelector('img')!)) {
        lead = child;
        return true;
      }
      if (child.tagName === 'IMG') {
        if (isPicture(child)) {
          lead = child;
          return true;
        }
        continue;
      }
      if (visit(child, inHeading || HEADING.test(child.tagName))) return true;
    }
    return false;
  };
  visit(root, false);
  if (!lead) return undefined;

  const img = lead.tagName === 'IMG' ? lead : lead.querySelector('img')!;
  const image: LeadImage = {};
  const src = httpUrl(img.getAttribute('src'));
  if (src) image.src = src;
  const alt = nonEmpty(img.getAttribute('alt'));
  if (alt) image.alt = alt;
  const figcaption = lead.tagName === 'FIGURE' ? lead.querySelector('figcaption') : captionAfter(lead, root);
  if (!figcaption && lead.tagName === 'FIGURE') {
    // A figure without <figcaption>: its text is the caption, or the credit when it reads like one.
    const text = nonEmpty(lead.textContent);
    if (text && looksLikeCredit(text)) image.credit = stripCreditLabel(text);
    else if (text) image.caption = text;
  }
  if (figcaption) {
    const credits = Array.from(figcaption.querySelectorAll('*')).filter((element) => isCredit(element, figcaption));
    const credit = credits.map(creditText).filter(Boolean).join('; ');
    for (const element of credits) element.remove();
    const caption = nonEmpty(figcaption.textContent);
    if (caption) image.caption = caption;
    if (credit) image.credit = cleanLine(credit);
    if (lead.tagName === 'IMG') figcaption.remove();
  }
  removeWithEmptyWrappers(lead, root);
  return image;
}

function isPicture(img: DomElement): boolean {
  return !isSpacerImage(img) && !!img.getAttribute('src');
}

/**
 * A lone image's caption: the element right after it (or after the wrappers that hold only it)
 * when the page marks it as one (<figcaption>, or a class word "caption") and it is short.
 */
function captionAfter(img: DomElement, root: DomElement): DomElement | null {
  for (let node: DomElement = img; node !== root && node.parentNode; node = node.parentNode) {
    let next = node.nextSibling;
    while (next && next.nodeType === TEXT_NODE && !/\S/.test(next.textContent ?? '')) next = next.nextSibling;
    if (!next) continue;
    if (!isElement(next)) return null;
    const marked = next.tagName === 'FIGCAPTION' || (next.getAttribute('class') ?? '').toLowerCase().split(/[\s_-]+/).includes('caption');
    return marked && (visibleText(next).match(/[\p{L}\p{N}]+/gu)?.length ?? 0) <= 60 ? next : null;
  }
  return null;
}

const CREDIT = /credit|copyright|photographer|attribution|\bsource\b/i;

function isCredit(element: DomElement, caption: DomElement): boolean {
  if (!CREDIT.test(`${element.getAttribute('class') ?? ''} ${element.getAttribute('itemprop') ?? ''}`)) return false;
  // The outermost marked element only.
  for (let parent = element.parentNode; parent && parent !== caption; parent = parent.parentNode) {
    if (isCredit(parent, caption)) return false;
  }
  return true;
}

/** "JIM WATSON/AFP/Getty Images", "Photo: Jane Doe", "© Reuters": short, with a slash, a © or a label. */
function looksLikeCredit(text: string): boolean {
  return text.split(/\s+/).length <= 10 && (/\S\s*\/\s*\S|©/.test(text) || /^(?:photo(?:graph)?|image|picture|credit|copyright)\b/i.test(text));
}

/**
 * A credit element's text without its label. A label set as an element of its own
 * ("<span>Credit</span><span>Jane Doe</span>") goes first: its text runs into the name's.
 */
function creditText(element: DomElement): string {
  for (const child of Array.from(element.querySelectorAll('*'))) {
    const text = visibleText(child);
    if (text !== '' && stripCreditLabel(text) === '') child.remove();
  }
  return stripCreditLabel(visibleText(element));
}

/**
 * "Photograph: Jane Doe/AP", "Image copyright Getty Images", "Photo by Jane Doe", "(Bild: Jane
 * Doe)" -> the credit itself. Labels in English, and "photo", "image", "credit", "source" in
 * French, German, Spanish, Italian and Portuguese.
 */
function stripCreditLabel(text: string): string {
  return text
    .trim()
    .replace(/^\((.*)\)$/s, '$1')
    .replace(/^(?:(?:(?:photo(?:graph)?|foto(?:grafía|grafia)?|image|imagen|imagem|immagine|bild|picture|illustration|video)(?:\s+(?:credit|copyright|by))?|crédits?|credits?|copyright|source|quelle|fuente|fonte)(?![\p{L}\p{N}])|©)\s*[:：]?\s*/iu, '')
    .trim();
}

function removeWithEmptyWrappers(element: DomElement, root: DomElement): void {
  let target: DomElement = element;
  while (target.parentNode && target.parentNode !== root && /^(?:P|A|DIV|SPAN|PICTURE|FIGURE)$/.test(target.parentNode.tagName)) {
    const parent: DomElement = target.parentNode;
    const others = Array.from(parent.childNodes).filter((node) => node !== target && (node.nodeType === TEXT_NODE ? /\S/.test(node.textContent ?? '') : isElement(node)));
    if (others.length > 0) break;
    target = parent;
  }
  target.remove();
}
