/**
 * Each side's memory figures, measured in a process of its own (query-files-peak.ts), so that
 * neither side's memory, nor what its allocator keeps after closing, counts in the other's.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fields, isCount, type Guard } from '../core/guards';
import type { FileFormat } from './query-files-data';
import type { SideKind } from './query-files-sides';

export type PeakResult = {
  /** RSS once the side is open and settled (after a full GC), in bytes. */
  idleBytes: number;
  /** The peak RSS while each file's queries ran, in bytes. */
  peakBytes: Record<FileFormat, number>;
};

const isPeakResult: Guard<PeakResult> = fields<PeakResult>({
  idleBytes: isCount,
  peakBytes: fields<Record<FileFormat, number>>({ Parquet: isCount, CSV: isCount }),
});

const peakScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'query-files-peak.ts');

/** Runs query-files-peak.ts for `kind` in a child Node process; its output goes to stderr. */
export async function measurePeak(kind: SideKind, dataDir: string): Promise<PeakResult> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'quarry-query-bench-peak-'));
  const resultFile = path.join(scratch, 'result.json');
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', peakScript, kind, dataDir, resultFile],
        { stdio: ['ignore', 2, 2] },
      );
      child.once('error', reject);
      child.once('exit', resolve);
    });
    if (code !== 0) throw new Error(`the ${kind} memory run exited ${String(code)}`);
    const result: unknown = JSON.parse(await readFile(resultFile, 'utf8'));
    if (!isPeakResult(result)) throw new Error(`the ${kind} memory run wrote no figures`);
    return result;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
