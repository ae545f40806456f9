// @vitest-environment happy-dom
/**
 * The session hook against the fake kernel client: Run and Save take the editor's live text even
 * when React state is a keystroke behind (issue "Run exactly what the editor shows", problem 1).
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HostClient, HostRequests, HostResponses } from '../../core/host-contract';
import { createLiveSources } from '../editor/live-sources';
import { createFakeKernelClient, type FakeKernelOptions } from '../kernel/fake-kernel-client';
import { codeNotebookJson } from '../../test/notebook-json';
import { useNotebookSession } from './use-notebook-session';

function fakeHost(text: string) {
  const saved: string[] = [];
  const host: HostClient = {
    call: async <K extends keyof HostRequests>(operation: K, request: HostRequests[K]) => {
      const answers: { [Op in keyof HostResponses]?: () => HostResponses[Op] } = {
        'workspace.info': () => ({ root: '/w', notebook: 'nb.ipynb' }),
        'notebook.open': () => ({ path: 'nb.ipynb', text, mtimeMs: 1, recovery: null }),
        'notebook.save': () => {
          saved.push((request as HostRequests['notebook.save']).text);
          return { kind: 'saved', mtimeMs: 2 };
        },
        'recovery.write': () => ({ savedAtMs: 3 }),
      };
      const answer = answers[operation];
      if (!answer) throw new Error(`unexpected ${operation}`);
      return answer() as HostResponses[K];
    },
  };
  return { host, saved };
}

async function openSession(options: FakeKernelOptions = {}) {
  const { host, saved } = fakeHost(codeNotebookJson(['const x = 40', '1 + 1']));
  const kernel = createFakeKernelClient(options);
  const live = createLiveSources();
  const hook = renderHook(() => useNotebookSession(host, kernel, live));
  await waitFor(() => expect(hook.result.current.state.notebook.cells).toHaveLength(2));
  return { hook, kernel, live, saved };
}

describe('useNotebookSession', () => {
  it('runs the live editor text, not the state copy a render has not caught up with', async () => {
    const { hook, kernel, live } = await openSession();
    const [first] = hook.result.current.state.notebook.cells;
    // The editor already shows the new text; the edit-source dispatch has not been rendered.
    live.attach(first.id, () => 'const x = 41');
    act(() => hook.result.current.commands.run([first.id]));
    expect(kernel.calls.execute.map((r) => r.code)).toEqual(['const x = 41']);
    await waitFor(() =>
      expect(hook.result.current.state.notebook.cells[0].source).toBe('const x = 41'),
    );
  });

  it('saves the live editor text', async () => {
    const { hook, live, saved } = await openSession();
    const [, second] = hook.result.current.state.notebook.cells;
    live.attach(second.id, () => '2 + 2 // typed just now');
    await act(() => hook.result.current.commands.save());
    expect(saved).toHaveLength(1);
    expect(saved[0]).toContain('2 + 2 // typed just now');
  });

  it('saves cells run out of order, saying so, and records a clean run after Restart and run all', async () => {
    const { hook, kernel, saved } = await openSession({
      evaluate: () => ({ status: 'done', outputs: [] }),
    });
    const [first, second] = hook.result.current.state.notebook.cells;
    const lastRun = (text: string): unknown => JSON.parse(text).metadata.quarry.last_run;
    act(() => hook.result.current.commands.run([second.id]));
    await act(() => kernel.idle());
    act(() => hook.result.current.commands.run([first.id]));
    await act(() => kernel.idle());
    await act(() => hook.result.current.commands.save());
    expect(saved).toHaveLength(1);
    expect(lastRun(saved[0])).toMatchObject({ clean: false, runner: 'app', status: 'done' });
    expect(hook.result.current.state.notice).toEqual({
      kind: 'warning',
      text: expect.stringContaining('cell 2 ran before cell 1'),
    });
    await act(() => hook.result.current.commands.restartAndRunAll());
    await act(() => kernel.idle());
    expect(kernel.calls.restart).toBe(1);
    expect(kernel.calls.execute.slice(2).map((r) => r.cellId)).toEqual([first.id, second.id]);
    await act(() => hook.result.current.commands.save());
    expect(lastRun(saved[1])).toMatchObject({ clean: true, runner: 'app' });
    expect(hook.result.current.state.notice).toBeNull();
  });

  it('routes outputs by execution: a superseded run never writes into the newer one', async () => {
    const { hook, kernel } = await openSession();
    const [, second] = hook.result.current.state.notebook.cells;
    act(() => hook.result.current.commands.run([second.id]));
    await act(() => kernel.idle());
    const firstRun = kernel.calls.execute[0].requestId;
    act(() => hook.result.current.commands.run([second.id]));
    await act(() => kernel.idle());
    act(() =>
      kernel.emit({
        type: 'output',
        requestId: firstRun,
        cellId: second.id,
        output: { output_type: 'stream', name: 'stdout', text: 'late\n' },
      }),
    );
    const cell = hook.result.current.state.notebook.cells[1];
    expect(JSON.stringify(cell.cell_type === 'code' && cell.outputs)).not.toContain('late');
    expect(cell.cell_type === 'code' && cell.executionCount).toBe(2);
  });

  it('shows a job while it runs, cancels it through the kernel, and forgets it when it ends', async () => {
    const { hook, kernel } = await openSession({ hold: true });
    const [, second] = hook.result.current.state.notebook.cells;
    act(() => hook.result.current.commands.run([second.id]));
    await waitFor(() => expect(kernel.calls.execute).toHaveLength(1));
    const ids = { requestId: kernel.calls.execute[0].requestId, cellId: second.id };
    const progress = { done: 0, total: 20, unit: 'steps', message: null };
    act(() =>
      kernel.emit({
        type: 'job',
        ...ids,
        job: { kind: 'started', jobId: 'j1', title: 'Counting', action: 'cancel', progress },
      }),
    );
    act(() =>
      kernel.emit({
        type: 'job',
        ...ids,
        job: { kind: 'progress', jobId: 'j1', progress: { ...progress, done: 5 } },
      }),
    );
    const jobs = () => hook.result.current.state.runtime[second.id].jobs;
    expect(jobs()).toMatchObject([{ jobId: 'j1', title: 'Counting', progress: { done: 5 } }]);
    act(() => hook.result.current.commands.cancelJob('j1'));
    expect(kernel.calls.cancelJob).toEqual(['j1']);
    act(() =>
      kernel.emit({
        type: 'job',
        ...ids,
        job: { kind: 'finished', jobId: 'j1', outcome: { kind: 'cancelled' } },
      }),
    );
    expect(jobs()).toEqual([]);
    // A kernel that went away takes its jobs with it, with no event to say so.
    act(() =>
      kernel.emit({
        type: 'job',
        ...ids,
        job: { kind: 'started', jobId: 'j2', title: 'Again', action: 'cancel', progress },
      }),
    );
    act(() => kernel.emit({ type: 'restarted', reason: 'interrupt', message: 'gone' }));
    expect(jobs()).toEqual([]);
  });

  it('applies a display’s updates once a frame, the last one, and saves it without its id', async () => {
    const { hook, kernel, saved } = await openSession({ hold: true });
    const [, second] = hook.result.current.state.notebook.cells;
    act(() => hook.result.current.commands.run([second.id]));
    await waitFor(() => expect(kernel.calls.execute).toHaveLength(1));
    const ids = { requestId: kernel.calls.execute[0].requestId, cellId: second.id };
    const shown = (text: string) => ({
      output_type: 'display_data' as const,
      data: { 'text/plain': text },
      metadata: {},
      transient: { display_id: 'd1' },
    });
    act(() => kernel.emit({ type: 'output', ...ids, output: shown('v0') }));
    act(() => {
      for (let i = 1; i <= 20; i++)
        kernel.emit({ type: 'display-update', ...ids, displayId: 'd1', output: shown(`v${i}`) });
    });
    // In flight the run's outputs are runtime state; they enter the document when it ends.
    const inFlight = () => hook.result.current.state.runtime[second.id].inFlight?.outputs;
    await waitFor(() => expect(inFlight()).toEqual([shown('v20')]));
    act(() => kernel.release());
    const outputs = () => {
      const cell = hook.result.current.state.notebook.cells[1];
      return cell.cell_type === 'code' ? cell.outputs : [];
    };
    // (the fake kernel adds the cell's own result after the display)
    await waitFor(() => expect(outputs()[0]).toEqual(shown('v20')));
    await act(() => hook.result.current.commands.save());
    expect(saved[0]).toContain('"v20"');
    expect(saved[0]).not.toContain('display_id');
  });

  it('a kernel that died is `stopped` until restarted; the notebook is untouched', async () => {
    const { hook, kernel } = await openSession();
    await waitFor(() => expect(hook.result.current.state.kernel.status).toBe('idle'));
    const before = hook.result.current.state.notebook;
    act(() => kernel.emit({ type: 'stopped', message: 'The kernel stopped unexpectedly.' }));
    expect(hook.result.current.state.kernel.status).toBe('stopped');
    expect(hook.result.current.state.notebook).toBe(before);
    await act(() => hook.result.current.commands.restart());
    expect(kernel.calls.restart).toBe(1);
    expect(hook.result.current.state.kernel.status).toBe('idle');
  });
});
