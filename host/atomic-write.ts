/**
 * Replace a file so that, whatever happens (a crash, a full disk, a power cut), the path holds
 * either the old content or the new, never a mix: write a temporary file beside it, flush it to
 * the disk, rename it over the target (atomic within a directory), then flush the directory so
 * the rename itself survives a power cut.
 *
 * For the workspace (`within`), the folder is opened first and checked by the guard
 * (host/workspace/opened-file.ts) before anything is created in it, and on Linux the temporary
 * file is created and renamed through the open folder (`/proc/self/fd/N/NAME`), so a link
 * swapped meanwhile cannot make a save create or replace a file outside the workspace.
 */
import { randomBytes } from 'node:crypto';
import { open, readdir, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { checkOpened, descriptorPath, READ_NO_WAIT } from './workspace/opened-file';
import { isInside, ForbiddenPathError } from './workspace/workspace';

export type AtomicWriteOptions = {
  /** The workspace the file must stay in; `shown` is its workspace path, for messages. */
  within?: { root: string; shown: string };
};

/**
 * A temporary file older than this is stale even if a process with its PID is running (PIDs
 * are reused): no save takes that long, and a live save keeps its file's time fresh.
 */
export const STALE_TEMP_MS = 30 * 60 * 1000;

/** This process's temporary files being written now: never stale, whatever their age. */
const writing = new Set<string>();

/**
 * Temporary files are `.NAME.PID.RANDOM.tmp` in the target's directory: the same directory so
 * the rename never crosses file systems, hidden so file lists do not flicker, and unique so two
 * saves cannot collide. On failure the temporary file is removed and the target left as it was;
 * the original error is rethrown. Temporary files of the same target that an interrupted save
 * left behind are removed after a save (and by `removeStaleTemps`, on open).
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const target = await resolveLinks(path);
  const name = basename(target);
  const folder = await openFolder(dirname(target), options);
  try {
    const temp = `.${name}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    const mode = await existingMode(folder.at(name));
    writing.add(temp);
    let handle: FileHandle | undefined;
    try {
      handle = await open(folder.at(temp), 'wx', mode ?? 0o666);
      if (options.within)
        await checkOpened(options.within.root, handle, folder.at(temp), options.within.shown);
      // The umask may have narrowed the mode given to open: keep exactly the old file's.
      if (mode !== undefined) await handle.chmod(mode);
      await handle.writeFile(data);
      await handle.sync();
      await handle.close();
      handle = undefined;
      await rename(folder.at(temp), folder.at(name));
    } catch (error) {
      await handle?.close().catch(() => undefined);
      await unlink(folder.at(temp)).catch(() => undefined);
      throw error;
    } finally {
      writing.delete(temp);
    }
    await removeStaleIn(folder, name);
    await folder.sync();
  } finally {
    await folder.close();
  }
}

/**
 * Removes what interrupted saves of `path` left: its temporary files whose process is gone,
 * or that are older than STALE_TEMP_MS, never one that a live save is writing. Best effort.
 */
export async function removeStaleTemps(
  path: string,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const target = await resolveLinks(path);
  const folder = await openFolder(dirname(target), options);
  try {
    await removeStaleIn(folder, basename(target));
  } finally {
    await folder.close();
  }
}

/** A folder to write in: `at(name)` names an entry of it, through the open folder where it can. */
type WriteFolder = {
  at(name: string): string;
  sync(): Promise<void>;
  close(): Promise<void>;
};

async function openFolder(directory: string, options: AtomicWriteOptions): Promise<WriteFolder> {
  let handle: FileHandle;
  try {
    handle = await open(directory, READ_NO_WAIT);
  } catch (error) {
    // Windows cannot open a folder; there the realpath is checked and the path used.
    if (process.platform !== 'win32') throw error;
    if (options.within) await requireInside(directory, options.within);
    return { at: (name) => join(directory, name), sync: async () => {}, close: async () => {} };
  }
  try {
    if (options.within)
      await checkOpened(options.within.root, handle, directory, options.within.shown);
    const base = (await descriptorPath(handle)) ?? (await realpath(directory));
    return {
      at: (name) => join(base, name),
      // fsync on the folder makes the rename durable; some file systems refuse it, and the
      // data itself is already flushed, so a failure is ignored.
      sync: () => handle.sync().catch(() => undefined),
      close: () => handle.close().catch(() => undefined),
    };
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

async function requireInside(
  directory: string,
  within: NonNullable<AtomicWriteOptions['within']>,
): Promise<void> {
  if (!isInside(await realpath(within.root), await realpath(directory)))
    throw new ForbiddenPathError(within.shown, 'a link leads out');
}

async function removeStaleIn(folder: WriteFolder, name: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(folder.at(''));
  } catch {
    return;
  }
  const prefix = `.${name}.`;
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const pid = /^(\d+)\.[0-9a-f]{12}\.tmp$/.exec(entry.slice(prefix.length))?.[1];
    if (pid === undefined || writing.has(entry)) continue;
    if (await isStale(folder.at(entry), Number(pid)))
      await unlink(folder.at(entry)).catch(() => undefined);
  }
}

async function isStale(temp: string, pid: number): Promise<boolean> {
  // Ours and not in `writing`: a save of this process that could not clean up after itself.
  if (pid === process.pid || !isRunning(pid)) return true;
  try {
    return Date.now() - (await stat(temp)).mtimeMs > STALE_TEMP_MS;
  } catch {
    return false;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Saving through a symlink updates the file it points to instead of replacing the link. */
async function resolveLinks(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path; // a new file (or a dangling link): write the path as given
  }
}

async function existingMode(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mode & 0o7777;
  } catch {
    return undefined;
  }
}
