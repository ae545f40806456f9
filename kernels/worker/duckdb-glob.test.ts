import { describe, expect, it } from 'vitest';
import { registeredNameMatcher } from './duckdb-glob';

const matches = (pattern: string, names: string[]) =>
  names.filter((name) => registeredNameMatcher(pattern).test(name));

describe('registeredNameMatcher', () => {
  it('lets `*` span folders, as DuckDB-WASM does for registered names', () => {
    expect(
      matches('data/*.csv', ['data/a.csv', 'data/sub/b.csv', 'data/a.parquet', 'x/data/a.csv']),
    ).toEqual(['data/a.csv', 'data/sub/b.csv']);
  });

  it('treats the rest of the name literally', () => {
    expect(matches('d.t/a+b.csv', ['d.t/a+b.csv', 'dxt/aab.csv'])).toEqual(['d.t/a+b.csv']);
  });

  it('knows ?, [..] and {a,b}', () => {
    expect(matches('logs/day?.csv', ['logs/day1.csv', 'logs/day10.csv'])).toEqual([
      'logs/day1.csv',
    ]);
    expect(matches('logs/[ab].csv', ['logs/a.csv', 'logs/c.csv'])).toEqual(['logs/a.csv']);
    expect(matches('{a,b}/x.csv', ['a/x.csv', 'b/x.csv', 'c/x.csv'])).toEqual([
      'a/x.csv',
      'b/x.csv',
    ]);
  });

  it('matches nothing for a pattern DuckDB would reject', () => {
    expect(matches('logs/[a.csv', ['logs/[a.csv', 'logs/a.csv'])).toEqual([]);
  });
});
