/**
 * A well-formed sample manifest (core/sample/manifest.ts) for tests that list or show samples
 * without pulling one: two columns, 120 of 1000 rows by hash, seed 42, from data/orders.csv.
 */
import type { SampleManifest } from '../../core/sample/manifest';

export function sampleManifest(overrides: Partial<SampleManifest> = {}): SampleManifest {
  return {
    manifestVersion: 1,
    file: 'orders.parquet',
    bytes: 2048,
    source: { kind: 'files', path: 'data/orders.csv', format: 'csv', files: 1 },
    engine: 'duckdb',
    query: "SELECT * FROM read_csv('data/orders.csv') ORDER BY hash(...) LIMIT 120",
    method: 'hash',
    seed: 42,
    size: { kind: 'rows', rows: 120 },
    stratify: null,
    filters: { where: null, timeWindow: null, columns: null },
    rows: { requested: 120, actual: 120, source: 1000, sourceExact: true, skipped: 0 },
    strata: null,
    schema: [
      { name: 'id', type: 'BIGINT', nullable: false },
      { name: 'country', type: 'VARCHAR', nullable: true },
    ],
    profile: [
      {
        name: 'id',
        type: 'BIGINT',
        nulls: 0,
        distinct: 120,
        min: 1,
        max: 998,
        quantiles: [{ q: 0.5, value: 501 }],
        top: null,
      },
      {
        name: 'country',
        type: 'VARCHAR',
        nulls: 3,
        distinct: 4,
        min: null,
        max: null,
        quantiles: null,
        top: [{ value: 'FR', count: 51 }],
      },
    ],
    sha256: 'ab12cd34'.repeat(8),
    versions: { quarry: '0.1.0', duckdb: '1.5.6' },
    threads: 2,
    createdAt: '2026-12-01T18:00:00.000Z',
    durationMs: 420,
    ...overrides,
  };
}
