/**
 * Statements over files run on the host's native DuckDB (docs/kernel.md, "Where a query runs"):
 * a real kernel on the Node platform, whose host engine is the in-process one. Each test looks at
 * what the kernel sent (the requests and replies, recorded around the platform's hostQueries)
 * and at what the cell shows.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  HostQueryReply,
  HostQueryRequest,
  HostQueryResult,
} from '../../core/query/host-query';
import {
  errorOutput,
  executeResult,
  startTestKernel,
  type TestKernel,
} from '../../test/kernel-harness';

let k: TestKernel;
const sent: HostQueryRequest[] = [];
const replies: HostQueryReply[] = [];
const cancelled: string[] = [];

beforeAll(async () => {
  k = await startTestKernel({
    platform: (node) => ({
      ...node,
      hostQueries: {
        async run(request) {
          sent.push(request);
          const reply = await node.hostQueries.run(request);
          replies.push(reply);
          return reply;
        },
        cancel(queryId) {
          cancelled.push(queryId);
          node.hostQueries.cancel(queryId);
        },
      },
    }),
  });
  mkdirSync(path.join(k.notebookDir, 'data'));
  mkdirSync(path.join(k.notebookDir, 'out'));
  writeFileSync(
    path.join(k.notebookDir, 'data', 'x.csv'),
    'id,name,big\n1,ann,10\n2,bob,20\n3,cy,30\n',
  );
  writeFileSync(
    path.join(k.notebookDir, 'data', 'x.json'),
    JSON.stringify([
      { id: 1, tag: 'a' },
      { id: 3, tag: 'c' },
    ]),
  );
  await nativeDuckDb(
    `copy (select range::BIGINT as id, (range * 1.5)::DECIMAL(10,2) as amount, 'p' || range as label from range(5)) to '${path.join(k.notebookDir, 'data', 'x.parquet')}' (format parquet)`,
  );
});

afterAll(() => k.dispose());

async function nativeDuckDb(sql: string): Promise<void> {
  const duckdb = await DuckDBInstance.create(':memory:');
  const connection = await duckdb.connect();
  await connection.run(sql);
  connection.closeSync();
  duckdb.closeSync();
}

/** What the kernel sent to the host while `run` ran. */
async function sentDuring<T>(
  run: () => Promise<T>,
): Promise<{ value: T; requests: HostQueryRequest[]; results: HostQueryResult[] }> {
  const from = sent.length;
  const value = await run();
  const results = replies.slice(from).flatMap((r) => (r.ok ? [r.result] : []));
  return { value, requests: sent.slice(from), results };
}

describe('a statement over files only', () => {
  it('runs on the host, and the cell says so', async () => {
    for (const file of ['data/x.parquet', 'data/x.csv', 'data/x.json']) {
      const { value: reply, requests } = await sentDuring(() =>
        k.run(`%%sql\nselect count(*) as n from '${file}'`),
      );
      expect(reply.status).toBe('done');
      expect(requests.map((r) => r.kind)).toEqual(['query']);
      expect(reply.engine?.where).toBe('host');
      expect(reply.engine?.label).toMatch(/DuckDB/);
      expect(executeResult(reply)?.data['text/plain']).toMatch(/^n\n\d\n/);
    }
  });

  it('gives the types a query in the kernel gives: BIGINT and DECIMAL as numbers', async () => {
    const rows = await k.json(
      "(await sql`select id, amount, label from 'data/x.parquet' order by id`).toRows(2)",
    );
    expect(rows).toEqual([
      { id: 0, amount: 0, label: 'p0' },
      { id: 1, amount: 1.5, label: 'p1' },
    ]);
    const fields = await k.json(
      "(await sql`select id, amount from 'data/x.parquet'`).toArrow().schema.fields.map((f) => String(f.type))",
    );
    const kernel = await k.json(
      '(await sql`select 1::BIGINT as id, 1.5::DECIMAL(10,2) as amount`).toArrow().schema.fields.map((f) => String(f.type))',
    );
    expect(fields).toEqual(kernel);
  });

  it('a sql template sends its values as params', async () => {
    const { value, requests } = await sentDuring(() =>
      k.json(
        "(await sql`select name from 'data/x.csv' where id > ${1} and name <> ${'cy'}`).toRows()",
      ),
    );
    expect(value).toEqual([{ name: 'bob' }]);
    const query = requests.find((r) => r.kind === 'query');
    expect(query?.kind === 'query' && query.params).toEqual([1, 'cy']);
  });
});

