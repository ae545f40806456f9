import { describe, expect, it } from 'vitest';
import { MIME, type MimeBundle } from '../../core/outputs';
import type { PlotlyPayload } from '../../core/plotly-payload';
import { DISPLAY, isDisplayable } from '../display/displayable';
import type { JobClock } from '../runtime/jobs';
import type { EpochRecord } from './ml-types';
import { createTrainingDisplay } from './training-display';
import type { TrainingProgressInfo } from './training-figure';

/** A clock the test moves by hand; due timers fire as it passes them. */
function manualClock() {
  let now = 1000;
  let timers: { at: number; callback: () => void; handle: number }[] = [];
  let handles = 0;
  const clock: JobClock = {
    now: () => now,
    setTimeout: (callback, ms) => {
      timers.push({ at: now + ms, callback, handle: ++handles });
      return handles;
    },
    clearTimeout: (handle) => {
      timers = timers.filter((t) => t.handle !== handle);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const timer of timers.filter((t) => t.at <= now)) {
      timers = timers.filter((t) => t !== timer);
      timer.callback();
    }
  };
  return { clock, advance, pendingTimers: () => timers.length };
}

/** A host whose displays are recorded: what was shown first, then each update, in order. */
function recordingHost() {
  const shown: { id: string; bundle: MimeBundle }[] = [];
  const bundleOf = (value: unknown) => {
    if (!isDisplayable(value)) throw new Error('the training display shows a displayable');
    return value[DISPLAY]();
  };
  return {
    shown,
    host: {
      display: (value: unknown) => {
        const id = `d${shown.length + 1}`;
        shown.push({ id, bundle: bundleOf(value) });
        return { id, update: (next: unknown) => shown.push({ id, bundle: bundleOf(next) }) };
      },
    },
  };
}

const epoch = (n: number): EpochRecord => ({
  epoch: n,
  loss: 1 / n,
  validationLoss: 1.1 / n,
  validationMetric: 0.7 + n / 100,
  durationMs: 50,
});
const info: TrainingProgressInfo = {
  epochs: 20,
  backend: { name: 'wasm', device: 'WASM (SIMD, 1 thread)' },
  etaMs: 4200,
  metric: 'ROC-AUC',
};
const figureOf = (bundle: MimeBundle) => bundle[MIME.plotly] as PlotlyPayload;

describe('createTrainingDisplay', () => {
  it('shows one display at the first epoch and replaces it in place, at most once per interval', () => {
    const { clock, advance, pendingTimers } = manualClock();
    const { host, shown } = recordingHost();
    const display = createTrainingDisplay(host, 'Training MLP', clock, 200);
    const history: EpochRecord[] = [];
    // 20 epochs, 10 ms apart: 200 ms of training, so at most 2 redraws besides the first.
    for (let n = 1; n <= 20; n++) {
      history.push(epoch(n));
      display.update(history, { ...info, etaMs: (20 - n) * 10 });
      advance(10);
    }
    expect(new Set(shown.map((s) => s.id))).toEqual(new Set(['d1']));
    expect(shown.length).toBeGreaterThanOrEqual(2);
    expect(shown.length).toBeLessThanOrEqual(3);
    // What a held update showed was the latest history when it fired, not a stale one.
    const x = (i: number) => figureOf(shown[i].bundle).data[0].x as number[];
    expect(x(0)).toEqual([1]);
    expect(x(1).length).toBeGreaterThan(1);
    display.finish('completed', 18);
    expect(pendingTimers()).toBe(0);
    const last = shown.at(-1)!;
    expect(last.id).toBe('d1');
    expect(figureOf(last.bundle).data[0].x).toHaveLength(20);
    expect(last.bundle[MIME.text]).toBe(
      'Training MLP: completed 20/20 epochs, best epoch 18 kept · loss 0.05 · validation loss 0.055 · ROC-AUC 0.9 · WASM (SIMD, 1 thread)',
    );
    // The run ended: a late update changes nothing.
    display.update(history, info);
    advance(1000);
    expect(shown.at(-1)).toBe(last);
  });

  it('shows a held update when the interval is up, even if no epoch follows', () => {
    const { clock, advance } = manualClock();
    const { host, shown } = recordingHost();
    const display = createTrainingDisplay(host, 'Training', clock, 200);
    display.update([epoch(1)], info);
    display.update([epoch(1), epoch(2)], info);
    expect(shown).toHaveLength(1);
    advance(199);
    expect(shown).toHaveLength(1);
    advance(1);
    expect(shown).toHaveLength(2);
    expect(figureOf(shown[1].bundle).data[0].x).toEqual([1, 2]);
  });

  it('shows nothing for a training without epochs, and refuses a bad update', () => {
    const { host, shown } = recordingHost();
    const display = createTrainingDisplay(host, 'Baseline');
    expect(() => display.update('epochs' as never, info)).toThrow('history must be an array');
    expect(() => display.update([], { ...info, epochs: 2.5 })).toThrow(
      'info.epochs must be a whole number ≥ 0 (got 2.5)',
    );
    display.finish('completed', null);
    expect(shown).toEqual([]);
    expect(() => createTrainingDisplay(host, '')).toThrow('the title must be a text');
  });
});
