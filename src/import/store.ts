/**
 * The user's article store: a directory of `<slug>.md` files. Writing is atomic (a temporary file
 * in the same directory, then a rename or a hard link) so a reader never sees half an article,
 * and an existing article is never replaced unless asked (the no-replace path is a hard link,
 * which fails if the name exists: no window between checking and writing).
 */
import { randomBytes } from 'node:crypto';
import { access, link, mkdir, open, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { userStore } from '../load/store.js';
import { BroadsheetError } from '../errors.js';
import { cleanLine } from './clean.js';

/** The reader's store (load/store.ts decides where), or an error when there is nowhere to put it. */
export function articleStoreDir(env: Readonly<Record<string, string | undefined>>): string {
  const dir = userStore(env);
  if (dir === undefined) throw new BroadsheetError('usage', 'cannot find the article store: set BROADSHEET_ARTICLES or HOME');
  return dir;
}

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$/;

/** Writes `<dir>/<slug>.md` and returns its path. */
export async function storeArticle(dir: string, slug: string, markdown: string, options: { force?: boolean } = {}): Promise<string> {
  if (!SLUG.test(slug)) throw new BroadsheetError('usage', `'${slug.slice(0, 100)}' is not a valid article name`);
  const path = join(dir, `${slug}.md`);
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw fsError(dir, error);
  }
  const temp = join(dir, `.${slug}.md.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(markdown, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw fsError(dir, error);
  }
  try {
    if (options.force) {
      await rename(temp, path);
    } else {
      await linkNoReplace(temp, path);
    }
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new BroadsheetError('exists', `${cleanLine(path)}: an article by this name is already stored (--force replaces it)`);
    }
    throw fsError(path, error);
  }
  return path;
}

/** link() refuses an existing name; where hard links are not supported, check then rename. */
async function linkNoReplace(temp: string, path: string): Promise<void> {
  try {
    await link(temp, path);
    await unlink(temp);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    const exists = await access(path).then(() => true, () => false);
    if (exists) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    await rename(temp, path);
  }
}

function fsError(path: string, error: unknown): BroadsheetError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'ENOTDIR' ? 'not a directory'
    : code === 'ENOSPC' ? 'no space left on the device'
    : code === 'EROFS' ? 'read-only file system'
    : `cannot write (${code ?? (error instanceof Error ? error.message : String(error))})`;
  return new BroadsheetError('unwritable', `${cleanLine(path)}: ${reason}`);
}