describe('files and the kernel’s tables together', () => {
  it('a join with a registered frame scans the file with pushdown: engine both', async () => {
    await k.run('register("people", new dfd.DataFrame({ id: [1, 3], team: ["red", "blue"] }))');
    const {
      value: reply,
      requests,
      results,
    } = await sentDuring(() =>
      k.run(
        "%%sql\nselect p.team, x.name from people p join 'data/x.csv' x using (id) order by p.id",
      ),
    );
    expect(reply.status).toBe('done');
    expect(executeResult(reply)?.data['text/plain']).toMatch(/red +ann\nblue +cy/);
    expect(reply.engine?.where).toBe('both');
    expect(requests.map((r) => r.kind === 'scan' && r.pushdown)).toEqual([true]);
    // The host says what it pushed down into the file's reader.
    expect(results[0].pushdown).not.toBeNull();
    // The scan's table went with its statement.
    expect(
      await k.json(
        "(await sql`select count(*)::INT from duckdb_tables() where schema_name = 'quarry_files'`).scalar()",
      ),
    ).toBe(0);
  });

  it('create table from a file keeps the rows in the kernel', async () => {
    const made = await k.run(
      "%%sql\ncreate or replace table from_file as select * from 'data/x.parquet'",
    );
    expect(made.engine?.where).toBe('both');
    const read = await k.run('%%sql\nselect sum(amount) as s from from_file');
    expect(read.engine).toEqual({ where: 'kernel', label: 'DuckDB-WASM' });
    expect(executeResult(read)?.data['text/plain']).toMatch(/^s\n15\n/);
  });

  it('a view over a file keeps working after its statement', async () => {
    const { requests } = await sentDuring(() =>
      k.run("%%sql\ncreate or replace view names as select * from 'data/x.csv'"),
    );
    expect(requests.map((r) => r.kind === 'scan' && r.pushdown)).toEqual([false]);
    expect(await k.json('(await sql`select count(*)::INT from names`).scalar()')).toBe(3);
    expect(await k.json('(await sql`select big from names where id = 2`).scalar()')).toBe(20);
  });

  it('COPY … TO writes a kernel table, and a file, that read back', async () => {
    await k.run(
      "%%sql\ncreate or replace table teams as select * from (values (1, 'red'), (2, 'blue')) t(id, team)",
    );
    const { value: fromKernel, requests } = await sentDuring(() =>
      k.run(
        "%%sql\ncopy (select * from teams where id > 1) to 'out/teams.parquet' (format parquet)",
      ),
    );
    expect(fromKernel.outputs.filter((o) => o.output_type === 'error')).toEqual([]);
    expect(requests.map((r) => r.kind)).toEqual(['copy']);
    expect(fromKernel.engine?.where).toBe('both');
    expect(await k.json("(await sql`select team from 'out/teams.parquet'`).toRows()")).toEqual([
      { team: 'blue' },
    ]);
    const fromFile = await k.run(
      "%%sql\ncopy (select id from 'data/x.csv' where id < 3) to 'out/ids.parquet' (format parquet)",
    );
    expect(fromFile.engine?.where).toBe('host');
    expect(await k.json("(await sql`select count(*)::INT from 'out/ids.parquet'`).scalar()")).toBe(
      2,
    );
    expect(existsSync(path.join(k.notebookDir, 'out', 'ids.parquet'))).toBe(true);
  });
});

describe('host errors', () => {
  it('show the cell’s own line and caret', async () => {
    const reply = await k.run("%%sql\nselect 1;\nselect nope from 'data/x.csv'");
    const error = errorOutput(reply);
    expect(error.ename).toBe('BinderError');
    expect(error.traceback.slice(2)).toEqual([
      "LINE 3: select nope from 'data/x.csv'",
      '               ^',
    ]);
    expect(reply.errorLocation).toEqual({ line: 3, column: 8 });
  });

  it('a path out of the notebook’s folder is refused where it stands', async () => {
    for (const file of ['/etc/passwd', '../x.csv']) {
      const reply = await k.run(`%%sql\nselect *\nfrom read_csv('${file}')`);
      const error = errorOutput(reply);
      expect(error.ename).toBe('PermissionError');
      expect(reply.errorLocation?.line).toBe(3);
    }
  });
});

describe('an interrupt', () => {
  it('cancels the host query at once and keeps the kernel’s state', async () => {
    await k.run('const kept = 42');
    const controller = new AbortController();
    const started = Date.now();
    const running = k.kernel.execute(
      "%%sql\nselect count(*) from 'data/x.csv' a, range(100000) b, range(100000) c, range(100000) d",
      { executionCount: 99, signal: controller.signal },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    controller.abort();
    const reply = await running;
    expect(reply.interrupted).toBe(true);
    expect(Date.now() - started).toBeLessThan(1300);
    expect(cancelled.length).toBeGreaterThan(0);
    expect(await k.json('kept')).toBe(42);
  });
});

describe('the engine of a cell', () => {
  it('is the kernel’s for SQL over its own tables and null for a cell without SQL', async () => {
    expect((await k.run('%%sql\nselect 42')).engine).toEqual({
      where: 'kernel',
      label: 'DuckDB-WASM',
    });
    expect((await k.run('1 + 1')).engine).toBeNull();
  });
});
