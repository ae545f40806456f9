/**
 * The live view of a training run in its cell's output (issue 11, "Live progress"): one display,
 * shown at the first epoch and replaced in place after each (training-figure.ts draws it), so a
 * run of 200 epochs leaves one chart, not 200.
 *
 * Throttled to at most five redraws a second: a small model trains hundreds of epochs a second,
 * and each redraw crosses to the UI thread and repaints a chart. An epoch that comes sooner is
 * held and shown when the interval is up (the latest one wins, as job progress does,
 * kernels/runtime/jobs.ts); `finish` shows the end at once.
 */
import { DISPLAY, type Displayable } from '../display/displayable';
import { PLATFORM_CLOCK, type JobClock } from '../runtime/jobs';
import type { DisplayHandle } from '../runtime/display-handles';
import type { MlHost } from './ml-host';
import type { EpochRecord, TrainingEnd } from './ml-types';
import { trainingBundle, type TrainingProgressInfo, type TrainingView } from './training-figure';

export type TrainingDisplay = {
  /** The epochs so far (all of them, oldest first) and where training stands. */
  update(history: readonly EpochRecord[], info: TrainingProgressInfo): void;
  /** Training ended: shows how, and which epoch's weights were kept. Later updates do nothing. */
  finish(end: TrainingEnd, bestEpoch: number | null): void;
};

/** At most five redraws a second. */
export const TRAINING_DISPLAY_INTERVAL_MS = 200;

export function createTrainingDisplay(
  host: Pick<MlHost, 'display'>,
  title: string,
  clock: JobClock = PLATFORM_CLOCK,
  intervalMs = TRAINING_DISPLAY_INTERVAL_MS,
): TrainingDisplay {
  if (typeof title !== 'string' || title.trim() === '')
    throw new TypeError('createTrainingDisplay(host, title): the title must be a text');
  let view: TrainingView | null = null;
  let handle: DisplayHandle | null = null;
  let shownAt = 0;
  let timer: unknown = null;
  let finished = false;

  const show = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    if (view === null) return;
    // A snapshot: the trainer keeps pushing to the history it passed.
    const bundle = trainingBundle({ ...view, history: [...view.history] });
    const shown: Displayable = { [DISPLAY]: () => bundle };
    if (handle === null) handle = host.display(shown);
    else handle.update(shown);
    shownAt = clock.now();
  };

  return {
    update(history, info) {
      if (finished) return;
      checkUpdate(history, info);
      view = { title, history, info, ended: null };
      const wait = shownAt + intervalMs - clock.now();
      if (handle === null || wait <= 0) show();
      else timer ??= clock.setTimeout(show, wait);
    },
    finish(end, bestEpoch) {
      if (finished) return;
      finished = true;
      // Without an epoch (a baseline has none) there is no curve to end.
      if (view === null) return;
      view = { ...view, ended: { end, bestEpoch } };
      show();
    },
  };
}

function checkUpdate(history: readonly EpochRecord[], info: TrainingProgressInfo): void {
  if (!Array.isArray(history))
    throw new TypeError(
      'training display update(history, info): history must be an array of epochs',
    );
  if (!Number.isInteger(info?.epochs) || info.epochs < 0)
    throw new TypeError(
      `training display update(history, info): info.epochs must be a whole number ≥ 0 (got ${String(info?.epochs)})`,
    );
}
