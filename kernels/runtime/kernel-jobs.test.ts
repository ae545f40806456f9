/**
 * Jobs and display handles in a real kernel: the `job` global's events reach the execution that
 * started the job (also after an await and from a timer), cancelling shows `Cancelled: title`,
 * stopping a Stop job gives the cell what the work returned, an interrupt cancels, and `display(value).update(next)` replaces that output in place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobEvent } from '../../core/jobs';
import type { DisplayDataOutput, Output } from '../../core/outputs';
import { startTestKernel, type TestKernel } from '../../test/kernel-harness';
import type { ExecuteReply } from './kernel';

let k: TestKernel;
let count = 0;

beforeAll(async () => {
  k = await startTestKernel();
});
afterAll(() => k.dispose());

type Recorded = {
  jobs: JobEvent[];
  outputs: Output[];
  updates: { displayId: string; output: DisplayDataOutput }[];
};

function execute(
  code: string,
  extra: { signal?: AbortSignal; cellId?: string } = {},
): { recorded: Recorded; reply: Promise<ExecuteReply> } {
  const recorded: Recorded = { jobs: [], outputs: [], updates: [] };
  const reply = k.kernel.execute(code, {
    executionCount: ++count,
    cellId: extra.cellId,
    signal: extra.signal,
    onOutput: (output) => recorded.outputs.push(output),
    onJob: (event) => recorded.jobs.push(event),
    onDisplayUpdate: (displayId, output) => recorded.updates.push({ displayId, output }),
  });
  return { recorded, reply };
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const text = (output: Output | undefined) =>
  output && 'data' in output ? String(output.data['text/plain']) : undefined;

describe('the job global', () => {
  it('runs a job: started, throttled progress, the last one, done; the cell gets its value', async () => {
    const { recorded, reply } = execute(
      [
        "const counted = await job('Counting', { total: 20, unit: 'steps' }, async (j) => {",
        '  for (let i = 1; i <= 20; i++) { await new Promise((r) => setTimeout(r, 10)); j.progress(i); }',
        '  return 20;',
        '});',
        'counted',
      ].join('\n'),
    );
    const done = await reply;
    expect(done.status).toBe('done');
    expect(text(done.outputs[0])).toBe('20');
    const kinds = recorded.jobs.map((e) => e.kind);
    expect(kinds[0]).toBe('started');
    expect(kinds.at(-1)).toBe('finished');
    const progress = recorded.jobs.flatMap((e) => (e.kind === 'progress' ? [e.progress] : []));
    // 20 reports over ~200 ms+: throttled to ~10 a second, the last one always sent.
    expect(progress.length).toBeLessThan(8);
    expect(progress.at(-1)).toEqual({ done: 20, total: 20, unit: 'steps', message: null });
    expect(recorded.jobs[0]).toMatchObject({ title: 'Counting', progress: { done: 0, total: 20 } });
  });

  it('attributes a job started after an await, and one started in a timer after the cell ended', async () => {
    const first = execute(
      [
        'await new Promise((r) => setTimeout(r, 5));',
        "await job('After await', {}, async () => 1);",
        "setTimeout(() => { void job('In a timer', {}, async () => 2); }, 30);",
      ].join('\n'),
    );
    await first.reply;
    const second = execute('await new Promise((r) => setTimeout(r, 80));');
    await second.reply;
    const titles = (events: JobEvent[]) =>
      events.flatMap((e) => (e.kind === 'started' ? [e.title] : []));
    expect(titles(first.recorded.jobs)).toEqual(['After await', 'In a timer']);
    expect(second.recorded.jobs).toEqual([]);
  });

  it('cancelJob ends the job as cancelled and the cell with `Cancelled: title`', async () => {
    const { recorded, reply } = execute(
      "await job('Scoring files', { total: 100, unit: 'files' }, (j) => new Promise(() => {}));",
    );
    await settle(20);
    const started = recorded.jobs[0];
    expect(started?.kind).toBe('started');
    expect(k.kernel.cancelJob(started.jobId)).toBe(true);
    const ended = await reply;
    expect(ended.status).toBe('error');
    expect(ended.outputs.at(-1)).toEqual({
      output_type: 'error',
      ename: 'Cancelled',
      evalue: 'Scoring files',
      traceback: ['Cancelled: Scoring files'],
    });
    expect(recorded.jobs.at(-1)).toEqual({
      kind: 'finished',
      jobId: started.jobId,
      outcome: { kind: 'cancelled' },
    });
  });

  it('a cell that catches the cancellation goes on; the job’s signal is aborted', async () => {
    const { recorded, reply } = execute(
      [
        'let aborted = false;',
        "try { await job('Sampling', {}, (j) => new Promise((_, reject) => j.signal.addEventListener('abort', () => { aborted = true; }))); }",
        "catch (e) { console.log('caught', e.name, aborted) }",
      ].join('\n'),
    );
    await settle(20);
    k.kernel.cancelJob(recorded.jobs[0].jobId);
    const ended = await reply;
    expect(ended.status).toBe('done');
    expect(ended.outputs).toEqual([
      { output_type: 'stream', name: 'stdout', text: 'caught Cancelled true\n' },
    ]);
  });

  it('stopJob on a Stop job: the work winds down and the cell gets what it returned', async () => {
    const { recorded, reply } = execute(
      [
        "const best = await job('Training', { total: 1000, unit: 'epochs', action: 'stop' }, async (j) => {",
        '  let epoch = 0;',
        '  while (!j.signal.aborted) { await new Promise((r) => setTimeout(r, 2)); j.progress(++epoch); }',
        "  return 'best weights';",
        '});',
        'best',
      ].join('\n'),
    );
    await settle(30);
    const started = recorded.jobs[0];
    expect(started).toMatchObject({ kind: 'started', action: 'stop' });
    expect(k.kernel.cancelJob(started.jobId)).toBe(true);
    const ended = await reply;
    expect(ended.status).toBe('done');
    expect(text(ended.outputs[0])).toBe("'best weights'");
    expect(recorded.jobs.at(-1)).toEqual({
      kind: 'finished',
      jobId: started.jobId,
      outcome: { kind: 'stopped' },
    });
  });

  it('an interrupt cancels the running jobs', async () => {
    const controller = new AbortController();
    const { recorded, reply } = execute("await job('Training', {}, () => new Promise(() => {}));", {
      signal: controller.signal,
    });
    await settle(20);
    controller.abort();
    expect((await reply).interrupted).toBe(true);
    expect(recorded.jobs.at(-1)).toMatchObject({
      kind: 'finished',
      outcome: { kind: 'cancelled' },
    });
  });
});

describe('display handles', () => {
  it('display() returns a handle whose update replaces that output in place', async () => {
    const { recorded, reply } = execute(
      [
        "const h = display('step 0');",
        "display('other');",
        'for (let i = 1; i <= 3; i++) h.update(`step ${i}`);',
        'h.id',
      ].join('\n'),
      { cellId: 'chart-cell' },
    );
    const ended = await reply;
    const [shown, other, result] = ended.outputs;
    expect(text(shown)).toBe('step 3');
    expect(text(other)).toBe('other');
    const id = (shown as DisplayDataOutput).transient?.display_id;
    expect(text(result)).toBe(`'${id}'`);
    expect(recorded.updates.map((u) => [u.displayId, text(u.output)])).toEqual([
      [id, 'step 1'],
      [id, 'step 2'],
      [id, 'step 3'],
    ]);
  });

  it('a cell ending in display(x) shows x once, not its handle', async () => {
    const { reply } = execute("display('only this')");
    const ended = await reply;
    expect(ended.outputs.map((o) => [o.output_type, text(o)])).toEqual([
      ['display_data', 'only this'],
    ]);
  });

  it('an update from a later cell goes to the execution that showed it; none once it reran', async () => {
    const first = execute("const later = display('v1');", { cellId: 'shown-in' });
    await first.reply;
    const second = execute("later.update('v2')", { cellId: 'elsewhere' });
    await second.reply;
    expect(second.recorded.updates).toEqual([]);
    expect(first.recorded.updates.map((u) => text(u.output))).toEqual(['v2']);
    expect(text((await first.reply).outputs[0])).toBe('v2');
    // The cell that showed it runs again: its old display is gone, an update does nothing.
    const rerun = execute('1', { cellId: 'shown-in' });
    await rerun.reply;
    await execute("later.update('v3')").reply;
    expect(first.recorded.updates).toHaveLength(1);
  });
});
