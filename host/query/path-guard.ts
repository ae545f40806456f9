/**
 * Whether a path a statement names may be read or written by the host: it must lie inside one
 * of the allowed folders, both as written (`..` resolved lexically) and on disk (the realpath
 * of the part that exists, so a link inside the folder cannot lead out). A URL is refused: the
 * host reads only the notebook's files, and the kernel never fetches anything on a user's
 * behalf. Relative paths resolve against the notebook's folder and are sent to DuckDB as
 * absolute ones, since the process's working directory is somewhere else.
 */
import path from 'node:path';
import { isGlob } from '../../kernels/sql/glob-pattern';
import { isBrokenLink, isInside, realpathOrMissing } from '../workspace/workspace';

export type PathFolders = {
  /** Absolute; relative paths resolve here, and messages name it. */
  notebookDir: string;
  /** Absolute folders that alone may be read or written (the notebook's among them). */
  allowedDirectories: readonly string[];
};

/** The absolute path to send, or why the path may not be used. */
export type PathCheck = { ok: true; absolute: string } | { ok: false; message: string };

export async function checkPath(written: string, folders: PathFolders): Promise<PathCheck> {
  const outside = (): PathCheck => ({ ok: false, message: outsideMessage(written, folders) });
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(written))
    return {
      ok: false,
      message: `'${withoutCredentials(written)}' is a URL: the host reads only files in the notebook's folder (${folders.notebookDir}). Download the file into the folder.`,
    };
  if (written.includes('\0')) return outside();
  const absolute = path.resolve(folders.notebookDir, written);
  if (!folders.allowedDirectories.some((folder) => isInside(path.resolve(folder), absolute)))
    return outside();
  const onDisk = await realLocation(
    path.isAbsolute(written) ? written : `${folders.notebookDir}${path.sep}${written}`,
  );
  if (onDisk === null) return outside();
  const realFolders = await Promise.all(folders.allowedDirectories.map(realOrSelf));
  return realFolders.some((folder) => isInside(folder, onDisk))
    ? { ok: true, absolute }
    : outside();
}

export function outsideMessage(written: string, folders: PathFolders): string {
  return `'${written}' is outside the notebook's folder (${folders.notebookDir}): Quarry reads and writes only files inside it. Copy the file into the folder.`;
}

/**
 * The realpath of the deepest existing part of `joined` (`..` left for the file system to
 * resolve, as DuckDB's would: `link/..` is the link target's parent), or null when what lies
 * below it cannot be judged: a broken link (its target could be created outside), or a `..`
 * after a part that does not exist yet or after a wildcard (`data/*\/../..`).
 */
async function realLocation(joined: string): Promise<string | null> {
  const segments = joined.split(path.sep === '\\' ? /[\\/]/ : '/');
  const firstGlob = segments.findIndex(isGlob);
  let existing = firstGlob === -1 ? segments : segments.slice(0, firstGlob);
  let rest = firstGlob === -1 ? [] : segments.slice(firstGlob);
  for (;;) {
    const candidate = existing.join(path.sep) || path.sep;
    let real: string | undefined;
    try {
      real = await realpathOrMissing(candidate);
    } catch {
      return null; // a link loop, a folder that may not be listed: nothing to vouch for
    }
    if (real !== undefined) return rest.includes('..') ? null : real;
    if (await isBrokenLink(candidate)) return null;
    if (existing.length <= 1) return null;
    rest = [existing[existing.length - 1], ...rest];
    existing = existing.slice(0, -1);
  }
}

async function realOrSelf(folder: string): Promise<string> {
  return (await realpathOrMissing(folder)) ?? path.resolve(folder);
}

/** `https://user:secret@host/x` → `https://…@host/x`: credentials are never echoed. */
function withoutCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1…@');
}
