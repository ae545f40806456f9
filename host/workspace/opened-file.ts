/**
 * The second half of the workspace guard: checking what was opened, not only the path before.
 * `resolveInWorkspace` checks a path and the caller then opens it; a link swapped between the
 * two would be followed out of the workspace. So every file and folder the host opens for the
 * page is opened here and the open descriptor itself is checked:
 *
 * - on Linux by the path the kernel keeps for it (`readlink /proc/self/fd/N`), which must be
 *   inside the realpath of the root. Later use goes through `/proc/self/fd/N` as well (a
 *   folder's entries, a temporary file created in it), so nothing is looked up by name again;
 * - elsewhere by comparing the descriptor's (dev, ino) with those of the realpath of the path,
 *   which must be inside the root. A swap between that realpath and its stat can still win
 *   there; it needs a local process that can write in the workspace.
 */
import { constants } from 'node:fs';
import { open, readlink, realpath, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { ForbiddenPathError, isInside } from './workspace';

/** Read-only, and never waiting for a writer: opening a FIFO to read blocks otherwise. */
export const READ_NO_WAIT = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** A handle on `absolute` (already through resolveInWorkspace), checked to be inside `root`. */
export async function openInWorkspace(
  root: string,
  absolute: string,
  shown: string,
  flags: string | number = READ_NO_WAIT,
  mode?: number,
): Promise<FileHandle> {
  const handle = await open(absolute, flags, mode);
  try {
    await checkOpened(root, handle, absolute, shown);
    return handle;
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

/** Throws ForbiddenPathError unless the file open as `handle` (opened as `opened`) is inside. */
export async function checkOpened(
  root: string,
  handle: FileHandle,
  opened: string,
  shown: string,
): Promise<void> {
  const realRoot = await realpath(root);
  const kept = await kernelPathOf(handle);
  if (kept !== undefined) {
    if (!isInside(realRoot, kept)) throw new ForbiddenPathError(shown, 'a link leads out');
    return;
  }
  const real = await realpath(opened);
  if (!isInside(realRoot, real)) throw new ForbiddenPathError(shown, 'a link leads out');
  const [mine, named] = await Promise.all([handle.stat(), stat(real)]);
  if (mine.dev !== named.dev || mine.ino !== named.ino)
    throw new ForbiddenPathError(shown, 'a link changed while it was opened');
}

/**
 * A path that names the open file itself, whatever happens to its name meanwhile: on Linux
 * `/proc/self/fd/N`; undefined elsewhere (use the checked realpath there).
 */
export async function descriptorPath(handle: FileHandle): Promise<string | undefined> {
  return (await kernelPathOf(handle)) === undefined ? undefined : procPath(handle);
}

/** Where the kernel says the descriptor's file is; undefined without a usable /proc. */
async function kernelPathOf(handle: FileHandle): Promise<string | undefined> {
  if (process.platform !== 'linux') return undefined;
  try {
    const target = await readlink(procPath(handle));
    // A file removed since it was opened keeps its last path, marked so.
    return path.isAbsolute(target) ? target.replace(/ \(deleted\)$/, '') : undefined;
  } catch {
    return undefined;
  }
}

function procPath(handle: FileHandle): string {
  return `/proc/self/fd/${handle.fd}`;
}
