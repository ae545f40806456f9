import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filteredRowsOf, runCountingScannedRows } from './scanned-rows';

let folder: string;
let connection: DuckDBConnection;
let csv: string;
const context = { signal: new AbortController().signal, onProgress: () => undefined };

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'quarry-scanned-'));
  csv = path.join(folder, 'rows.csv');
  const lines = ['id,k'];
  for (let i = 0; i < 50_000; i++) lines.push(`${i},${i % 7}`);
  await writeFile(csv, lines.join('\n') + '\n');
  connection = await (await DuckDBInstance.create(':memory:', { threads: '2' })).connect();
});

afterAll(async () => {
  connection.closeSync();
  await rm(folder, { recursive: true, force: true });
});

const counted = (select: string, table: string) =>
  runCountingScannedRows(
    connection,
    `CREATE TABLE ${table} AS ${select}`,
    context,
    'sampling',
    folder,
  );

describe('the rows a sampling scan read', () => {
  it('are the source rows through the filters, from the scan that samples', async () => {
    const from = `read_csv('${csv}')`;
    expect(await counted(`SELECT * FROM ${from} ORDER BY hash(42, id, k) LIMIT 100`, 'a')).toBe(
      50_000,
    );
    const filtered = await counted(
      `SELECT * FROM ${from} WHERE k <> 3 ORDER BY hash(42, id, k) LIMIT 100`,
      'b',
    );
    expect(filtered).toBe(50_000 - Math.ceil((50_000 - 3) / 7));
    const reservoir = await counted(
      `SELECT * FROM (SELECT * FROM ${from} WHERE k = 1) AS f TABLESAMPLE reservoir(10 ROWS) REPEATABLE (42)`,
      'c',
    );
    expect(reservoir).toBe(Math.ceil((50_000 - 1) / 7));
  });

  it('are unknown when a sample sits between the scan and the filters', async () => {
    const sampled = await counted(
      `SELECT * FROM read_csv('${csv}') TABLESAMPLE bernoulli(10%) REPEATABLE (1) WHERE k <> 3`,
      'd',
    );
    expect(sampled).toBeNull();
  });

  it('are unknown for a plan with two scans or a profile of another shape', () => {
    const scan = { operator_type: 'TABLE_SCAN', operator_cardinality: 5, children: [] };
    expect(filteredRowsOf({ operator_type: 'UNION', children: [scan, scan] })).toBeNull();
    expect(filteredRowsOf({ operator_type: 'PROJECTION', children: [scan] })).toBe(5);
    expect(filteredRowsOf([scan])).toBeNull();
    expect(filteredRowsOf({ operator_type: 'X', children: [7] })).toBeNull();
  });
});
