/**
 * `quarry sample` from PostgreSQL: the built CLI in a child process against a real server the
 * test starts (test/support/postgres-server.ts). Exact N from a table through a URL, a query
 * through `pg:` and the PG* variables, and the refusals (a wrong password, a closed port): exit
 * 2, one line, nothing written, and the password never printed or written anywhere.
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgresServer, type PostgresServer } from './support/postgres-server';
import { runQuarry, type QuarryRun } from './quarry-cli';

let server: PostgresServer;
let work: string;
let duckdb: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  server = await startPostgresServer();
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE TABLE orders AS SELECT g AS id, 'c' || (g % 5) AS country,
      (g % 1000) / 4.0 AS amount FROM generate_series(1, 20000) g`);
  await admin.query('ALTER TABLE orders ADD PRIMARY KEY (id)');
  await admin.query('ANALYZE orders');
  await admin.end();
  work = await mkdtemp(path.join(tmpdir(), 'quarry-sample-pg-'));
  duckdb = await DuckDBInstance.create(':memory:');
  connection = await duckdb.connect();
});

afterAll(async () => {
  connection?.closeSync();
  duckdb?.closeSync();
  await server?.stop();
});

function sample(args: string[], env: Record<string, string> = {}): Promise<QuarryRun> {
  return runQuarry(['sample', ...args], { cwd: work, env, timeoutMs: 60_000 });
}

async function rowsOf(file: string): Promise<number> {
  const reader = await connection.runAndReadAll(
    `SELECT count(*) FROM read_parquet('${path.join(work, file)}')`,
  );
  return Number(reader.getRows()[0][0]);
}

/** Whether `text` holds the password as written or percent-encoded. */
function leaks(text: string): boolean {
  return text.includes(server.password) || text.includes(encodeURIComponent(server.password));
}

describe('quarry sample from PostgreSQL', { timeout: 180_000 }, () => {
  it('pulls exactly N rows of a table; the password is in no output or file', async () => {
    const result = await sample([
      '--from',
      server.url,
      '--table',
      'orders',
      '--rows',
      '500',
      '--out',
      'orders.parquet',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Sampled 500 of ~?20,000 rows into orders\.parquet \(sha256 /);
    expect(await rowsOf('orders.parquet')).toBe(500);
    const manifest = await readFile(path.join(work, 'orders.manifest.json'), 'utf8');
    expect(JSON.parse(manifest)).toMatchObject({ engine: 'postgres', rows: { actual: 500 } });
    for (const text of [result.stdout, result.stderr, manifest]) expect(leaks(text)).toBe(false);
  });

  it('reads pg: from the PG* variables, with a query', async () => {
    const env = {
      PGHOST: server.host,
      PGPORT: String(server.port),
      PGUSER: server.user,
      PGPASSWORD: server.password,
      PGDATABASE: server.database,
    };
    const query = "SELECT id, amount FROM orders WHERE country = 'c1'";
    const result = await sample(
      ['--from', 'pg:', '--query', query, '--rows', '50', '--out', 'q.parquet'],
      env,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(await rowsOf('q.parquet')).toBe(50);
    expect(leaks(result.stdout + result.stderr)).toBe(false);
  });

  it('refuses a wrong password and a closed port in one line, exit 2, without the password', async () => {
    const before = await readdir(work);
    const wrong = new URL(server.url);
    wrong.password = encodeURIComponent(`${server.password}-wrong`);
    const closed = new URL(server.url);
    closed.port = '1';
    for (const [url, reason] of [
      [wrong.href, /password|authentication/i],
      [closed.href, /127\.0\.0\.1:1|connect/i],
    ] as const) {
      const result = await sample([
        '--from',
        url,
        '--table',
        'orders',
        '--rows',
        '5',
        '--out',
        'no.parquet',
      ]);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^quarry: [^\n]+\n$/);
      expect(result.stderr).toMatch(reason);
      expect(leaks(result.stderr)).toBe(false);
      expect(result.stderr).not.toContain(`${server.password}-wrong`);
    }
    expect(await readdir(work)).toEqual(before);
  });
});
