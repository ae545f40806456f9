import { describe, expect, it } from 'vitest';
import { defaultMethod } from './request';

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
