import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HeartbeatWatchdog } from './heartbeat-watchdog';

let visible: boolean;
let silent: number;
let watchdog: HeartbeatWatchdog;

beforeEach(() => {
  vi.useFakeTimers();
  visible = true;
  silent = 0;
  watchdog = new HeartbeatWatchdog({
    silenceMs: 5000,
    checkEveryMs: 1000,
    onSilent: () => silent++,
    isPageVisible: () => visible,
    now: () => Date.now(),
  });
});

afterEach(() => {
  watchdog.stop();
  vi.useRealTimers();
});

describe('heartbeat watchdog', () => {
  it('stays quiet while beats come, however long (a busy kernel still beats)', () => {
    watchdog.beat();
    for (let i = 0; i < 120; i++) {
      vi.advanceTimersByTime(500);
      watchdog.beat();
    }
    expect(silent).toBe(0);
  });

  it('says so once when the beats stop for longer than the silence allowed', () => {
    watchdog.beat();
    vi.advanceTimersByTime(5000);
    expect(silent).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(silent).toBe(1);
    vi.advanceTimersByTime(60_000);
    expect(silent).toBe(1);
  });

  it('does not judge before the first beat (the frame is still loading)', () => {
    vi.advanceTimersByTime(60_000);
    expect(silent).toBe(0);
  });

  it('a hidden page (throttled timers) judges only from when it is visible again', () => {
    watchdog.beat();
    visible = false;
    vi.advanceTimersByTime(60_000);
    expect(silent).toBe(0);
    visible = true;
    vi.advanceTimersByTime(5000);
    expect(silent).toBe(0);
    vi.advanceTimersByTime(2000);
    expect(silent).toBe(1);
  });

  it('a page that stalled (its own timer came late) did not hear the beats: it waits again', () => {
    watchdog.beat();
    // The page's thread is busy for 8 s: the clock moves, no timer runs.
    vi.setSystemTime(Date.now() + 8000);
    vi.advanceTimersByTime(1000);
    expect(silent).toBe(0);
    watchdog.beat();
    vi.advanceTimersByTime(4000);
    expect(silent).toBe(0);
  });
});
