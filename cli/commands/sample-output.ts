/**
 * Checks, before anything is read, that `quarry sample` may write FILE.parquet and its manifest:
 * the folder exists (it is not created: a typo in --out should not grow folders), neither path
 * is a folder, and without --force neither file exists (a manifest alone would be overwritten
 * by a pull that only checked the Parquet file). Throws UsageError (exit 2), one line.
 */
import path from 'node:path';
import { manifestPathOf } from '../../core/sample/manifest';
import { UsageError } from '../usage-error';
import { checkOutputFolder, displayPath, statOrNull } from './run-output';

export async function checkSampleOutput(out: string, force: boolean): Promise<void> {
  await checkOutputFolder(path.dirname(out));
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
