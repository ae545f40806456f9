/**
 * `quarry sample` end to end: the built CLI (`npm run build`) in a child process, on small CSV
 * and Parquet files this test makes with DuckDB. A sample is the Parquet file plus its manifest
 * and a one-line summary; the same seed gives the same content whatever the thread count; bad
 * usage and bad input are one line on stderr, exit 2, nothing written; Ctrl+C cancels with
 * exit 130 and leaves nothing behind.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSampleManifest, type SampleManifest } from '../core/sample/manifest';
import { repoRoot, runQuarry, type QuarryRun } from './quarry-cli';

let work: string;
let duckdb: DuckDBInstance;
let connection: DuckDBConnection;

const EVENTS_ROWS = 5000;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'quarry-sample-'));
  duckdb = await DuckDBInstance.create(':memory:');
  connection = await duckdb.connect();
  const events = `SELECT i AS id, 'C' || (i % 7) AS country, i * 0.5 AS amount,
      TIMESTAMP '2024-01-01' + to_hours(i) AS ts
    FROM range(${EVENTS_ROWS}) t(i)`;
  await connection.run(`COPY (${events}) TO '${file('events.parquet')}' (FORMAT parquet)`);
  await connection.run(`COPY (${events}) TO '${file('events.csv')}' (FORMAT csv, HEADER)`);
  // Line 4 (the header is line 1) has a fourth field.
  await writeFile(file('bad.csv'), 'id,name,amount\n1,a,1.5\n2,b,2.5\n3,c,3.5,extra\n4,d,4.5\n');
});

afterAll(() => {
  connection?.closeSync();
  duckdb?.closeSync();
});

function file(name: string): string {
  return path.join(work, name);
}

async function rowsOf(parquet: string): Promise<number> {
  const reader = await connection.runAndReadAll(`SELECT count(*) FROM read_parquet('${parquet}')`);
  return Number(reader.getRows()[0][0]);
}

async function manifestOf(out: string): Promise<SampleManifest> {
  const manifest = parseSampleManifest(
    JSON.parse(await readFile(out.replace(/\.parquet$/, '.manifest.json'), 'utf8')),
  );
  if (manifest === null) throw new Error(`the manifest of ${out} does not parse`);
  return manifest;
}

function sample(...args: string[]): Promise<QuarryRun> {
  return runQuarry(['sample', ...args], { cwd: work, timeoutMs: 60_000 });
}

/** Exit 2, one line on stderr matching `reason`, nothing on stdout. */
function expectRefused(result: QuarryRun, reason: RegExp): void {
  expect(result.timedOut).toBe(false);
  expect(result.stderr).toMatch(new RegExp(`^quarry: .*${reason.source}.*\\n$`));
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
}

