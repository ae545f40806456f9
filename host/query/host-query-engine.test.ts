/** The host's query engine on real native DuckDB, over files in a temporary notebook folder. */
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostQueryParam, HostQueryReply } from '../../core/query/host-query';
import { createHostQueryEngine, type HostQueryEngine } from './host-query-engine';

let root: string;
let notebookDir: string;
let tempDirectory: string;
let engine: HostQueryEngine;
let nextId = 0;

const query = (sql: string, params: HostQueryParam[] = []) =>
  engine.run({ kind: 'query', queryId: `q${++nextId}`, sql, params });

function rowsOf(reply: HostQueryReply): Record<string, unknown>[] {
  if (!reply.ok) throw new Error(`expected rows, got ${JSON.stringify(reply.failure)}`);
  return tableFromIPC(reply.result.ipc)
    .toArray()
    .map((row: { toJSON(): Record<string, unknown> }) => row.toJSON());
}

function failureOf(reply: HostQueryReply) {
  if (reply.ok) throw new Error('expected a failure');
  return reply.failure;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'quarry-host-query-'));
  notebookDir = path.join(root, 'proj');
  tempDirectory = path.join(root, 'tmp');
  await mkdir(path.join(notebookDir, 'data'), { recursive: true });
  await mkdir(tempDirectory);
  await writeFile(path.join(notebookDir, 'data', 'a.csv'), 'id,name\n1,ann\n2,bob\n3,cid\n');
  await writeFile(path.join(notebookDir, 'data', 'b.csv'), 'id,name\n4,dan\n');
  await writeFile(path.join(root, 'secret.csv'), 'password\nhunter2\n');
  await symlink(path.join(root, 'secret.csv'), path.join(notebookDir, 'link.csv'));
  await mkdir(path.join(root, 'outside'));
  await writeFile(path.join(root, 'outside', 'c.csv'), 'id\n9\n');
  await symlink(path.join(root, 'outside'), path.join(notebookDir, 'linked'));
  await symlink(
    path.join(root, 'outside', 'new.parquet'),
    path.join(notebookDir, 'broken.parquet'),
  );
  engine = createHostQueryEngine({
    notebookDir,
    allowedDirectories: [notebookDir],
    tempDirectory,
    threads: 2,
  });
});

afterAll(async () => {
  await engine.close();
  await rm(root, { recursive: true, force: true });
});

describe('query requests', () => {
  it('runs a query over a relative path and says which engine ran it', async () => {
    const reply = await query("select id, name from 'data/a.csv' order by id");
    expect(rowsOf(reply).map((row) => row.name)).toEqual(['ann', 'bob', 'cid']);
    if (!reply.ok) return;
    expect(reply.result.rows).toBe(3);
    expect(reply.result.engine).toMatch(/^native DuckDB v1\.\d+\.\d+ \(host\)$/);
    expect(reply.result.pushdown).toBeNull();
  });

  it('reads globs and reader functions, and binds parameters', async () => {
    const glob = await query("select count(*)::INTEGER as n from read_csv('data/*.csv')");
    expect(rowsOf(glob)).toEqual([{ n: 4 }]);
    const params = await query("select name from 'data/a.csv' where id = $1", [2]);
    expect(rowsOf(params)).toEqual([{ name: 'bob' }]);
  });

  it.each([
    ["with t as (from 'data/a.csv') select count(*)::INTEGER as n from t", [{ n: 3 }]],
    ["from 'data/b.csv' select name", [{ name: 'dan' }]],
    ['values (1), (2)', [{ col0: 1 }, { col0: 2 }]],
    ["pivot (from 'data/b.csv') on name in ('dan') using sum(id)::INTEGER", [{ dan: 4 }]],
    ['unpivot (select 1 as a) on a into name k value v', [{ k: 'a', v: 1 }]],
    ["(select name from 'data/b.csv') -- trailing comment", [{ name: 'dan' }]],
  ])('runs %s', async (sql, expected) => {
    expect(rowsOf(await query(sql))).toEqual(expected);
  });

  it('answers DESCRIBE, SUMMARIZE and EXPLAIN', async () => {
    const describe = rowsOf(await query("DESCRIBE 'data/a.csv'"));
    expect(describe.map((row) => row.column_name)).toEqual(['id', 'name']);
    const summarize = rowsOf(await query("SUMMARIZE 'data/a.csv'"));
    expect(summarize).toHaveLength(2);
    const explain = rowsOf(await query("EXPLAIN select * from 'data/a.csv';"));
    expect(String(explain[0].explain_value)).toContain('READ_CSV');
  });
});

