/**
 * The seeds a cell run reports (`ExecuteReply.seeds`, the `done` event's `seeds`): SQL seeds
 * named after the cell, and the manifest seeds of the samples it read, in a real kernel.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedUse } from '../../core/notebook/run-record';
import { SAMPLES_FOLDER } from '../../core/sample/preview';
import { startTestKernel, type TestKernel } from '../../test/kernel-harness';
import { writePulledSample } from '../../test/support/pulled-samples';

let k: TestKernel;

beforeAll(async () => {
  k = await startTestKernel();
  await writePulledSample(k.notebookDir, 'orders', 'select range::INT as id from range(20)', {
    seed: 7,
  });
});

afterAll(() => k.dispose());

async function seedsOf(code: string, cellId = 'cell-a'): Promise<SeedUse[]> {
  const reply = await k.run(code, undefined, cellId);
  expect(reply.status, JSON.stringify(reply.outputs)).toBe('done');
  return reply.seeds;
}

const sql = (seed: number): SeedUse => ({ use: 'sql', name: 'cell-a', seed, cell: null });
const sample = (name: string, seed: number): SeedUse => ({ use: 'sample', name, seed, cell: null });

describe('the seeds of a cell run', () => {
  it("are the SQL seeds of a %%sql cell's statements, named after the cell", async () => {
    await k.run('%%sql\ncreate or replace table t as select range as x from range(100)');
    expect(
      await seedsOf(
        '%%sql\nselect setseed(0.5);\n' +
          'select count(*) from t using sample 10% (bernoulli, 3);\n' +
          'select count(*) from t tablesample reservoir(5 rows) repeatable (4)',
      ),
    ).toEqual([sql(0.5), sql(3), sql(4)]);
  });

  it('are those of the sql template too, with a bound seed, each seed once', async () => {
    expect(
      await seedsOf(
        'const s = 0.25\nawait sql`select setseed(${s})`\nawait sql`select setseed(${s})`\n' +
          'await sql`select count(*) from t using sample reservoir(10 rows) repeatable (9)`',
      ),
    ).toEqual([sql(0.25), sql(9)]);
  });

  it('are none for SQL that only spells a seed in a string or a comment, or sets none', async () => {
    expect(
      await seedsOf(
        "%%sql\n-- using sample 1% (bernoulli, 1)\nselect 'setseed(0.1)' as s, count(*) from t using sample 10%",
      ),
    ).toEqual([]);
    expect(await seedsOf('1 + 1')).toEqual([]);
  });

  it("are a sample's manifest seed, when SQL or sample() reads the sample", async () => {
    expect(await seedsOf('%%sql\nselect count(*) from orders')).toEqual([sample('orders', 7)]);
    expect(await seedsOf('(await sample("orders")).toRows().length')).toEqual([
      sample('orders', 7),
    ]);
    expect(
      await seedsOf(
        '%%sql\nselect count(*) from orders using sample reservoir(5 rows) repeatable (11)',
      ),
    ).toEqual([sql(11), sample('orders', 7)]);
    // Naming the sample in a string reads nothing.
    expect(await seedsOf("%%sql\nselect 'orders' as s")).toEqual([]);
  });

  it("follow the sample's file: pulled again with another seed, the new seed", async () => {
    await writePulledSample(k.notebookDir, 'orders', 'select range::INT as id from range(30)', {
      seed: 8,
    });
    expect(await seedsOf('%%sql\nselect count(*) from orders')).toEqual([sample('orders', 8)]);
  });

  it('leave out a sample whose manifest is missing: there is no seed to record', async () => {
    await writePulledSample(k.notebookDir, 'bare', 'select 1 as one');
    rmSync(path.join(k.notebookDir, SAMPLES_FOLDER, 'bare.manifest.json'));
    expect(await seedsOf('%%sql\nselect * from bare')).toEqual([]);
  });

  it('name SQL seeds after the run when the cell has no id', async () => {
    const reply = await k.run('%%sql\nselect setseed(0.5)');
    expect(reply.seeds).toEqual([
      { use: 'sql', name: expect.stringMatching(/^run \d+$/), seed: 0.5, cell: null },
    ]);
  });
});
