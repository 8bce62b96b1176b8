/**
 * The DOM the importer works on: linkedom (see README-dom-choice.md for why not jsdom). It
 * parses HTML into a light DOM and never runs a page's scripts (it has no script engine hooked
 * up at all), never fetches its resources and never evaluates its CSS.
 *
 * The project compiles without TypeScript's "dom" library (nothing else needs it), so this file
 * declares the small part of the DOM the importer uses, structurally.
 */
import { parseHTML } from 'linkedom';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly parentNode: DomElement | null;
  readonly childNodes: ArrayLike<DomNode> & Iterable<DomNode>;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
  readonly previousSibling: DomNode | null;
  textContent: string | null;
  remove(): void;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly ownerDocument: DomDocument;
  readonly children: ArrayLike<DomElement> & Iterable<DomElement>;
  innerHTML: string;
  readonly outerHTML: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  hasAttribute(name: string): boolean;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement> & Iterable<DomElement>;
  closest(selectors: string): DomElement | null;
  replaceWith(...nodes: DomNode[]): void;
  appendChild(node: DomNode): DomNode;
  insertBefore(node: DomNode, child: DomNode | null): DomNode;
}

export interface DomDocument {
  readonly documentElement: DomElement;
  readonly head: DomElement | null;
  readonly body: DomElement;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement> & Iterable<DomElement>;
  createElement(tagName: string): DomElement;
  createTextNode(data: string): DomNode;
}

/** A whole page. */
export function parsePage(html: string): DomDocument {
  return parseHTML(html).document as unknown as DomDocument;
}

/** A fragment of HTML (an article's content), as the children of a body. */
export function parseFragment(html: string): DomElement {
  return parsePage(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`).body;
}

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

/** An element's text with white space folded, as a reader sees it. */
export function visibleText(node: DomNode): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * A spacer, rule or tracking pixel: an image under 50 px either way. A 0 beside a real size is
 * "auto" (a CMS's 570x0 rendition), not a hidden image.
 */
export function isSpacerImage(img: DomElement): boolean {
  const size = (name: string): number => Number.parseInt(img.getAttribute(name) ?? '', 10);
  const width = size('width');
  const height = size('height');
  if ((width === 0 && height >= 50) || (height === 0 && width >= 50)) return false;
  return width < 50 || height < 50;
}
