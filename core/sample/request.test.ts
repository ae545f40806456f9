import { describe, expect, it } from 'vitest';
import {
  defaultMethod,
  isSampleName,
  isSampleRequest,
  sampleRequestProblem,
  type SampleRequest,
} from './request';

const base: SampleRequest = {
  source: { kind: 'files', path: 'events/*.parquet', format: 'auto' },
  method: 'hash',
  size: { kind: 'rows', rows: 10_000 },
  seed: 42,
  stratify: null,
  where: null,
  timeWindow: null,
  columns: null,
  threads: null,
  onError: 'fail',
};

describe('sample requests', () => {
  it('accepts a well-formed request and refuses a malformed one at the boundary', () => {
    expect(isSampleRequest(base)).toBe(true);
    expect(isSampleRequest(JSON.parse(JSON.stringify(base)))).toBe(true);
    expect(isSampleRequest({ ...base, method: 'random' })).toBe(false);
    expect(isSampleRequest({ ...base, size: { kind: 'rows' } })).toBe(false);
    expect(isSampleRequest({ ...base, source: { kind: 'mysql', path: 'x' } })).toBe(false);
    expect(isSampleRequest({ ...base, columns: ['a', 1] })).toBe(false);
    expect(isSampleRequest({ ...base, onError: undefined })).toBe(false);
  });

  it('names what is wrong with the size, the seed and the threads', () => {
    expect(sampleRequestProblem(base)).toBeNull();
    expect(sampleRequestProblem({ ...base, size: { kind: 'rows', rows: 0 } })).toMatch(
      /whole number above 0, not 0/,
    );
    expect(sampleRequestProblem({ ...base, size: { kind: 'rows', rows: 2.5 } })).toMatch(/2.5/);
    for (const fraction of [0, -0.1, 1.5, Number.NaN])
      expect(sampleRequestProblem({ ...base, size: { kind: 'fraction', fraction } })).toMatch(
        /above 0 and at most 1/,
      );
    expect(sampleRequestProblem({ ...base, size: { kind: 'fraction', fraction: 1 } })).toBeNull();
    expect(sampleRequestProblem({ ...base, seed: -1 })).toMatch(/seed/);
    expect(sampleRequestProblem({ ...base, seed: 2 ** 31 })).toMatch(/seed/);
    expect(sampleRequestProblem({ ...base, threads: 0 })).toMatch(/threads/);
    expect(sampleRequestProblem({ ...base, columns: [] })).toMatch(/column list is empty/);
  });

  it('requires the hash method and a sensible per-stratum size when stratified', () => {
    const stratify = { column: 'country', perStratum: null, floor: 10 };
    expect(sampleRequestProblem({ ...base, stratify })).toBeNull();
    expect(sampleRequestProblem({ ...base, stratify, method: 'system' })).toMatch(
      /method must be hash, not system/,
    );
    expect(
      sampleRequestProblem({
        ...base,
        size: { kind: 'fraction', fraction: 0.1 },
        stratify: { ...stratify, perStratum: 5 },
      }),
    ).toMatch(/cannot be combined/);
    expect(sampleRequestProblem({ ...base, stratify: { ...stratify, column: ' ' } })).toMatch(
      /stratify by is empty/,
    );
  });

  it('needs exactly one of a table or a query for PostgreSQL', () => {
    const postgres = (table: string | null, query: string | null): SampleRequest => ({
      ...base,
      source: { kind: 'postgres', connection: null, table, query },
    });
    expect(sampleRequestProblem(postgres('orders', null))).toBeNull();
    expect(sampleRequestProblem(postgres(null, 'SELECT 1'))).toBeNull();
    expect(sampleRequestProblem(postgres(null, null))).toMatch(/exactly one/);
    expect(sampleRequestProblem(postgres('orders', 'SELECT 1'))).toMatch(/exactly one/);
  });

  it('takes SQL identifiers as sample names', () => {
    expect(isSampleName('orders_2024')).toBe(true);
    expect(isSampleName('_x')).toBe(true);
    for (const bad of ['2024', 'a-b', '', 'a b', '../x', 'x'.repeat(64), 7])
      expect(isSampleName(bad)).toBe(false);
  });
});

describe('defaultMethod', () => {
  const rows = { kind: 'rows', rows: 100 } as const;
  const fraction = { kind: 'fraction', fraction: 0.1 } as const;
  const table = { kind: 'postgres', connection: null, table: 'events', query: null } as const;
  const query = { kind: 'postgres', connection: null, table: null, query: 'SELECT 1' } as const;

  it('takes an exact N by hash from files and queries, by reservoir from a PostgreSQL table', () => {
    expect(defaultMethod(rows)).toBe('hash');
    expect(defaultMethod(rows, { kind: 'files', path: 'a.csv', format: 'auto' })).toBe('hash');
    expect(defaultMethod(rows, query)).toBe('hash');
    expect(defaultMethod(rows, table)).toBe('reservoir');
  });

  it('takes a fraction by Bernoulli from every source', () => {
    expect(defaultMethod(fraction)).toBe('bernoulli');
    expect(defaultMethod(fraction, table)).toBe('bernoulli');
  });
});
