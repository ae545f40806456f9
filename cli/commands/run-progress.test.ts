import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CellProgress, formatElapsed } from './run-progress';

const times = { tickMs: 1000, firstLogMs: 10_000, logEveryMs: 30_000 };

function terminal(tty: boolean) {
  const written: string[] = [];
  return {
    written,
    terminal: { write: (t: string) => written.push(t), tty, now: () => Date.now() },
  };
}

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

describe('CellProgress', () => {
  it('on a terminal redraws one status line each second and clears it when the cell ends', () => {
    const { written, terminal: t } = terminal(true);
    const progress = new CellProgress(t, 12, times);
    progress.cellStarted(5, 3);
    vi.advanceTimersByTime(2000);
    expect(written).toEqual([
      '\r\x1b[K  cell 5 (3 of 12)  running  0 s',
      '\r\x1b[K  cell 5 (3 of 12)  running  1 s',
      '\r\x1b[K  cell 5 (3 of 12)  running  2 s',
    ]);
    progress.cellEnded();
    expect(written.at(-1)).toBe('\r\x1b[K');
    vi.advanceTimersByTime(3000);
    expect(written).toHaveLength(4);
    progress.stop();
  });

  it('leaves the line to a running job, and comes back after it', () => {
    const { written, terminal: t } = terminal(true);
    const progress = new CellProgress(t, 2, times);
    progress.cellStarted(1, 1);
    progress.clear();
    progress.jobsChanged(1);
    vi.advanceTimersByTime(3000);
    expect(written).toEqual(['\r\x1b[K  cell 1 (1 of 2)  running  0 s', '\r\x1b[K']);
    progress.jobsChanged(-1);
    vi.advanceTimersByTime(1000);
    expect(written.at(-1)).toBe('\r\x1b[K  cell 1 (1 of 2)  running  4 s');
    progress.stop();
  });

  it('in a log writes a line only for a long cell: after 10 s, then every 30 s', () => {
    const { written, terminal: t } = terminal(false);
    const progress = new CellProgress(t, 4, times);
    progress.cellStarted(2, 1);
    vi.advanceTimersByTime(9000);
    expect(written).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(written).toEqual(['  cell 2 (1 of 4)  still running after 10 s\n']);
    vi.advanceTimersByTime(30_000);
    expect(written.at(-1)).toBe('  cell 2 (1 of 4)  still running after 40 s\n');
    expect(written).toHaveLength(2);
    progress.cellEnded();
    expect(written).toHaveLength(2); // nothing to clear in a log
    progress.stop();
  });
});

describe('formatElapsed', () => {
  it('says seconds, then minutes and seconds, then hours and minutes', () => {
    expect(formatElapsed(4999)).toBe('4 s');
    expect(formatElapsed(125_000)).toBe('2 min 05 s');
    expect(formatElapsed(3_720_000)).toBe('1 h 02 min');
  });
});
