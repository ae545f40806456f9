/**
 * How `quarry run` stops. Ctrl+C (SIGINT) first cancels the running jobs and stops after the
 * running cell; a second one stops at once (the kernel thread is terminated); a third exits.
 * SIGTERM, what a scheduler sends, stops at once; a second one exits. Stopped either way, the
 * cells that ran are still written.
 */
import { EXIT } from '../usage-error';

export type RunStop = {
  /** Checked between cells (the first Ctrl+C). */
  shouldStop: () => boolean;
  /** Aborted to stop at once; its reason names what asked (`Ctrl+C twice`, `SIGTERM`). */
  stopNow: AbortSignal;
  /** Aborted to cancel the running jobs (the first Ctrl+C). */
  cancelJobs: AbortSignal;
  /** The signal that stopped the run, if one did. */
  stoppedBy: () => 'SIGINT' | 'SIGTERM' | null;
  /** Stops listening (the run is over). */
  dispose: () => void;
};

export type StopMessages = {
  /** Prints one line on stderr (ending a progress line first). */
  say: (line: string) => void;
};

export function listenForStop({ say }: StopMessages): RunStop {
  let stopRequested = false;
  let stoppedBy: 'SIGINT' | 'SIGTERM' | null = null;
  const stopNow = new AbortController();
  const cancelJobs = new AbortController();
  const onSigint = () => {
    stoppedBy ??= 'SIGINT';
    if (stopNow.signal.aborted) process.exit(EXIT.interrupted);
    if (stopRequested) {
      stopNow.abort('Ctrl+C twice');
      say('Interrupt: stopping now; writing the cells that ran');
      return;
    }
    stopRequested = true;
    say(
      'Interrupt: cancelling running jobs, stopping after the running cell (press Ctrl+C again to quit at once)',
    );
    cancelJobs.abort();
  };
  const onSigterm = () => {
    stoppedBy = 'SIGTERM';
    if (stopNow.signal.aborted) process.exit(EXIT.terminated);
    stopRequested = true;
    stopNow.abort('SIGTERM');
    say('Terminated (SIGTERM): stopping now; writing the cells that ran');
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  return {
    shouldStop: () => stopRequested,
    stopNow: stopNow.signal,
    cancelJobs: cancelJobs.signal,
    stoppedBy: () => stoppedBy,
    dispose: () => {
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', onSigterm);
    },
  };
}
