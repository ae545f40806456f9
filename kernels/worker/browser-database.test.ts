import { describe, expect, it } from 'vitest';
import type { DuckDBDataProtocol } from '@duckdb/duckdb-wasm/blocking';
import type * as arrow from 'apache-arrow';
import type { SqlDatabase } from '../sql/sql-database';
import { BrowserDatabase } from './browser-database';

/** A database that records which files were registered when each query ran. */
function setUp() {
  const registered = new Map<string, string>();
  const seenByQueries: string[][] = [];
  const inner: SqlDatabase = {
    description: 'fake',
    query: () => {
      seenByQueries.push([...registered.keys()].sort());
      return null as unknown as arrow.Table;
    },
    queryWithParams: () => {
      seenByQueries.push([...registered.keys()].sort());
      return null as unknown as arrow.Table;
    },
    replaceTable: () => undefined,
    insertArrowIpc: () => undefined,
    dropTable: () => undefined,
    registerFile: (name, location) => void registered.set(name, location),
    close: () => undefined,
  };
  const bindings = {
    dropFile: (name: string) => registered.delete(name),
    registerFileURL: async (name: string, url: string) => void registered.set(name, url),
  };
  const HTTP = 4 as DuckDBDataProtocol;
  const database = new BrowserDatabase(inner, bindings, HTTP);
  return { database, registered, seenByQueries };
}

describe('BrowserDatabase', () => {
  it('hides names a glob no longer stands for during its query, and brings them back', () => {
    const { database, registered, seenByQueries } = setUp();
    database.registerFile('data/sub/b.csv', 'http://h/files/data/sub/b.csv');
    database.registerFile('data/a.csv', 'http://h/files/data/a.csv');
    database.registerFile('other.csv', 'http://h/files/other.csv');
    database.hideStaleMatches('data/*.csv', ['data/a.csv']);
    database.query("select * from read_csv('data/*.csv')");
    expect(seenByQueries[0]).toEqual(['data/a.csv', 'other.csv']);
    expect(registered.get('data/sub/b.csv')).toBe('http://h/files/data/sub/b.csv');
    database.queryWithParams('select * from v', []);
    expect(seenByQueries[1]).toEqual(['data/a.csv', 'data/sub/b.csv', 'other.csv']);
  });
});
