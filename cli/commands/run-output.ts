/**
 * Checks, before any cell runs, that `quarry run` will be able to write its output notebook:
 * a run of many minutes must not end in "cannot save" (or overwrite the input through a link).
 * Throws UsageError (exit 2) with a one-line reason.
 */
import { constants, type Stats } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../usage-error';

export async function checkOutputLocation(input: string, output: string): Promise<void> {
  const shown = displayPath(output);
  const target = await statOrNull(output);
  if (target?.isDirectory())
    throw new UsageError(
      `the output ${shown} is a folder; give a file name, e.g. -o ${path.join(shown, 'result.ipynb')}`,
    );
  // Paths can differ and still name one file (a symlink, a hard link, `..` through a link):
  // the file system's identity of the file decides.
  const source = await stat(input);
  if (target && target.dev === source.dev && target.ino === source.ino)
    throw new UsageError(
      `refusing to overwrite the input notebook ${displayPath(input)}: ${shown} is the same file (a link to it); choose another -o`,
    );
  // Saving through a symlink writes beside the file it points to (atomic-write.ts).
  const folder = path.dirname(target ? await realpath(output) : output);
  await checkOutputFolder(folder);
}

/** The folder an output goes into exists, is a folder and can be written (a UsageError if not). */
export async function checkOutputFolder(folder: string): Promise<void> {
  const folderInfo = await statOrNull(folder);
  if (folderInfo === null)
    throw new UsageError(
      `the output folder ${displayPath(folder)} does not exist; create it first`,
    );
  if (!folderInfo.isDirectory())
    throw new UsageError(`the output folder ${displayPath(folder)} is not a folder`);
  try {
    await access(folder, constants.W_OK | constants.X_OK);
  } catch {
    throw new UsageError(
      `cannot write to the output folder ${displayPath(folder)}: permission denied`,
    );
  }
}

/** A folder the command is given (`--cwd`) exists and is a folder (a UsageError if not). */
export async function checkFolder(folder: string, option: string): Promise<void> {
  const info = await statOrNull(folder);
  if (info === null) throw new UsageError(`${option} ${displayPath(folder)}: no such folder`);
  if (!info.isDirectory()) throw new UsageError(`${option} ${displayPath(folder)} is not a folder`);
}

/** The file's (or link target's) status, or null when nothing is there to stat. */
export async function statOrNull(file: string): Promise<Stats | null> {
  try {
    return await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    if (code === 'EACCES' || code === 'EPERM')
      throw new UsageError(`cannot reach ${displayPath(file)}: permission denied`);
    throw error;
  }
}

export function displayPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}
