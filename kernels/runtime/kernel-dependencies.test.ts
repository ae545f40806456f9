import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type TestKernel } from '../../test/kernel-harness';

let k: TestKernel;
beforeAll(async () => {
  k = await startTestKernel();
});
afterAll(() => k.dispose());

describe("each run's dependencies", () => {
  it('come with the reply of a TypeScript cell and of a SQL cell, also when the cell fails', async () => {
    expect((await k.run('const a = 1\nconst b = a + 1')).dependencies).toEqual({
      defines: ['a', 'b'],
      reads: [],
    });
    expect(
      (await k.run('%%sql byPlan\ncreate table Plans as select 1 as n;\nfrom plans')).dependencies,
    ).toEqual({ defines: ['plans', 'byPlan'], reads: ['plans'] });
    const failed = await k.run('missing + b');
    expect(failed.status).toBe('error');
    expect(failed.dependencies).toEqual({ defines: [], reads: ['missing', 'b'] });
  });
});
