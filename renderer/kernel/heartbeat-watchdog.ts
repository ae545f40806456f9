/**
 * Says when a heartbeat has gone silent: the kernel frame's process died (core/kernel-frame-
 * protocol.ts). Chromium tells the page nothing when a cross-site frame's process goes, so
 * silence is the only sign. A busy kernel keeps beating (its frame's main thread is not the
 * worker's); a page that was hidden or stalled (a long render, a throttled background tab) did
 * not hear the beats sent meanwhile, so it judges again from the moment it can.
 */
export type HeartbeatWatchdogOptions = {
  /** Silence longer than this, seen while the page could listen, is death. */
  silenceMs: number;
  checkEveryMs: number;
  onSilent: () => void;
  isPageVisible?: () => boolean;
  now?: () => number;
};

export class HeartbeatWatchdog {
  private lastBeat = 0;
  private lastCheck = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly now: () => number;
  private readonly isPageVisible: () => boolean;

  constructor(private readonly options: HeartbeatWatchdogOptions) {
    this.now = options.now ?? (() => performance.now());
    this.isPageVisible = options.isPageVisible ?? (() => document.visibilityState === 'visible');
  }

  /** Starts listening (with the first beat); later calls only count as beats. */
  beat(): void {
    this.lastBeat = this.now();
    if (this.timer !== null) return;
    this.lastCheck = this.lastBeat;
    this.timer = setInterval(() => this.check(), this.options.checkEveryMs);
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  private check(): void {
    const now = this.now();
    const stalled = now - this.lastCheck > 2 * this.options.checkEveryMs;
    this.lastCheck = now;
    if (stalled || !this.isPageVisible()) {
      this.lastBeat = now;
      return;
    }
    if (now - this.lastBeat <= this.options.silenceMs) return;
    this.stop();
    this.options.onSilent();
  }
}