describe('paths the host refuses', () => {
  const refusal = async (sql: string) => failureOf(await query(sql));

  it.each([
    ["select * from '/etc/passwd'", '/etc/passwd'],
    ["select * from '../secret.csv'", '../secret.csv'],
    ["select * from 'link.csv'", 'link.csv'],
    ["select * from read_text('../secret.csv')", '../secret.csv'],
    ["select * from read_csv('../*.csv')", '../*.csv'],
    ["select * from read_csv(['data/a.csv', '/etc/hosts'])", '/etc/hosts'],
    ["select * from 'linked/*.csv'", 'linked/*.csv'],
    ["select * from 'data/../linked/c.csv'", 'data/../linked/c.csv'],
    ["select * from 'linked/../secret.csv'", 'linked/../secret.csv'],
    ["copy (select 1) to 'broken.parquet'", 'broken.parquet'],
  ])('%s', async (sql, written) => {
    const failure = await refusal(sql);
    expect(failure).toMatchObject({ kind: 'refused', position: sql.indexOf(`'${written}'`) });
    expect(failure.message).toBe(
      `'${written}' is outside the notebook's folder (${notebookDir}): Quarry reads and writes only files inside it. Copy the file into the folder.`,
    );
  });

  it('refuses a URL, without its credentials', async () => {
    const failure = await refusal("select * from 'https://user:pw@example.com/x.csv'");
    expect(failure.kind).toBe('refused');
    expect(failure.message).toContain("the host reads only files in the notebook's folder");
    expect(failure.message).not.toContain('pw');
  });

  it('stops a path built by an expression with DuckDB’s own allowed directories', async () => {
    const failure = await refusal(`select * from read_text(concat('${root}', '/secret.csv'))`);
    expect(failure.kind).toBe('refused');
    expect(failure.message).toContain('secret.csv');
  });
});

describe('statements the host refuses', () => {
  it.each([
    'INSTALL httpfs',
    'LOAD httpfs',
    "ATTACH 'x.db'",
    'SET threads = 1',
    'PRAGMA enable_profiling',
    'CREATE TABLE t (a INTEGER)',
    "COPY t FROM 'data/a.csv'",
    'select 1; select 2',
    'CALL pragma_version()',
  ])('%s', async (sql) => {
    const failure = failureOf(await query(sql));
    expect(failure).toMatchObject({
      kind: 'refused',
      message: expect.stringContaining('and COPY … TO run on the host'),
    });
  });

  it('asks for the values of a PIVOT, which DuckDB would otherwise make a type for', async () => {
    const failure = failureOf(await query("pivot 'data/a.csv' on name using sum(id)"));
    expect(failure).toMatchObject({ kind: 'refused', message: expect.stringContaining('IN (') });
  });
});

describe('errors', () => {
  it("points at DuckDB's position in the request's text, through the host's rewriting", async () => {
    const sql = "select 'é', nope from 'data/a.csv'";
    const failure = failureOf(await query(sql));
    expect(failure).toMatchObject({
      kind: 'sql',
      errorType: 'Binder',
      position: sql.indexOf('nope'),
    });
  });

  it('names a missing file as the request wrote it, and points at it', async () => {
    const sql = "select 1 as a, * from 'data/missing.csv'";
    const failure = failureOf(await query(sql));
    expect(failure).toMatchObject({
      kind: 'sql',
      errorType: 'IO',
      message: 'No files found that match the pattern "data/missing.csv"',
      position: sql.indexOf("'data/missing.csv'"),
    });
  });

  it('reports a syntax error with its position', async () => {
    const failure = failureOf(await query('select from from'));
    expect(failure).toMatchObject({ kind: 'sql', errorType: 'Parser' });
  });
});

describe('cancelling', () => {
  const slow = 'select count(*) from range(1000000000) a, range(1000000000) b';

  it('interrupts a long query within a second', async () => {
    const running = engine.run({ kind: 'query', queryId: 'slow', sql: slow, params: [] });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const cancelledAt = performance.now();
    engine.cancel('slow');
    const failure = failureOf(await running);
    expect(failure.kind).toBe('cancelled');
    expect(performance.now() - cancelledAt).toBeLessThan(1000);
  });

  it('cancels a run whose cancel came first', async () => {
    engine.cancel('early');
    const failure = failureOf(
      await engine.run({ kind: 'query', queryId: 'early', sql: slow, params: [] }),
    );
    expect(failure.kind).toBe('cancelled');
  });

  it('runs queries side by side', async () => {
    const replies = await Promise.all(
      [1, 2, 3, 4].map((n) => query(`select ${n} as n, count(*)::INTEGER as c from 'data/a.csv'`)),
    );
    expect(replies.map((reply) => rowsOf(reply)[0])).toEqual([
      { n: 1, c: 3 },
      { n: 2, c: 3 },
      { n: 3, c: 3 },
      { n: 4, c: 3 },
    ]);
  });
});

