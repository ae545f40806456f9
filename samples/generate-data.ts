// Writes the default sample's data file, samples/data/customers.csv, from the seeded generator.
// The CSV is not committed (about 5 MB, and fully reproducible): the app, the tests and
// `npx tsx samples/generate-data.ts` call this before the sample notebook needs it.

import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { churnCsv, SAMPLE_ROWS, SAMPLE_SEED } from './churn-data';

export interface SampleData {
  path: string;
  sha256: string;
  rows: number;
  /** False when the file on disk already held exactly this content and was left alone. */
  written: boolean;
}

const DEFAULT_DIR = fileURLToPath(new URL('./data/', import.meta.url));

/** Makes sure `customers.csv` in `dataDir` (default: samples/data beside this file) holds the
 * generator's output, rewriting it when it is missing or differs in any byte. */
export async function ensureSampleData(dataDir: string = DEFAULT_DIR): Promise<SampleData> {
  const path = join(dataDir, 'customers.csv');
  const content = churnCsv(SAMPLE_ROWS, SAMPLE_SEED);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const current = await readFile(path, 'utf8').catch(() => null);
  if (current === content) return { path, sha256, rows: SAMPLE_ROWS, written: false };

  await mkdir(dataDir, { recursive: true });
  // Write beside the target and rename, so a reader (or a crash) never sees half a file.
  const partial = `${path}.${process.pid}.partial`;
  await writeFile(partial, content, 'utf8');
  await rename(partial, path);
  return { path, sha256, rows: SAMPLE_ROWS, written: true };
}

const invokedDirectly =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);

if (invokedDirectly) {
  try {
    const data = await ensureSampleData();
    const state = data.written ? 'written' : 'up to date';
    console.log(`${data.path}: ${data.rows} rows, sha256 ${data.sha256} (${state})`);
  } catch (error) {
    console.error(`generate-data: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
