/**
 * Replace a file so that, whatever happens (a crash, a full disk, a power cut), the path holds
 * either the old content or the new, never a mix: write a temporary file beside it, flush it to
 * the disk, rename it over the target (atomic within a directory), then flush the directory so
 * the rename itself survives a power cut.
 */
import { randomBytes } from 'node:crypto';
import { open, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Temporary files are `.NAME.PID.RANDOM.tmp` in the target's directory: the same directory so
 * the rename never crosses file systems, hidden so file lists do not flicker, and unique so two
 * saves cannot collide. On failure the temporary file is removed and the target left as it was;
 * the original error is rethrown.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const target = await resolveLinks(path);
  const directory = dirname(target);
  const suffix = `${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const temp = join(directory, `.${basename(target)}.${suffix}`);
  const mode = await existingMode(target);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'wx', mode ?? 0o666);
    // The umask may have narrowed the mode given to open: keep exactly the old file's.
    if (mode !== undefined) await handle.chmod(mode);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(directory);
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

/**
 * fsync on the directory makes the rename durable. Windows cannot open a directory for this
 * (and some file systems refuse it); the data itself is already flushed, so failure is ignored.
 */
async function syncDirectory(directory: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch {
    // best effort, see above
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
