/**
 * Which cell `quarry run` is running, of how many, and for how long, on stderr. On a terminal a
 * status line redrawn in place each second (`  cell 5 (3 of 12)  running  4 s`), cleared when
 * the cell ends; in a log, where every line stays, a line only for a cell that runs long: after
 * `firstLogMs` and then every `logEveryMs` (the per-cell lines on stdout say the rest).
 * A job's own progress line (cli/job-progress.ts) takes the terminal's line while it runs.
 */
import type { ProgressTerminal } from '../job-progress';

export type CellProgressTimes = { tickMs: number; firstLogMs: number; logEveryMs: number };

export const CELL_PROGRESS_TIMES: CellProgressTimes = {
  tickMs: 1000,
  firstLogMs: 10_000,
  logEveryMs: 30_000,
};

type RunningCell = { cellNumber: number; ordinal: number; started: number; nextLogAt: number };

export class CellProgress {
  private running: RunningCell | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lineOpen = false;
  private jobs = 0;

  constructor(
    private readonly terminal: ProgressTerminal,
    private readonly codeCells: number,
    private readonly times: CellProgressTimes = CELL_PROGRESS_TIMES,
  ) {}

  /** `ordinal`: the cell's place among the code cells (1-based). */
  cellStarted(cellNumber: number, ordinal: number): void {
    const started = this.terminal.now();
    this.running = { cellNumber, ordinal, started, nextLogAt: started + this.times.firstLogMs };
    this.timer ??= setInterval(() => this.tick(), this.times.tickMs);
    this.timer.unref();
    this.tick();
  }

  cellEnded(): void {
    this.running = null;
    this.clear();
  }

  /**
   * A job started (+1) or ended (-1): while one runs, its line is the terminal's. Call `clear`
   * before its line is drawn.
   */
  jobsChanged(delta: 1 | -1): void {
    this.jobs = Math.max(0, this.jobs + delta);
  }

  /** Removes the status line so another line can be written (it comes back on the next tick). */
  clear(): void {
    if (!this.lineOpen) return;
    this.lineOpen = false;
    this.terminal.write('\r\x1b[K');
  }

  stop(): void {
    this.cellEnded();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private tick(): void {
    const cell = this.running;
    if (!cell || this.jobs > 0) return;
    const now = this.terminal.now();
    const where = `cell ${cell.cellNumber} (${cell.ordinal} of ${this.codeCells})`;
    const elapsed = formatElapsed(now - cell.started);
    if (this.terminal.tty) {
      this.terminal.write(`\r\x1b[K  ${where}  running  ${elapsed}`);
      this.lineOpen = true;
    } else if (now >= cell.nextLogAt) {
      this.terminal.write(`  ${where}  still running after ${elapsed}\n`);
      cell.nextLogAt = now + this.times.logEveryMs;
    }
  }
}

/** `4 s`, `2 min 05 s`, `1 h 02 min`. */
export function formatElapsed(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
