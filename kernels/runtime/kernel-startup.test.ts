/**
 * Start-up (docs/kernel.md, "Start-up"): the kernel is ready before its database, compiler and
 * libraries are; each cell waits for what its code names, and one whose need failed to start
 * fails with the reason instead of hanging.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { KernelInfo } from '../../core/protocol';
import type { KernelPlatform } from '../platform';
import {
  errorOutput,
  executeResult,
  plainText,
  startTestKernel,
  type TestKernel,
} from '../../test/kernel-harness';

let open: TestKernel | null = null;
afterEach(() => {
  open?.dispose();
  open = null;
});

async function kernelOn(
  platform: (node: KernelPlatform) => KernelPlatform,
  onInfo?: (info: KernelInfo) => void,
): Promise<TestKernel> {
  open = await startTestKernel({ platform, onInfo });
  return open;
}

const resultText = (reply: Awaited<ReturnType<TestKernel['run']>>) => {
  const result = executeResult(reply);
  return result ? plainText(result.data) : undefined;
};

describe('kernel start-up', () => {
  it('is ready and runs TypeScript before its database has opened', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const test = await kernelOn((node) => ({
      ...node,
      openDatabase: async () => {
        await gate;
        return node.openDatabase();
      },
    }));
    expect(test.kernel.info).toEqual({ sqlEngine: null, tfBackend: null });
    expect(resultText(await test.run('1 + 1'))).toBe('2');
    // A SQL cell waits for the database, then runs.
    const sql = test.run('%%sql\nselect 42 as answer');
    release();
    expect((await sql).status).toBe('done');
    expect(test.kernel.info.sqlEngine).toMatch(/^duckdb-wasm /);
  });

  it('fails SQL clearly when DuckDB-WASM cannot start, and TypeScript still runs', async () => {
    const test = await kernelOn((node) => ({
      ...node,
      openDatabase: () => Promise.reject(new Error('out of wasm memory')),
    }));
    const sql = await test.run('%%sql\nselect 1');
    expect(sql.status).toBe('error');
    expect(errorOutput(sql)).toMatchObject({
      ename: 'DatabaseStartError',
      evalue: 'DuckDB-WASM could not start: out of wasm memory. Restart the kernel to try again.',
    });
    const template = await test.run('await sql`select 1`');
    expect(errorOutput(template).ename).toBe('DatabaseStartError');
    expect(resultText(await test.run('1 + 1'))).toBe('2');
  });

  it('loads danfo.js and TF.js only for a cell that names them, and says which backend', async () => {
    const loads: string[] = [];
    const infos: KernelInfo[] = [];
    const test = await kernelOn(
      (node) => ({
        ...node,
        loadTf: () => (loads.push('tf'), node.loadTf()),
        loadDanfo: () => (loads.push('dfd'), node.loadDanfo()),
      }),
      (info) => infos.push(info),
    );
    expect(resultText(await test.run('const x = 3; x * 2'))).toBe('6');
    expect(loads).toEqual([]);
    expect(resultText(await test.run('tf.scalar(2).add(1).dataSync()[0]'))).toBe('3');
    expect(loads).toEqual(['tf']);
    expect(test.kernel.info.tfBackend).toBe('wasm');
    expect(infos.at(-1)?.tfBackend).toBe('wasm');
    // `toDataFrame()` makes a danfo frame without naming `dfd`.
    const frame = await test.run('(await sql`select 1 as a`).toDataFrame().shape');
    expect(resultText(frame)).toBe('[ 1, 1 ]');
    expect(loads).toContain('dfd');
  });

  it('fails the cell that needs a library that cannot load, then tries again', async () => {
    let fail = true;
    const test = await kernelOn((node) => ({
      ...node,
      loadDanfo: () => (fail ? Promise.reject(new Error('network down')) : node.loadDanfo()),
    }));
    const failed = await test.run('new dfd.DataFrame({ a: [1] }).shape');
    expect(errorOutput(failed)).toMatchObject({
      ename: 'LibraryLoadError',
      evalue: 'danfo.js could not be loaded: network down',
    });
    fail = false;
    expect(resultText(await test.run('new dfd.DataFrame({ a: [1] }).shape'))).toBe('[ 1, 1 ]');
  });

  it('says what to do when code reaches a library its text does not name', async () => {
    const test = await kernelOn((node) => node);
    const reply = await test.run(
      "const name = 'toData' + 'Frame';\n(await sql`select 1 as a`)[name]()",
    );
    expect(errorOutput(reply)).toMatchObject({ ename: 'LibraryNotLoadedError' });
    expect(errorOutput(reply).evalue).toContain('Name one of these in this cell');
  });

  it('lets a cell declare its own `tf`', async () => {
    const test = await kernelOn((node) => node);
    await test.run('const tf = 5');
    expect(resultText(await test.run('tf + 1'))).toBe('6');
  });
});