describe('quarry sample', { timeout: 120_000 }, () => {
  it('pulls exactly N rows into Parquet with its manifest and a one-line summary', async () => {
    const out = file('exact.parquet');
    const result = await sample(
      '--from',
      'events.parquet',
      '--rows',
      '100',
      '--out',
      'exact.parquet',
    );
    expect(result.code, result.stderr).toBe(0);
    // Not a terminal: progress lines as they come, the last one saying it is done.
    const progress = result.stderr.split('\n').slice(0, -1);
    expect(progress.every((line) => line.startsWith('  sample  Sampling events.parquet  '))).toBe(
      true,
    );
    expect(progress.at(-1)).toMatch(/ {2}done$/);
    expect(result.stdout).toMatch(
      /^Sampled 100 of 5,000 rows into exact\.parquet \(sha256 [0-9a-f]{12}…\) in [\d.]+ m?s\n$/,
    );
    expect(await rowsOf(out)).toBe(100);
    const manifest = await manifestOf(out);
    expect(manifest).toMatchObject({
      file: 'exact.parquet',
      method: 'hash',
      seed: 42,
      rows: { requested: 100, actual: 100, source: EVENTS_ROWS },
    });
    expect(result.stdout).toContain(manifest.sha256.slice(0, 12));
  });

  it('gives the same content for the same seed with 1 and 2 threads, another for another seed', async () => {
    const hashes: string[] = [];
    for (const [threads, seed] of [
      ['1', '7'],
      ['2', '7'],
      ['2', '8'],
    ]) {
      const result = await sample(
        '--from',
        'events.csv',
        '--rows',
        '250',
        '--seed',
        seed,
        '--threads',
        threads,
        '--out',
        'seeded.parquet',
        '--force',
      );
      expect(result.code, result.stderr).toBe(0);
      hashes.push((await manifestOf(file('seeded.parquet'))).sha256);
    }
    expect(hashes[1]).toBe(hashes[0]);
    expect(hashes[2]).not.toBe(hashes[0]);
  });

  it('applies a fraction, a filter, a time window and a projection', async () => {
    const out = file('filtered.parquet');
    const result = await sample(
      '--from',
      'events.csv',
      '--fraction',
      '0.5',
      '--method',
      'hash',
      '--where',
      'amount >= 100',
      '--time-column',
      'ts',
      '--until',
      '2024-03-01',
      '--columns',
      'amount,id',
      '--out',
      out,
    );
    expect(result.code, result.stderr).toBe(0);
    const reader = await connection.runAndReadAll(
      `SELECT min(amount), max(id), count(*) FROM read_parquet('${out}')`,
    );
    const [minAmount, maxId, count] = reader.getRows()[0].map(Number);
    expect(minAmount).toBeGreaterThanOrEqual(100);
    // 2024-03-01 is 1440 hours after 2024-01-01.
    expect(maxId).toBeLessThan(1440);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(1440 - 200);
    expect((await manifestOf(out)).schema.map((c) => c.name)).toEqual(['amount', 'id']);
  });

  it('stratifies: N from each stratum with --per-stratum', async () => {
    const out = file('strata.parquet');
    const result = await sample(
      '--from',
      'events.parquet',
      '--stratify',
      'country',
      '--per-stratum',
      '5',
      '--out',
      out,
    );
    expect(result.code, result.stderr).toBe(0);
    const reader = await connection.runAndReadAll(
      `SELECT country, count(*) FROM read_parquet('${out}') GROUP BY 1 ORDER BY 1`,
    );
    expect(reader.getRows().map(([country, rows]) => [country, Number(rows)])).toEqual(
      Array.from({ length: 7 }, (_, i) => [`C${i}`, 5]),
    );
  });

  it('refuses a malformed CSV row naming the file and line, or skips and counts it', async () => {
    expectRefused(
      await sample('--from', 'bad.csv', '--rows', '10', '--out', 'bad.parquet'),
      /bad\.csv.*line 4/,
    );
    const skipped = await sample(
      '--from',
      'bad.csv',
      '--rows',
      '10',
      '--on-error',
      'skip',
      '--out',
      'skipped.parquet',
    );
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(skipped.stdout).toMatch(/^Sampled 3 .*; skipped 1 malformed row\n$/);
    expect((await manifestOf(file('skipped.parquet'))).rows.skipped).toBe(1);
  });

  it('refuses bad input in one line, exit 2, writing nothing', async () => {
    const before = await readdir(work);
    const out = ['--out', 'refused.parquet'];
    expectRefused(await sample('--from', 'missing.csv', '--rows', '5', ...out), /missing\.csv/);
    expectRefused(
      await sample('--from', 'events.csv', '--rows', '5', '--columns', 'id,nope', ...out),
      /nope/,
    );
    expectRefused(
      await sample('--from', 'events.csv', '--stratify', 'nope', '--rows', '5', ...out),
      /nope/,
    );
    expectRefused(await sample('--from', 'events.csv', '--fraction', '1.5', ...out), /--fraction/);
    expectRefused(await sample('--from', 'events.csv', '--rows', '0', ...out), /--rows/);
    expectRefused(await sample('--from', 'events.csv', ...out), /needs a size/);
    expectRefused(
      await sample('--from', 'events.csv', '--rows', '5', '--fraction', '0.1', ...out),
      /give one size/,
    );
    expectRefused(
      await sample('--from', 'events.csv', '--rows', '5', '--table', 't', ...out),
      /--table applies to PostgreSQL sources/,
    );
    expect(await readdir(work)).toEqual(before);
  });

  it('refuses a missing output folder or a manifest in the way, creating nothing', async () => {
    expectRefused(
      await sample('--from', 'events.csv', '--rows', '5', '--out', 'no/such/s.parquet'),
      /the output folder no\/such does not exist; create it first/,
    );
    expect(await readdir(work)).not.toContain('no');
    await writeFile(file('lone.manifest.json'), '{}');
    expectRefused(
      await sample('--from', 'events.csv', '--rows', '5', '--out', 'lone.parquet'),
      /lone\.manifest\.json exists; replace it with --force/,
    );
    expect(await readFile(file('lone.manifest.json'), 'utf8')).toBe('{}');
  });

  it('refuses an output that exists unless --force, and leaves it as it was', async () => {
    const out = file('exists.parquet');
    await writeFile(out, 'not parquet');
    expectRefused(await sample('--from', 'events.csv', '--rows', '5', '--out', out), /exists/);
    expect(await readFile(out, 'utf8')).toBe('not parquet');
    const forced = await sample('--from', 'events.csv', '--rows', '5', '--out', out, '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(await rowsOf(out)).toBe(5);
  });

  it('is a chunk of its own: the other commands start without native DuckDB or pg', async () => {
    const main = await readFile(path.join(repoRoot, 'dist', 'cli', 'quarry.js'), 'utf8');
    expect(main).not.toMatch(/from "(@duckdb\/node-api|pg)"/);
    expect(main).toMatch(/import\("\.\/chunks\/sample-[\w-]+\.js"\)/);
  });

  it('lists sample in quarry --help and explains itself with --help', async () => {
    expect((await runQuarry(['--help'])).stdout).toMatch(/^ {2}sample --from SOURCE/m);
    const help = await sample('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: quarry sample --from SOURCE/);
  });
});

describe('quarry sample and Ctrl+C', { timeout: 180_000 }, () => {
  it('cancels on SIGINT with exit 130, leaving nothing in the output folder', async () => {
    const big = file('big.csv');
    await connection.run(
      `COPY (SELECT i AS id, md5(i::VARCHAR) AS text FROM range(3000000) t(i)) TO '${big}' (FORMAT csv, HEADER)`,
    );
    const outDir = await mkdtemp(path.join(tmpdir(), 'quarry-sample-cancel-'));
    const child = spawn(
      process.execPath,
      [
        path.join(repoRoot, 'bin', 'quarry.js'),
        'sample',
        '--from',
        big,
        '--rows',
        '10',
        '--out',
        'c.parquet',
      ],
      { cwd: outDir },
    );
    let stderr = '';
    const ended = new Promise<number | null>((resolve) => child.on('close', resolve));
    // The first progress line says the pull is under way, with its Ctrl+C handler in place.
    await new Promise<void>((resolve) =>
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        resolve();
      }),
    );
    child.kill('SIGINT');
    expect(await ended).toBe(130);
    expect(stderr).toMatch(/cancelled; nothing written\n$/);
    expect(await readdir(outDir)).toEqual([]);
  });
});
