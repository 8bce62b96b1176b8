/**
 * Front matter: a leading `---` block of YAML, as Jekyll, Hugo, Pandoc and the web clippers
 * (Obsidian Web Clipper, MarkDownload) write it. Most blocks are `key: value` lines and lists of
 * such values, which the scalar reader here reads as YAML's core schema would, with no parser to
 * load. A block with anything more (nested lists and maps, block scalars, flow collections,
 * anchors, values over several lines) is read by a real YAML parser, js-yaml, loaded only then
 * (yaml-front-matter.ts, a bundle of its own): `readFrontMatter`.
 */
import { sanitizeLine } from '../sanitize.js';

/** A front matter value, as JSON can carry it. */
export type MetaValue = string | number | boolean | null | MetaValue[] | { [key: string]: MetaValue };
export type Meta = Record<string, MetaValue>;

export interface FrontMatter {
  meta: Meta;
  /** Offset of the first character after the front matter block. */
  bodyStart: number;
  /**
   * The block, when it holds what the scalar reader cannot read: `readFrontMatter` gives it to
   * the YAML parser. Until then `meta` holds the top-level scalars the reader could read.
   */
  yaml?: string;
}

/** The block starts on the second line of the file (after `---`). */
const FIRST_LINE = 2;

/** `---` on the first line, not followed by a blank line (then it is a rule, as Pandoc reads it). */
const OPEN = /^---[ \t]*\n(?![ \t]*\n)/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

/** The block and where the body starts, with the scalars read; synchronous, no parser loaded. */
export function splitFrontMatter(text: string): FrontMatter {
  const open = OPEN.exec(text);
  if (!open) return { meta: {}, bodyStart: 0 };
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) return { meta: {}, bodyStart: 0 };
  const block = rest.slice(0, close.index);
  // Front matter is a map: a block whose first line is not `key:` is a rule, text and another rule.
  const first = block.split('\n').find((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  if (first !== undefined && !/^[\w"'-][^:]*:(?:\s|$)/.test(first)) return { meta: {}, bodyStart: 0 };
  let bodyStart = open[0].length + close.index + close[0].length;
  if (text[bodyStart] === '\n') bodyStart++;
  const { meta, complete } = readScalars(block);
  return complete ? { meta, bodyStart } : { meta, bodyStart, yaml: block };
}

export interface ReadHooks {
  /** Runs the parse (the CLI's time limit). */
  guard?: <T>(step: () => T) => T;
  /** Told, in one line, when the block is not valid YAML. */
  warn?: (message: string) => void;
}

/**
 * The front matter, read whole: by the scalar reader when it can, else by the YAML parser.
 * Invalid YAML is reported through `warn` (naming its line) and the document is read without
 * front matter: the block is neither metadata nor text.
 */
export async function readFrontMatter(text: string, hooks: ReadHooks = {}): Promise<FrontMatter> {
  const split = splitFrontMatter(text);
  if (split.yaml === undefined) return split;
  const { parseYaml } = await import('./yaml-front-matter.js');
  const block = split.yaml;
  const read = (hooks.guard ?? ((step) => step()))(() => parseYaml(block));
  if ('meta' in read) return { meta: read.meta, bodyStart: split.bodyStart };
  const where = read.line === undefined ? 'front matter' : `front matter line ${read.line + FIRST_LINE}`;
  hooks.warn?.(`${where}: ${sanitizeLine(read.error)}; read without it`);
  return { meta: {}, bodyStart: split.bodyStart };
}

/** A value as one line of text: strings and numbers; nothing for lists, maps and null. */
export function metaText(value: MetaValue | undefined): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Every string in the values, at any depth. */
export function metaStrings(meta: Meta): string[] {
  const out: string[] = [];
  const walk = (value: MetaValue) => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
  };
  Object.values(meta).forEach(walk);
  return out;
}

/** The values with every string mapped, at any depth. */
export function mapMetaStrings(meta: Meta, map: (text: string) => string): Meta {
  const walk = (value: MetaValue): MetaValue => {
    if (typeof value === 'string') return map(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, walk(v)]));
    return value;
  };
  return Object.fromEntries(Object.entries(meta).map(([key, value]) => [key, walk(value)]));
}

