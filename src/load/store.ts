/**
 * The article library: the user's store (`$BROADSHEET_ARTICLES`, else
 * `$XDG_DATA_HOME/broadsheet/articles`, else `~/.local/share/broadsheet/articles`) and the
 * articles shipped in `articles/`, one library, the user's store first.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';

export const DEFAULT_ARTICLE = 'xi-putin-new-era';

export interface StoredArticle {
  slug: string;
  path: string;
  /** 'user' for the user's store, 'bundled' for the articles that ship with broadsheet. */
  origin: 'user' | 'bundled';
}

export interface Library {
  user?: string;
  bundled: string;
}

/**
 * Where the reader's own articles are. The XDG base directory spec says a relative
 * XDG_DATA_HOME is invalid and to be ignored; empty values count as unset.
 */
export function userStore(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.BROADSHEET_ARTICLES) return env.BROADSHEET_ARTICLES;
  const xdg = env.XDG_DATA_HOME && isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : undefined;
  const data = xdg ?? (env.HOME ? join(env.HOME, '.local', 'share') : undefined);
  return data ? join(data, 'broadsheet', 'articles') : undefined;
}

/** Every stored article, by slug; a slug in the user's store hides the bundled one. */
export function listArticles(library: Library): StoredArticle[] {
  const found = new Map<string, StoredArticle>();
  const scan = (dir: string | undefined, origin: StoredArticle['origin']) => {
    if (!dir) return;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      if (!name.endsWith('.md')) continue;
      const slug = basename(name, '.md');
      if (!found.has(slug)) found.set(slug, { slug, path: join(dir, name), origin });
    }
  };
  scan(library.user, 'user');
  scan(library.bundled, 'bundled');
  return [...found.values()].sort((a, b) => a.slug.localeCompare(b.slug));
}

/** A stored article by name (`slug` or `slug.md`), the user's store first. */
export function findArticle(name: string, library: Library): StoredArticle | undefined {
  const slug = name.endsWith('.md') ? name.slice(0, -3) : name;
  if (!/^[\w][\w.-]*$/.test(slug)) return undefined;
  for (const [dir, origin] of [[library.user, 'user'], [library.bundled, 'bundled']] as const) {
    if (!dir) continue;
    const path = join(dir, `${slug}.md`);
    if (isFile(path)) return { slug, path, origin };
  }
  return undefined;
}

export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
