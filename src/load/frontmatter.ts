/**
 * Front matter: a leading `---` block of `key: value` lines, as Jekyll, Hugo and Pandoc write
 * it. Only top-level scalar values are read (quoted or bare); anything else (lists, nested maps)
 * is skipped rather than misread. A whole YAML parser would cost start-up time for fields an
 * article does not use.
 */
export interface FrontMatter {
  meta: Record<string, string>;
  /** Offset of the first character after the front matter block. */
  bodyStart: number;
}

/** `---` on the first line, not followed by a blank line (then it is a rule, as Pandoc reads it). */
const OPEN = /^---[ \t]*\n(?![ \t]*\n)/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

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
  return { meta: parseScalars(block), bodyStart };
}

function parseScalars(block: string): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const line of block.split('\n')) {
    const match = /^([A-Za-z_][\w-]*):[ \t]*(.*?)[ \t]*$/.exec(line);
    if (!match) continue;
    const [, key, raw] = match as unknown as [string, string, string];
    const value = unquote(raw);
    if (value !== undefined && value !== '') meta[key] = value;
  }
  return meta;
}

function unquote(raw: string): string | undefined {
  // A quoted scalar ends at its closing quote; a comment may follow.
  const double = /^"((?:[^"\\]|\\.)*)"(?:\s+#.*)?$/.exec(raw);
  if (double) return double[1]!.replace(/\\(?:u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|U([0-9a-fA-F]{8})|(.))/g, unescape);
  const single = /^'((?:[^']|'')*)'(?:\s+#.*)?$/.exec(raw);
  if (single) return single[1]!.replace(/''/g, "'");
  // Block scalars, flow collections, anchors and broken quoting are not scalars this reader understands.
  if (/^[|>[{&*!"']/.test(raw)) return undefined;
  return raw.replace(/\s+#.*$/, '');
}

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
