import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HostQueryReply, HostQueryRequest } from '../../core/query/host-query';
import { FakeUtilityProcess, resetElectronFakes, utilityProcess } from '../test/electron-mock';
import { QUERY_PROCESS_NAME, QueryProcess } from './query-process';

vi.mock('electron', () => import('../test/electron-mock'));

afterEach(() => resetElectronFakes());

const workspace = { notebookDir: '/w/nb', allowedDirectories: ['/w'] };
const ipc = new Uint8Array([9, 8, 7]);
const copy: HostQueryRequest = {
  kind: 'copy',
  queryId: 'q1',
  sql: "COPY (SELECT 1) TO 'x.parquet'",
  source: { start: 6, end: 14 },
  ipc,
};

function started(logs: string[] = []) {
  const queries = new QueryProcess({
    entry: '/app/query-process.cjs',
    workspace,
    log: (message) => logs.push(message),
  });
  return { queries, child: () => FakeUtilityProcess.forked.at(-1)! };
}

describe('QueryProcess', () => {
  it('forks the utility process at the first query, starts it, forwards runs and cancels', async () => {
    const { queries, child } = started();
    expect(utilityProcess.fork).not.toHaveBeenCalled();
    const running = queries.run(copy);
    queries.cancel('q1');
    expect(utilityProcess.fork).toHaveBeenCalledWith('/app/query-process.cjs', [], {
      serviceName: QUERY_PROCESS_NAME,
      stdio: 'inherit',
    });
    expect(child().sent).toEqual([
      { type: 'start', ...workspace },
      { type: 'run', id: 1, request: copy },
      { type: 'cancel', queryId: 'q1' },
    ]);
    const reply: HostQueryReply = {
      ok: true,
      result: { ipc, rows: 3, engine: 'native DuckDB', durationMs: 2, pushdown: null },
    };
    child().answer({ type: 'reply', id: 1, reply });
    await expect(running).resolves.toEqual(reply);
    expect(FakeUtilityProcess.forked).toHaveLength(1);
  });

  it('a crash answers the queries in flight and the next query forks a fresh process', async () => {
    const logs: string[] = [];
    const { queries, child } = started(logs);
    const first = queries.run(copy);
    const crashed = child();
    crashed.emit('exit', 134);
    await expect(first).resolves.toEqual({
      ok: false,
      failure: {
        kind: 'sql',
        errorType: 'IO',
        message: 'The query process stopped unexpectedly (exit code 134); run the cell again.',
        position: null,
      },
    });
    expect(logs).toEqual(['quarry: the query process stopped (exit code 134)']);
    const second = queries.run({ ...copy, queryId: 'q2' });
    expect(child()).not.toBe(crashed);
    expect(child().sent[0]).toEqual({ type: 'start', ...workspace });
    const failure: HostQueryReply = {
      ok: false,
      failure: { kind: 'refused', message: 'outside', position: 3 },
    };
    child().answer({ type: 'reply', id: 2, reply: failure });
    await expect(second).resolves.toEqual(failure);
  });

  it('stop kills it and cancels what was in flight; malformed answers are logged', async () => {
    const logs: string[] = [];
    const { queries, child } = started(logs);
    const running = queries.run(copy);
    child().answer({ type: 'reply', id: 1, reply: { ok: 'maybe' } });
    queries.stop();
    expect(child().killed).toBe(true);
    await expect(running).resolves.toMatchObject({ ok: false, failure: { kind: 'cancelled' } });
    expect(logs).toEqual(['quarry: the query process sent a malformed message']);
    queries.stop();
  });
});
