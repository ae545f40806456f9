/**
 * The failures a user of the PostgreSQL source meets, against a real server holding a 200k-row
 * table: a wrong password (never shown), no server, a server that never answers, unknown names,
 * a value DuckDB cannot hold, a cancel mid-pull and mid-query; and the test server's own cleanup.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SampleRequest } from '../core/sample/request';
import type { PostgresServer } from './support/postgres-server';
import { startSamplingFixture, type SamplingFixture } from './support/postgres-sampling';

let fixture: SamplingFixture;
let server: PostgresServer;
let admin: pg.Client;

beforeAll(async () => {
  fixture = await startSamplingFixture(200_000);
  ({ server, admin } = fixture);
});

afterAll(() => fixture?.close());

const request = (overrides?: Partial<SampleRequest>) => fixture.request(overrides);
const failure: SamplingFixture['failure'] = (...args) => fixture.failure(...args);

describe('PostgreSQL failures', () => {
  it('a wrong password is a SampleError that never shows the password', async () => {
    const wrong = server.url.replace(encodeURIComponent(server.password), 'not%20it');
    const error = await failure(
      request({ source: { kind: 'postgres', connection: wrong, table: 'events', query: null } }),
    );
    expect(error.kind).toBe('source');
    expect(error.message).toBe(
      `PostgreSQL at postgres://quarry@127.0.0.1:${server.port}/postgres refused the login: password authentication failed for user "quarry"; check the user and password`,
    );
    expect(error.message).not.toContain('not it');
    expect(error.message).not.toContain(server.password);
  });

  it('a port where no server listens says so, quickly', async () => {
    const closed = `postgres://quarry:${encodeURIComponent(server.password)}@127.0.0.1:1/postgres`;
    const error = await failure(
      request({ source: { kind: 'postgres', connection: closed, table: 'events', query: null } }),
    );
    expect(error.message).toBe(
      'could not connect to PostgreSQL at postgres://quarry@127.0.0.1:1/postgres: connection refused; is the server running and listening on port 1?',
    );
  });

  it('a server that never answers times out after connect_timeout', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      const connection = `postgres://quarry:secret@127.0.0.1:${port}/postgres?connect_timeout=1`;
      const started = Date.now();
      const error = await failure(
        request({ source: { kind: 'postgres', connection, table: 'events', query: null } }),
      );
      expect(error.message).toBe(
        `could not connect to PostgreSQL at postgres://quarry@127.0.0.1:${port}/postgres: no answer within the connection timeout (connect_timeout, PGCONNECT_TIMEOUT)`,
      );
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      silent.close();
    }
  });

  it('unknown tables and columns and a bad where are the request, named in one line', async () => {
    const table = await failure(
      request({
        source: { kind: 'postgres', connection: server.url, table: 'nope.events', query: null },
      }),
    );
    expect(table.kind).toBe('bad-request');
    expect(table.message).toBe(
      'PostgreSQL has no table or view named nope.events: check the name, or write it as schema.name',
    );
    const column = await failure(request({ columns: ['id', 'amout'] }));
    expect(column.message).toBe(
      'the source has no column named amout; its columns are id, category, at, amount, score, note',
    );
    const where = await failure(request({ where: 'amout > 0' }));
    expect(where.kind).toBe('bad-request');
    expect(where.message).toContain('column "amout" does not exist');
    const query = await failure(
      request({
        source: {
          kind: 'postgres',
          connection: server.url,
          table: null,
          query: 'SELECT * FROM missing',
        },
      }),
    );
    expect(query.message).toContain('relation "missing" does not exist');
  });

  it('a value DuckDB cannot hold names its row, column and type', async () => {
    const query = "SELECT 1 AS id, 'NaN'::numeric(10, 2) AS amount";
    const error = await failure(
      request({ source: { kind: 'postgres', connection: server.url, table: null, query } }),
    );
    expect(error.kind).toBe('source');
    expect(error.message).toMatch(
      /^row 1 of the sample: the value of column amount does not fit DECIMAL\(10, 2\) \(.+\); select it cast to text in a query$/,
    );
  });

  it('a cancel mid-pull stops the server and leaves no file behind', async () => {
    const controller = new AbortController();
    const before = await readdir(fixture.outDir);
    const error = await failure(
      request({ method: 'bernoulli', size: { kind: 'fraction', fraction: 1 } }),
      controller.signal,
      (progress) => {
        if (progress.done >= 20_000) controller.abort();
      },
    );
    expect(error.kind).toBe('cancelled');
    expect(await readdir(fixture.outDir)).toEqual(before);
    // The source's session has ended: nothing of it still runs on the server.
    const sessions = async (): Promise<number> => {
      const active = await admin.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'quarry sample'",
      );
      return active.rows[0].n;
    };
    await expect.poll(sessions).toBe(0);
  });

  it('a cancel while the server computes sends PostgreSQL a cancel request', async () => {
    const controller = new AbortController();
    // Every row hashed by all six columns: seconds of work before the first row comes back.
    const query = 'SELECT * FROM events, generate_series(1, 10) AS copies';
    setTimeout(() => controller.abort(), 300);
    const error = await failure(
      request({ source: { kind: 'postgres', connection: server.url, table: null, query } }),
      controller.signal,
    );
    expect(error.kind).toBe('cancelled');
    await expect
      .poll(() => server.readLog().includes('canceling statement due to user request'))
      .toBe(true);
  });
});

describe('the test server', () => {
  it('is stopped and its folder removed when its process exits without stop()', async () => {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'support', 'postgres-server-child.ts')],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(child.status, child.stderr).toBe(3);
    const { folder, pid } = JSON.parse(child.stdout) as { folder: string; pid: number };
    expect(existsSync(folder)).toBe(false);
    // Running, or gone (or a zombie no one reaped: a container's PID 1 may not reap orphans).
    const alive = (): boolean => {
      try {
        return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      } catch {
        return false;
      }
    };
    await expect.poll(alive, { timeout: 10_000 }).toBe(false);
  });
});