/**
 * Top-level `key: scalar` lines, and lists of scalars (`key:` then `  - item` lines, as Obsidian
 * and broadsheet's own importer write authors and tags), each value as YAML's core schema reads
 * it (quoted: a string; plain: null, a boolean, a number or a string). `complete` is false as
 * soon as a line holds anything else, or a value the core schema might read differently: then
 * YAML decides.
 */
function readScalars(block: string): { meta: Meta; complete: boolean } {
  // A Map, then fromEntries: a key such as `__proto__` is a key like any other.
  const meta = new Map<string, MetaValue>();
  let complete = true;
  const lines = block.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^(?:#.*)?[ \t]*$/.test(line)) continue;
    const match = /^([A-Za-z_][\w-]*):(?:[ \t]+(.*?))?[ \t]*$/.exec(line);
    let value = match ? scalar(match[2] ?? '') : undefined;
    if (value === null && match![2] === undefined) {
      // `key:` alone: null, or a list of `- item` lines, all at one indentation.
      const items: (MetaValue | undefined)[] = [];
      const indent = /^( *)-(?:[ \t]|$)/.exec(lines[i + 1] ?? '')?.[1];
      const item = new RegExp(`^${indent}-(?:[ \\t]+(.*?))?[ \\t]*$`);
      for (let next; indent !== undefined && (next = item.exec(lines[i + 1] ?? '')); i++) items.push(scalar(next[1] ?? ''));
      if (indent !== undefined) value = items.includes(undefined) ? undefined : (items as MetaValue[]);
    }
    if (value === undefined) {
      complete = false;
      continue;
    }
    meta.set(match![1]!, value);
  }
  return { meta: Object.fromEntries(meta), complete };
}

/** A value as the core schema reads it, or undefined when only a YAML parser can say. */
function scalar(raw: string): MetaValue | undefined {
  // A quoted scalar ends at its closing quote; a comment may follow.
  const double = /^"((?:[^"\\]|\\.)*)"(?:[ \t]+#.*)?$/.exec(raw);
  if (double) return !VALID_ESCAPES.test(double[1]!) ? undefined : double[1]!.replace(/\\(?:u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|U([0-9a-fA-F]{8})|(.))/g, unescape);
  const single = /^'((?:[^']|'')*)'(?:[ \t]+#.*)?$/.exec(raw);
  if (single) return single[1]!.replace(/''/g, "'");
  const plain = raw.replace(/[ \t]+#.*$/, '');
  // Block scalars, flow collections, anchors, tags, broken quoting, reserved characters, and
  // what would be a nested map (`a: b: c`) are the parser's to read (or to refuse).
  if (/^[[\]{}#&*!|>'"%@`,]|^[-?:](?:[ \t]|$)|:(?:[ \t]|$)/.test(plain)) return undefined;
  if (plain === '' || /^(?:~|null|Null|NULL)$/.test(plain)) return null;
  if (/^(?:true|True|TRUE)$/.test(plain)) return true;
  if (/^(?:false|False|FALSE)$/.test(plain)) return false;
  if (/^[-+]?[0-9]+$/.test(plain)) return Number(plain);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(plain)) return Number(plain);
  // Octal, hexadecimal, infinity and not-a-number: rare, and the parser knows them.
  if (/^(?:0o|0x|[-+]?\.(?:inf|Inf|INF)$|\.(?:nan|NaN|NAN)$)/.test(plain)) return undefined;
  return plain;
}

/** A double-quoted scalar's content whose every escape YAML knows. */
const VALID_ESCAPES = /^(?:[^\\]|\\(?:[0abtnvfre "/\\N_LP\t]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}))*$/;

const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', a: '\u0007', e: '\u001B', '0': '\u0000', N: '\u0085', _: '\u00A0', L: '\u2028', P: '\u2029' };

/** YAML double-quoted escapes (\\n, \\t, \\e, \\xXX, \\uXXXX...); the values are sanitised when printed. */
function unescape(_: string, u?: string, x?: string, big?: string, c?: string): string {
  const hex = u ?? x ?? big;
  if (hex !== undefined) {
    const code = parseInt(hex, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
  }
  return ESCAPES[c!] ?? c!;
}
