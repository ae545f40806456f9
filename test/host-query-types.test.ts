/**
 * Each DuckDB type a host query can produce, through the way the kernel receives it: native
 * DuckDB → Arrow IPC (host/query) → DuckDB-WASM's insertArrowIpc (the kernel's own database,
 * opened as `quarry run` opens it) → the same DuckDB type there, or the nearest one that
 * travels (portable-types.ts), with the same values.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostQueryEngine, type HostQueryEngine } from '../host/query/host-query-engine';
import { createNodeKernelPlatform } from '../host/kernel/node-kernel-platform';
import type { SqlDatabase } from '../kernels/sql/sql-database';

let folder: string;
let engine: HostQueryEngine;
let kernel: SqlDatabase;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'quarry-host-types-'));
  engine = createHostQueryEngine({ notebookDir: folder, allowedDirectories: [folder] });
  kernel = await createNodeKernelPlatform({ notebookDir: folder }).openDatabase();
});

afterAll(async () => {
  await engine.close();
  kernel.close();
  await rm(folder, { recursive: true, force: true });
});

/** [the expression, its type in the kernel, its value there as text] */
const cases: [string, string, string][] = [
  ['2147483647::INTEGER', 'INTEGER', '2147483647'],
  ['9007199254740993::BIGINT', 'BIGINT', '9007199254740993'],
  ['(-9223372036854775808)::BIGINT', 'BIGINT', '-9223372036854775808'],
  ['12345678901234567890123456789::HUGEINT', 'DECIMAL(38,0)', '12345678901234567890123456789'],
  ['12.345::DECIMAL(10,3)', 'DECIMAL(10,3)', '12.345'],
  ['1234567890123456789.12::DECIMAL(38,2)', 'DECIMAL(38,2)', '1234567890123456789.12'],
  ['1.5::DOUBLE', 'DOUBLE', '1.5'],
  [`'é ''quoted'' "x" 😀'`, 'VARCHAR', `é 'quoted' "x" 😀`],
  [`''`, 'VARCHAR', ''],
  ['NULL::VARCHAR', 'VARCHAR', 'NULL'],
  ['true', 'BOOLEAN', 'true'],
  [`DATE '2024-02-29'`, 'DATE', '2024-02-29'],
  [`TIMESTAMP '2024-01-01 12:34:56.789'`, 'TIMESTAMP', '2024-01-01 12:34:56.789'],
  [`TIMESTAMPTZ '2024-01-01 12:34:56+00'`, 'TIMESTAMP WITH TIME ZONE', '2024-01-01 12:34:56+00'],
  [`TIME '12:34:56.5'`, 'TIME', '12:34:56.5'],
  [`INTERVAL '1 month 2 days 3 hours'`, 'VARCHAR', '1 month 2 days 03:00:00'],
  [
    `uuid '12345678-1234-5678-1234-567812345678'`,
    'VARCHAR',
    '12345678-1234-5678-1234-567812345678',
  ],
  [`'\\xAA\\x00'::BLOB`, 'BLOB', '\\xAA\\x00'],
  [`'b'::ENUM('a', 'b')`, 'VARCHAR', 'b'],
  ['[1, 2, NULL]::INTEGER[]', 'INTEGER[]', '[1, 2, NULL]'],
  ['[1, 2]::INTEGER[2]', 'INTEGER[]', '[1, 2]'],
  [`{'x': 1, 'y': 'z'}`, 'STRUCT(x INTEGER, y VARCHAR)', `{'x': 1, 'y': z}`],
  [`MAP {'k': 1}`, 'MAP(VARCHAR, INTEGER)', '{k=1}'],
  [
    `{'h': 1::HUGEINT, 'i': [INTERVAL 1 day]}`,
    'STRUCT(h DECIMAL(38,0), i VARCHAR[])',
    `{'h': 1, 'i': [1 day]}`,
  ],
];

describe('types from a host query, as the kernel receives them', () => {
  it.each(cases)('%s', async (expression, kernelType, text) => {
    const reply = await engine.run({
      kind: 'query',
      queryId: expression,
      sql: `select ${expression} as v`,
      params: [],
    });
    if (!reply.ok) throw new Error(JSON.stringify(reply.failure));
    expect(tableFromIPC(reply.result.ipc).numRows).toBe(1);
    kernel.dropTable('main', 'received');
    kernel.insertArrowIpc({ schema: 'main', name: 'received', create: true }, reply.result.ipc);
    const row = kernel
      .query("select typeof(v) as type, coalesce(v::VARCHAR, 'NULL') as text from received")
      .get(0)
      ?.toJSON();
    expect(row).toEqual({ type: kernelType, text });
  });

  it('keeps a BIGINT beyond 2^53 exact in the IPC itself', async () => {
    const reply = await engine.run({
      kind: 'query',
      queryId: 'bigint',
      sql: 'select 9007199254740993::BIGINT as v',
      params: [],
    });
    if (!reply.ok) throw new Error(JSON.stringify(reply.failure));
    expect(tableFromIPC(reply.result.ipc).get(0)?.toJSON().v).toBe(9007199254740993n);
  });
});
