/**
 * One side's memory, in a process of its own (query-files-memory.ts starts it): the side is
 * opened, its idle RSS taken, then each file's queries run while a sampler records the peak.
 * Usage:
 *   tsx bench/query-files-peak.ts <kernel|native> <data folder> <result.json>
 * The result file gets a PeakResult as JSON.
 */
import { writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { exposeGc } from './gc';
import {
  FILE_FORMATS,
  FILE_NAMES,
  FIRST_QUERY,
  WARM_QUERIES,
  type FileFormat,
} from './query-files-data';
import type { PeakResult } from './query-files-memory';
import { startRssSampler } from './query-files-rss';
import { openSide, type SideKind } from './query-files-sides';
import { median } from './stats';

/** Each warm query's runs per file while the peak is sampled. */
const REPEATS = 3;

function isSideKind(value: unknown): value is SideKind {
  return value === 'kernel' || value === 'native';
}

async function measure(kind: SideKind, dataDir: string): Promise<PeakResult> {
  const gc = exposeGc();
  const sampler = await startRssSampler();
  const side = await openSide(kind, dataDir);
  gc();
  await sleep(1000);
  const settled: number[] = [];
  for (let i = 0; i < 5; i++) {
    settled.push(sampler.current());
    await sleep(100);
  }
  const idleBytes = median(settled);
  const peakBytes = {} as Record<FileFormat, number>;
  for (const format of FILE_FORMATS) {
    sampler.resetPeak();
    await side.run(FIRST_QUERY, FILE_NAMES[format]);
    for (const query of WARM_QUERIES) {
      for (let i = 0; i < REPEATS; i++) await side.run(query, FILE_NAMES[format]);
    }
    await sleep(50);
    peakBytes[format] = sampler.peak();
  }
  await side.close();
  await sampler.stop();
  return { idleBytes, peakBytes };
}

const [kind, dataDir, resultFile] = process.argv.slice(2);
if (!isSideKind(kind) || !dataDir || !resultFile) {
  throw new Error(
    'usage: tsx bench/query-files-peak.ts <kernel|native> <data folder> <result.json>',
  );
}
await writeFile(resultFile, JSON.stringify(await measure(kind, dataDir)));
// The kernel's libraries keep timers alive; the figures are written.
process.exit(0);
