import { describe, expect, it } from 'vitest';
import type { JobEvent, JobProgress } from '../core/jobs';
import { JobProgressPrinter, jobLine } from './job-progress';

const progress = (done: number, message: string | null = null): JobProgress => ({
  done,
  total: 100,
  unit: 'files',
  message,
});

function printer(tty: boolean, columns?: number) {
  let now = 0;
  const written: string[] = [];
  const shown = new JobProgressPrinter({
    write: (t) => written.push(t),
    tty,
    columns,
    now: () => now,
  });
  const at = (ms: number, event: JobEvent) => {
    now = ms;
    shown.onJobEvent('cell 3', event);
  };
  return { written, at, shown };
}

describe('jobLine', () => {
  it('names the cell and job, the amount and the message', () => {
    expect(jobLine('cell 3', 'Scoring files', progress(45, 'part 7'))).toBe(
      '  cell 3  Scoring files  45/100 files (45%)  part 7',
    );
    expect(
      jobLine('cell 12', 'Sampling', { done: 7, total: null, unit: 'rows', message: null }),
    ).toBe('  cell 12  Sampling  7 rows');
  });
});

describe('JobProgressPrinter', () => {
  it('in a log: the first line, at most one a second, and the last one with the outcome', () => {
    const { written, at } = printer(false);
    at(0, {
      kind: 'started',
      jobId: 'j',
      title: 'Scoring files',
      action: 'cancel',
      progress: progress(0),
    });
    for (let i = 1; i <= 25; i++)
      at(i * 100, { kind: 'progress', jobId: 'j', progress: progress(i * 4) });
    at(2600, { kind: 'finished', jobId: 'j', outcome: { kind: 'done' } });
    expect(written).toEqual([
      '  cell 3  Scoring files  0/100 files (0%)\n',
      '  cell 3  Scoring files  40/100 files (40%)\n',
      '  cell 3  Scoring files  80/100 files (80%)\n',
      '  cell 3  Scoring files  100/100 files (100%)  done\n',
    ]);
  });

  it('on a terminal: redraws one line in place, ends it with the outcome', () => {
    const { written, at } = printer(true);
    at(0, {
      kind: 'started',
      jobId: 'j',
      title: 'Scoring',
      action: 'cancel',
      progress: progress(0),
    });
    at(100, { kind: 'progress', jobId: 'j', progress: progress(45, 'part 7') });
    at(200, { kind: 'finished', jobId: 'j', outcome: { kind: 'cancelled' } });
    expect(written).toEqual([
      '\r\x1b[K  cell 3  Scoring  0/100 files (0%)',
      '\r\x1b[K  cell 3  Scoring  45/100 files (45%)  part 7',
      '\r\x1b[K  cell 3  Scoring  45/100 files (45%)  part 7  cancelled\n',
    ]);
  });

  it('says a Stop job was stopped early, keeping what it had', () => {
    const { written, at } = printer(false);
    at(0, {
      kind: 'started',
      jobId: 't',
      title: 'Training',
      action: 'stop',
      progress: progress(0),
    });
    at(10, { kind: 'finished', jobId: 't', outcome: { kind: 'stopped' } });
    expect(written.at(-1)).toBe('  cell 3  Training  0/100 files (0%)  stopped\n');
  });

  it('on a terminal: ends an open line before another message, once', () => {
    const { written, at, shown } = printer(true);
    at(0, {
      kind: 'started',
      jobId: 'j',
      title: 'Scoring',
      action: 'cancel',
      progress: progress(0),
    });
    shown.endLine();
    shown.endLine();
    expect(written).toEqual(['\r\x1b[K  cell 3  Scoring  0/100 files (0%)', '\n']);
    at(1, { kind: 'finished', jobId: 'j', outcome: { kind: 'done' } });
    shown.endLine();
    expect(written.at(-1)).toBe('\r\x1b[K  cell 3  Scoring  0/100 files (0%)  done\n');
  });

  it('keeps a redrawn line within the terminal’s width, and says why a job failed', () => {
    const { written, at } = printer(true, 30);
    at(0, {
      kind: 'started',
      jobId: 'j',
      title: 'Scoring',
      action: 'cancel',
      progress: progress(0, 'a long message'),
    });
    at(1, { kind: 'finished', jobId: 'j', outcome: { kind: 'error', message: 'disk full' } });
    expect(written[0]).toBe('\r\x1b[K  cell 3  Scoring  0/100 fil…');
    expect(written[0].length - '\r\x1b[K'.length).toBe(29);
    const { written: log, at: logAt } = printer(false);
    logAt(0, {
      kind: 'started',
      jobId: 'k',
      title: 'Export',
      action: 'cancel',
      progress: progress(1),
    });
    logAt(5, { kind: 'finished', jobId: 'k', outcome: { kind: 'error', message: 'disk full' } });
    expect(log.at(-1)).toBe('  cell 3  Export  1/100 files (1%)  failed: disk full\n');
  });
});
