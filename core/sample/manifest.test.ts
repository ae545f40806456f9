import { describe, expect, it } from 'vitest';
import { manifestPathOf, parseSampleManifest, type SampleManifest } from './manifest';

const manifest: SampleManifest = {
  manifestVersion: 1,
  file: 'orders.parquet',
  bytes: 12_345,
  source: {
    kind: 'postgres',
    connection: 'postgres://ana@db:5432/shop',
    table: 'orders',
    query: null,
  },
  engine: 'postgres',
  query: 'SELECT * FROM "orders" TABLESAMPLE BERNOULLI (1) REPEATABLE (42)',
  method: 'bernoulli',
  seed: 42,
  size: { kind: 'fraction', fraction: 0.01 },
  stratify: null,
  filters: { where: null, timeWindow: null, columns: null },
  rows: { requested: null, actual: 9_981, source: 1_000_000, sourceExact: false, skipped: 0 },
  strata: null,
  schema: [{ name: 'id', type: 'BIGINT', nullable: false }],
  profile: [
    {
      name: 'id',
      type: 'BIGINT',
      nulls: 0,
      distinct: 9_981,
      min: 3,
      max: 999_990,
      quantiles: [{ q: 0.5, value: 500_000 }],
      top: null,
    },
  ],
  sha256: 'a'.repeat(64),
  versions: { quarry: '0.1.0', duckdb: 'v1.5.6', postgres: '15.18' },
  threads: 2,
  createdAt: '2026-12-01T18:00:00.000Z',
  durationMs: 812,
};

describe('sample manifests', () => {
  it('reads back what was written', () => {
    expect(parseSampleManifest(JSON.parse(JSON.stringify(manifest)))).toEqual(manifest);
  });

  it('refuses a damaged or foreign manifest', () => {
    expect(parseSampleManifest({ ...manifest, manifestVersion: 2 })).toBeNull();
    expect(parseSampleManifest({ ...manifest, sha256: 'xyz' })).toBeNull();
    expect(parseSampleManifest({ ...manifest, rows: { ...manifest.rows, actual: -1 } })).toBeNull();
    expect(parseSampleManifest({ ...manifest, method: 'random' })).toBeNull();
    expect(parseSampleManifest([manifest])).toBeNull();
  });

  it('sits beside its Parquet file', () => {
    expect(manifestPathOf('samples/orders.parquet')).toBe('samples/orders.manifest.json');
    expect(manifestPathOf('/tmp/x.PARQUET')).toBe('/tmp/x.manifest.json');
  });
});
