import { describe, expect, it } from 'vitest';
import { formatElapsed, formatJobAmount, parseJobEvent, type JobEvent } from './jobs';

const progress = { done: 3, total: 10, unit: 'files', message: 'a.csv' };

describe('parseJobEvent', () => {
  it('accepts each kind of event, dropping unknown keys', () => {
    const events: JobEvent[] = [
      { kind: 'started', jobId: 'j', title: 'Scoring', action: 'cancel', progress },
      { kind: 'started', jobId: 'j', title: 'Training', action: 'stop', progress },
      { kind: 'progress', jobId: 'j', progress: { ...progress, total: null, message: null } },
      { kind: 'finished', jobId: 'j', outcome: { kind: 'done' } },
      { kind: 'finished', jobId: 'j', outcome: { kind: 'error', message: 'disk full' } },
      { kind: 'finished', jobId: 'j', outcome: { kind: 'cancelled' } },
      { kind: 'finished', jobId: 'j', outcome: { kind: 'stopped' } },
    ];
    for (const event of events) expect(parseJobEvent({ ...event, extra: 1 })).toEqual(event);
  });

  it('refuses what is not a job event', () => {
    const bad: unknown[] = [
      null,
      'started',
      { kind: 'started', jobId: 'j', action: 'cancel', progress },
      { kind: 'started', jobId: 1, title: 'T', action: 'cancel', progress },
      { kind: 'started', jobId: 'j', title: 'T', progress },
      { kind: 'started', jobId: 'j', title: 'T', action: 'pause', progress },
      { kind: 'progress', jobId: 'j', progress: { ...progress, done: -1 } },
      { kind: 'progress', jobId: 'j', progress: { ...progress, done: Number.NaN } },
      { kind: 'progress', jobId: 'j', progress: { ...progress, total: '10' } },
      { kind: 'progress', jobId: 'j', progress: { ...progress, unit: undefined } },
      { kind: 'progress', jobId: 'j', progress: { ...progress, message: 3 } },
      { kind: 'finished', jobId: 'j', outcome: { kind: 'error' } },
      { kind: 'finished', jobId: 'j', outcome: { kind: 'paused' } },
      { kind: 'resumed', jobId: 'j' },
    ];
    for (const value of bad) expect(parseJobEvent(value)).toBeNull();
  });
});

describe('formatJobAmount', () => {
  it('shows done of total with the unit and percent, or done alone when the total is unknown', () => {
    expect(formatJobAmount({ done: 45, total: 100, unit: 'files', message: null })).toBe(
      '45/100 files (45%)',
    );
    expect(formatJobAmount({ done: 1234, total: null, unit: 'rows', message: null })).toBe(
      '1,234 rows',
    );
    expect(formatJobAmount({ done: 2, total: 3, unit: '', message: null })).toBe('2/3 (66%)');
    expect(formatJobAmount({ done: 0, total: 0, unit: 'steps', message: null })).toBe(
      '0/0 steps (100%)',
    );
  });
});

describe('formatElapsed', () => {
  it('reads as seconds, then minutes:seconds, then hours:minutes:seconds', () => {
    expect(formatElapsed(7999)).toBe('7 s');
    expect(formatElapsed(65_000)).toBe('1:05');
    expect(formatElapsed(3_729_000)).toBe('1:02:09');
  });
});
