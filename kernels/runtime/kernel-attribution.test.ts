/**
 * Which execution an output belongs to (execution-context.ts): each run below records what
 * reaches its own `onOutput`, which the worker tags with that run's request and cell ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../core/outputs';
import { startTestKernel, type TestKernel } from '../../test/kernel-harness';

let k: TestKernel;
/** The cell that defines the helpers; its own run must never receive the others' outputs. */
let helperRun: string[];

beforeAll(async () => {
  k = await startTestKernel();
  helperRun = [];
  await k.run(
    [
      'function note(text) { console.log(text) }',
      'function later(text) { setTimeout(() => note(text), 5) }',
    ].join('\n'),
    (output) => helperRun.push(shown(output)),
  );
});
afterAll(() => {
  expect(helperRun).toEqual([]);
  k.dispose();
});

/** One line per output: the text of a stream or of a bundle's `text/plain`. */
function shown(output: Output): string {
  switch (output.output_type) {
    case 'stream':
      return output.text.trimEnd();
    case 'display_data':
    case 'execute_result':
      return `${output.output_type}: ${String(output.data['text/plain'])}`;
    case 'error':
      return `error: ${output.evalue}`;
    default:
      return output satisfies never;
  }
}

async function run(code: string): Promise<string[]> {
  const outputs: string[] = [];
  await k.run(code, (output) => outputs.push(shown(output)));
  return outputs;
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('output attribution', () => {
  it('a helper defined in an earlier cell writes to the cell that calls it', async () => {
    expect(await run("note('from b')\ndisplay(42)")).toEqual(['from b', 'display_data: 42']);
  });

  it('a late timer of run 1 (cell A) writes to run 1 while run 2 (cell B) is running', async () => {
    // A's timer waits until B is running, then writes and lets B finish: no race on timing.
    const runA = await run(
      [
        'const poll = setInterval(() => {',
        '  if (!globalThis.releaseB) return',
        '  clearInterval(poll)',
        "  console.log('late direct')",
        "  note('late helper')",
        "  display('late shown')",
        '  globalThis.releaseB()',
        '}, 5)',
        '1',
      ].join('\n'),
    );
    expect(runA).toEqual(['execute_result: 1']);
    const runB = await run(
      "await new Promise((resolve) => { globalThis.releaseB = resolve })\nnote('b')",
    );
    expect(runB).toEqual(['b']);
    expect(runA).toEqual([
      'execute_result: 1',
      'late direct',
      'late helper',
      'display_data: late shown',
    ]);
  });

  it('an interval keeps its run until it is cleared, from any cell', async () => {
    const runA = await run(
      'let ticks = 0\nconst ticker = setInterval(() => note(`tick ${++ticks}`), 5);',
    );
    const runB = await run(
      [
        'await new Promise((resolve) => {',
        '  const wait = setInterval(() => ticks >= 3 && (clearInterval(wait), resolve()), 5)',
        '})',
        'clearInterval(ticker)',
        'note(`cleared after ${ticks}`)',
      ].join('\n'),
    );
    await settle(50);
    const ticks = Number(await k.text('ticks'));
    expect(ticks).toBeGreaterThanOrEqual(3);
    expect(runA).toEqual(Array.from({ length: ticks }, (_, i) => `tick ${i + 1}`));
    expect(runB).toEqual([`cleared after ${ticks}`]);
  });

  it('timers set by a run’s callbacks keep that run', async () => {
    const runA = await run(
      [
        'setTimeout(() => queueMicrotask(() => {',
        '  const poll = setInterval(() => {',
        '    if (!globalThis.releaseNested) return',
        '    clearInterval(poll)',
        "    note('nested')",
        '    globalThis.releaseNested()',
        '  }, 5)',
        '}), 5);',
      ].join('\n'),
    );
    const runB = await run(
      'await new Promise((resolve) => { globalThis.releaseNested = resolve })',
    );
    expect(runA).toEqual(['nested']);
    expect(runB).toEqual([]);
  });

  it('a timer a helper sets belongs to the run that called the helper', async () => {
    const runC = await run("later('c, later');");
    await settle(50);
    expect(runC).toEqual(['c, later']);
  });

  it('what a late timer throws is an error output of the cell that set it, in its own lines', async () => {
    const errors: Output[] = [];
    await k.run("let ok = 1\nsetTimeout(() => { throw new Error('late') }, 5)", (output) => {
      if (output.output_type === 'error') errors.push(output);
    });
    await settle(50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ ename: 'Error', evalue: 'late' });
    const traceback = errors[0].output_type === 'error' ? errors[0].traceback.join('\n') : '';
    expect(traceback).toMatch(new RegExp(`In\\[${k.executionCount}\\]:2:`));
    expect(await run('ok + 1')).toEqual(['execute_result: 2']);
  });

  it('an uncaught error reported after its cell ended belongs to the cell that ran last', async () => {
    const outputs = await run('"first"');
    expect(k.kernel.reportUncaught(new Error('nobody waited'))).toBe(true);
    expect(outputs).toEqual(["execute_result: 'first'", 'error: nobody waited']);
  });
});
