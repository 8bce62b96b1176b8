/** Which links a terminal may make clickable. */
import { REPLACEMENT, hasUnsafe } from '../../sanitize.js';

/**
 * The OSC 8 target for a URL as shown, or undefined: http, https and mailto only, printable
 * ASCII once parsed, and the URL the terminal would open must be the one the reader sees (case of
 * scheme and host, an empty path's `/` and percent-encoding aside). `https://evil.test\@bank.example`
 * shows a bank but parses as evil.test: it is not made clickable.
 */
export function hyperlinkTarget(shown: string): string | undefined {
  if (hasUnsafe(shown) || shown.includes(REPLACEMENT) || !/^(?:https?:\/\/|mailto:)/i.test(shown)) return undefined;
  let target: string;
  try {
    target = new URL(shown).href;
  } catch {
    return undefined;
  }
  if (!/^[\x21-\x7E]+$/.test(target)) return undefined;
  const a = canonical(shown);
  const b = canonical(target);
  return a === b || `${a}/` === b ? target : undefined;
}

function canonical(url: string): string {
  let decoded = url;
  try {
    decoded = decodeURI(url);
  } catch {
    // Malformed percent-encoding: compare as written.
  }
  return decoded.replace(/^[a-z][a-z0-9+.-]*:(?:\/\/)?[^/?#]*/i, (authority) => authority.toLowerCase());
}
