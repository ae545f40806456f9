import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSampleData } from './generate-data';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quarry-sample-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ensureSampleData', () => {
  it('writes the CSV when missing, leaves it alone when current, rewrites it when changed', async () => {
    const first = await ensureSampleData(dir);
    expect(first.written).toBe(true);
    expect(first.rows).toBe(100_000);
    expect(first.path).toBe(join(dir, 'customers.csv'));
    const bytes = await readFile(first.path);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(first.sha256);

    const second = await ensureSampleData(dir);
    expect(second).toEqual({ ...first, written: false });

    await writeFile(first.path, 'customer_id\nC000001\n');
    const third = await ensureSampleData(dir);
    expect(third.written).toBe(true);
    expect(
      createHash('sha256')
        .update(await readFile(first.path))
        .digest('hex'),
    ).toBe(first.sha256);
  });

  it('defaults to samples/data/customers.csv', async () => {
    const data = await ensureSampleData();
    expect(data.path.replace(/\\/g, '/')).toMatch(/samples\/data\/customers\.csv$/);
  });
});