describe('limits and writing', () => {
  it('refuses a result over maxResultBytes with its size and what to do', async () => {
    const small = createHostQueryEngine({
      notebookDir,
      allowedDirectories: [notebookDir],
      tempDirectory,
      maxResultBytes: 100_000,
    });
    try {
      const failure = failureOf(
        await small.run({
          kind: 'query',
          queryId: 'big',
          sql: 'select range as a, range::VARCHAR as b from range(100000)',
          params: [],
        }),
      );
      expect(failure).toMatchObject({ kind: 'too-large', limitBytes: 100_000 });
      if (failure.kind !== 'too-large') return;
      expect(failure.bytes).toBeGreaterThan(1_000_000);
      expect(failure.message).toMatch(
        /^The result is 1\.\d MB \(100,000 rows × 2 columns\), over the 98 KB a query may send to the kernel: add a LIMIT/,
      );
    } finally {
      await small.close();
    }
  });

  it('writes with COPY … TO and reads the file back', async () => {
    const copy = await query("COPY (select * from 'data/a.csv') TO 'a.parquet'");
    expect(rowsOf(copy)).toEqual([{ Count: 3n }]);
    const back = await query("select name from 'a.parquet' order by id");
    expect(rowsOf(back).map((row) => row.name)).toEqual(['ann', 'bob', 'cid']);
  });

  it('refuses a COPY … TO outside the folder', async () => {
    const sql = "COPY (select 1) TO '../x.parquet'";
    expect(failureOf(await query(sql))).toMatchObject({
      kind: 'refused',
      position: sql.indexOf("'../"),
    });
  });

  it('removes its private folder on close', async () => {
    const own = createHostQueryEngine({
      notebookDir,
      allowedDirectories: [notebookDir],
      tempDirectory,
    });
    rowsOf(await own.run({ kind: 'query', queryId: 'x', sql: 'select 1 as a', params: [] }));
    expect(await readdir(tempDirectory)).not.toEqual([]);
    await own.close();
    const left = await readdir(tempDirectory);
    // The shared engine of this file still has its own.
    expect(left).toHaveLength(1);
  });
});

describe('scan requests', () => {
  it('reads the file reference of a larger statement, its path made absolute', async () => {
    const sql =
      "select * from kernel_table k join read_csv('data/a.csv', header = true) f using (id)";
    const start = sql.indexOf('read_csv');
    const reference = { start, end: sql.indexOf(' f using') };
    const reply = await engine.run({
      kind: 'scan',
      queryId: 's1',
      sql,
      reference,
      pushdown: false,
    });
    expect(rowsOf(reply).map((row) => row.name)).toEqual(['ann', 'bob', 'cid']);
    if (reply.ok) expect(reply.result.pushdown).toEqual({ columns: null, filters: [] });
  });

  it('refuses a reference outside the folder, pointing at it', async () => {
    const sql = "select * from t join '../secret.csv' using (id)";
    const start = sql.indexOf("'../");
    const reply = await engine.run({
      kind: 'scan',
      queryId: 's2',
      sql,
      reference: { start, end: start + "'../secret.csv'".length },
      pushdown: true,
    });
    expect(failureOf(reply)).toMatchObject({ kind: 'refused', position: start });
  });
});

describe('copy requests', () => {
  it("writes the kernel's rows to the COPY's target, the same file a query's COPY writes", async () => {
    const fromQuery = await query(
      "COPY (select * from 'data/a.csv' order by id) TO 'by-query.parquet' (FORMAT parquet)",
    );
    expect(fromQuery.ok).toBe(true);
    const ipc = (await query("select * from 'data/a.csv' order by id")) as Extract<
      HostQueryReply,
      { ok: true }
    >;
    const sql =
      "COPY (select * from kernel_rows order by id) TO 'by-kernel.parquet' (FORMAT parquet)";
    const source = { start: sql.indexOf('('), end: sql.indexOf(') TO') + 1 };
    const copy = await engine.run({
      kind: 'copy',
      queryId: 'c1',
      sql,
      source,
      ipc: ipc.result.ipc,
    });
    expect(rowsOf(copy)).toEqual([{ Count: 3n }]);
    const same = await query(
      "select count(*)::INTEGER as n from (select * from 'by-query.parquet' except all select * from 'by-kernel.parquet')",
    );
    expect(rowsOf(same)).toEqual([{ n: 0 }]);
    const back = rowsOf(await query("select * from 'by-kernel.parquet' order by id"));
    expect(back).toEqual(rowsOf(await query("select * from 'by-query.parquet' order by id")));
  });

  it('refuses a target outside the folder', async () => {
    const sql = "COPY (select 1) TO '/tmp/elsewhere.parquet'";
    const reply = await engine.run({
      kind: 'copy',
      queryId: 'c2',
      sql,
      source: { start: 5, end: 15 },
      ipc: new Uint8Array(),
    });
    expect(failureOf(reply)).toMatchObject({ kind: 'refused', position: sql.indexOf("'/tmp") });
  });
});
