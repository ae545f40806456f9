import { describe, expect, it } from 'vitest';
import { trainingRun } from '../../test/support/training-runs';
import { MlHostBinding, type MlHostRoutes } from './ml-host-binding';
import type { OutputCollector } from './output-collector';

/** Executions stand for themselves here: the binding only tells them apart. */
const execution = (name: string) => ({ name }) as unknown as OutputCollector;

function binding(current: () => OutputCollector | null) {
  const routed: string[] = [];
  const routes: MlHostRoutes = {
    libs: () => {
      throw new Error('TF.js has not loaded yet');
    },
    current,
    display: (to, value) => {
      routed.push(`display ${String(value)} → ${(to as unknown as { name: string }).name}`);
      return { id: 'd1', update: () => undefined };
    },
    job: (to, title, _options, work) => {
      routed.push(`job ${title} → ${(to as unknown as { name: string }).name}`);
      return Promise.resolve(
        work({ id: 'j1', signal: new AbortController().signal, progress: () => undefined }),
      );
    },
  };
  return { host: new MlHostBinding(routes), routed };
}

describe('MlHostBinding', () => {
  it('routes each call to the execution current at the time, and keeps each one’s runs apart', async () => {
    const [a, b] = [execution('a'), execution('b')];
    let now = a;
    const { host, routed } = binding(() => now);
    host.display('curve');
    host.recordRun({ ...trainingRun({ id: 'in a' }) });
    now = b;
    expect(await host.job('Training', {}, () => 3)).toBe(3);
    host.recordSeed(5);
    expect(routed).toEqual(['display curve → a', 'job Training → b']);
    expect(host.runsOf(a).map((run) => run.id)).toEqual(['in a']);
    expect(host.runsOf(b)).toEqual([]);
    expect(host.seedsOf(b, 'cell-b')).toEqual([
      { use: 'training', name: 'cell-b', seed: 5, cell: null },
    ]);
    expect(host.seedsOf(a, 'cell-a')).toEqual([]);
  });

  it('says so when no cell is running, and passes on that TF.js has not loaded', () => {
    const { host } = binding(() => null);
    expect(() => host.display('x')).toThrow('ml: no cell is running; call ml from a cell');
    expect(() => host.recordSeed(1)).toThrow('no cell is running');
    expect(() => host.tf()).toThrow('TF.js has not loaded yet');
  });
});
