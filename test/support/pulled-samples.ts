/**
 * Pulled samples for tests (imported by `*.test.ts` only): `samples/NAME.parquet` and its
 * manifest beside it, as `quarry sample` and the app's Pull sample dialog leave them. The
 * Parquet file is written by native DuckDB, as the sampler writes it; the manifest is a valid
 * one describing a made-up source (the kernel reads only the Parquet file).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { manifestPathOf, type SampleManifest } from '../../core/sample/manifest';
import { SAMPLES_FOLDER } from '../../core/sample/preview';

/**
 * Writes the rows of `select` (native DuckDB SQL) as sample `name` of the workspace `dir`, with
 * the manifest saying it was drawn with `seed`.
 */
export async function writePulledSample(
  dir: string,
  name: string,
  select: string,
  { seed = 42 }: { seed?: number } = {},
): Promise<void> {
  await mkdir(path.join(dir, SAMPLES_FOLDER), { recursive: true });
  const file = path.join(dir, SAMPLES_FOLDER, `${name}.parquet`);
  const duckdb = await DuckDBInstance.create(':memory:');
  try {
    const connection = await duckdb.connect();
    try {
      await connection.run(`copy (${select}) to '${file}' (format parquet)`);
    } finally {
      connection.closeSync();
    }
  } finally {
    duckdb.closeSync();
  }
  await writeFile(manifestPathOf(file), JSON.stringify(manifest(`${name}.parquet`, select, seed)));
}

function manifest(file: string, query: string, seed: number): SampleManifest {
  return {
    manifestVersion: 1,
    file,
    bytes: 0,
    source: { kind: 'files', path: 'big/*.parquet', format: 'parquet', files: 1 },
    engine: 'duckdb',
    query,
    method: 'hash',
    seed,
    size: { kind: 'rows', rows: 10 },
    stratify: null,
    filters: { where: null, timeWindow: null, columns: null },
    rows: { requested: 10, actual: 10, source: 100, sourceExact: true, skipped: 0 },
    strata: null,
    schema: [],
    profile: [],
    sha256: '0'.repeat(64),
    versions: { quarry: 'test', duckdb: 'test' },
    threads: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1,
  };
}
