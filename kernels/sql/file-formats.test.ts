/** Parquet and JSON files through a real kernel: read by the host's native DuckDB (host/query/). */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type TestKernel } from '../../test/kernel-harness';

const require = createRequire(import.meta.url);
const parquetWasm = require('parquet-wasm') as typeof import('parquet-wasm');
const arrow = require('apache-arrow') as typeof import('apache-arrow');

let k: TestKernel;

function writeParquet(file: string, columns: Record<string, number[] | string[]>): void {
  const table = arrow.tableFromArrays(
    Object.fromEntries(
      Object.entries(columns).map(([name, values]) => [
        name,
        typeof values[0] === 'number'
          ? Float64Array.from(values as number[])
          : (values as string[]),
      ]),
    ),
  );
  const wasmTable = parquetWasm.Table.fromIPCStream(arrow.tableToIPC(table, 'stream'));
  writeFileSync(path.join(k.notebookDir, file), parquetWasm.writeParquet(wasmTable));
}

beforeAll(async () => {
  k = await startTestKernel();
  mkdirSync(path.join(k.notebookDir, 'data', 'parts'), { recursive: true });
});

afterAll(() => k.dispose());

describe('Parquet and JSON files in SQL', () => {
  it("reads 'data/x.parquet' by relative path", async () => {
    writeParquet('data/x.parquet', { id: [1, 2, 3], name: ['a', 'b', 'c'] });
    expect(
      await k.text("%%sql\nselect sum(id) as s, string_agg(name, '') as n from 'data/x.parquet'"),
    ).toMatch(/^s +n\n6 +abc\n/);
  });

  it('reads a glob of Parquet files through read_parquet, as one table', async () => {
    writeParquet('data/parts/p1.parquet', { v: [1, 2] });
    writeParquet('data/parts/p2.parquet', { v: [3] });
    expect(
      await k.json(
        "(await sql`select count(*) n, sum(v) s from read_parquet('data/parts/*.parquet')`).toRows()",
      ),
    ).toEqual([{ n: 3, s: 6 }]);
  });

  it('reloads a file that changed on disk, and binds parameters as usual', async () => {
    writeParquet('data/changing.parquet', { v: [1] });
    expect(
      await k.json(
        "(await sql`select count(*) n from 'data/changing.parquet' where v >= ${1}`).scalar()",
      ),
    ).toBe(1);
    writeParquet('data/changing.parquet', { v: [1, 2, 3, 4] });
    expect(
      await k.json(
        "(await sql`select count(*) n from 'data/changing.parquet' where v >= ${1}`).scalar()",
      ),
    ).toBe(4);
  });

  it('reads JSON arrays and newline-delimited JSON', async () => {
    writeFileSync(
      path.join(k.notebookDir, 'data/rows.json'),
      JSON.stringify([
        { a: 1, b: 'x' },
        { a: 2, b: null },
      ]),
    );
    writeFileSync(path.join(k.notebookDir, 'data/rows.ndjson'), '{"a": 3}\n\n{"a": 4}\n');
    expect(await k.json("(await sql`select sum(a) s from 'data/rows.json'`).scalar()")).toBe(3);
    expect(
      await k.json("(await sql`select sum(a) s from read_ndjson('data/rows.ndjson')`).scalar()"),
    ).toBe(7);
  });

  it('says which file is missing or broken', async () => {
    let reply = await k.run("%%sql\nselect * from 'data/missing.parquet'");
    expect(reply.status).toBe('error');
    expect(JSON.stringify(reply.outputs)).toMatch(
      /No files found that match the pattern .*data\/missing\.parquet/,
    );
    writeFileSync(path.join(k.notebookDir, 'data/broken.parquet'), 'not parquet at all');
    reply = await k.run("%%sql\nselect * from 'data/broken.parquet'");
    expect(reply.status).toBe('error');
    expect(JSON.stringify(reply.outputs)).toMatch(/data\/broken\.parquet/);
  });
});
