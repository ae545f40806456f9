/**
 * Checks, before anything is read, that `quarry sample` may write FILE.parquet and its manifest:
 * the folder exists (it is not created: a typo in --out should not grow folders), neither path
 * is a folder, and without --force neither file exists (a manifest alone would be overwritten
 * by a pull that only checked the Parquet file). Throws UsageError (exit 2), one line.
 */
import { constants, type Stats } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import { manifestPathOf } from '../../core/sample/manifest';
import { UsageError } from '../usage-error';
import { displayPath } from './run-output';

export async function checkSampleOutput(out: string, force: boolean): Promise<void> {
  const folder = path.dirname(out);
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
  for (const file of [out, manifestPathOf(out)]) {
    const info = await statOrNull(file);
    if (info === null) continue;
    if (info.isDirectory())
      throw new UsageError(`${displayPath(file)} is a folder; give another --out`);
    if (!force)
      throw new UsageError(
        `${displayPath(file)} exists; replace it with --force or give another --out`,
      );
  }
}

async function statOrNull(file: string): Promise<Stats | null> {
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
