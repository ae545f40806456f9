import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VariableInfo } from '../../core/protocol';
import { startTestKernel, type TestKernel } from '../../test/kernel-harness';

let k: TestKernel;
beforeAll(async () => {
  k = await startTestKernel();
});
afterAll(() => k.dispose());

const byName = (name: string): VariableInfo | undefined =>
  k.kernel.variables().find((v) => v.name === name);

describe('the kernel’s variables', () => {
  it('lists only what cells declared, by name, not the kernel’s globals', async () => {
    await k.run('const n = 42\nlet s = "hello"\nfunction f(x: number) { return x }\nclass C {}');
    const names = k.kernel.variables().map((v) => v.name);
    expect(names).toEqual(['C', 'f', 'n', 's']);
    expect(byName('n')).toEqual({
      name: 'n',
      type: 'number',
      shape: null,
      size: { bytes: 8, exact: false },
      preview: '42',
    });
    expect(byName('s')).toMatchObject({ type: 'string', preview: "'hello'" });
    expect(byName('f')).toMatchObject({ type: 'function', size: null, preview: null });
    expect(byName('C')?.type).toBe('class');
  });

  it('describes query results, Arrow tables, frames, tensors and arrays by shape and size', async () => {
    await k.run('%%sql result\nselect range as i, range * 0.5 as x from range(1000)');
    await k.run(
      [
        'const table = result.toArrow()',
        'const frame = result.toDataFrame()',
        'const series = frame["x"]',
        'const tensor = tf.zeros([3, 4])',
        'const floats = new Float32Array(10)',
        'const list = [1, 2, 3]',
        'const when = new Date(0)',
        'const nothing = null',
        'const long = "x".repeat(500)',
      ].join('\n'),
    );
    expect(byName('result')).toMatchObject({ type: 'QuarrySqlResult', shape: [1000, 2] });
    // Two DOUBLE columns of 1000 rows: 16,000 bytes of values.
    expect(byName('result')?.size).toEqual({ bytes: 16_000, exact: true });
    expect(byName('table')).toMatchObject({
      type: 'Arrow Table',
      shape: [1000, 2],
      size: { bytes: 16_000, exact: true },
    });
    expect(byName('frame')).toMatchObject({ type: 'DataFrame', shape: [1000, 2] });
    expect(byName('frame')?.size?.exact).toBe(false);
    expect(byName('series')).toMatchObject({ type: 'Series', shape: [1000] });
    expect(byName('tensor')).toEqual({
      name: 'tensor',
      type: 'Tensor',
      shape: [3, 4],
      size: { bytes: 48, exact: true },
      preview: 'float32',
    });
    expect(byName('floats')).toMatchObject({
      type: 'Float32Array',
      shape: [10],
      size: { bytes: 40, exact: true },
    });
    expect(byName('list')).toMatchObject({ type: 'Array', shape: [3], preview: null });
    expect(byName('when')).toMatchObject({ type: 'Date', preview: '1970-01-01T00:00:00.000Z' });
    expect(byName('nothing')).toMatchObject({ type: 'null', size: null, preview: 'null' });
    expect(byName('long')?.preview?.length).toBeLessThanOrEqual(64);
  });

  it('answers while a cell is waiting, with what that cell declared so far', async () => {
    let release = () => {};
    const waiting = new Promise<void>((resolve) => (release = resolve));
    (globalThis as { releaseCell?: () => Promise<void> }).releaseCell = () => waiting;
    const running = k.run('const before = 1\nawait globalThis.releaseCell()\nconst after = 2');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(byName('before')?.preview).toBe('1');
    expect(byName('after')?.preview).toBe('undefined');
    release();
    await running;
    expect(byName('after')?.preview).toBe('2');
  });
});
