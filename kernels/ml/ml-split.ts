/**
 * `ml.split(data, options)`: the rows of `data` as train / validation / test frames, each ready
 * for `pipeline.fit`, `ml.train` and `model.evaluate`, with the row numbers they came from (so a
 * cell can find a customer again) and a one-line summary when shown.
 */
import { MIME, type MimeBundle } from '../../core/outputs';
import { DISPLAY, type Displayable } from '../display/displayable';
import type { ArrowModule } from '../platform';
import { toFrame } from './frame';
import type { MlFrame, SplitIndices } from './ml-types';
import { resolveSplitOptions, splitIndices, takeRows, type SplitOptions } from './splits';

export class MlSplit implements Displayable {
  constructor(
    readonly train: MlFrame,
    readonly validation: MlFrame,
    readonly test: MlFrame,
    readonly indices: SplitIndices,
    readonly options: SplitOptions,
  ) {}

  [DISPLAY](): MimeBundle {
    const count = (frame: MlFrame) => frame.numRows.toLocaleString('en-US');
    const how = describeMethod(this.options);
    return {
      [MIME.text]: `Split (${how}, seed ${this.options.seed}): train ${count(this.train)} rows, validation ${count(this.validation)}, test ${count(this.test)}`,
    };
  }
}

export function splitData(data: unknown, options: unknown, arrow: ArrowModule): MlSplit {
  const frame = toFrame(data, arrow);
  const resolved = resolveSplitOptions(options);
  const indices = splitIndices(frame, resolved);
  return new MlSplit(
    takeRows(frame, indices.train),
    takeRows(frame, indices.validation),
    takeRows(frame, indices.test),
    indices,
    resolved,
  );
}

function describeMethod(options: SplitOptions): string {
  switch (options.by) {
    case 'random':
      return 'random';
    case 'stratified':
      return `stratified by ${options.label}`;
    case 'time':
      return `by time, ${options.column}`;
    case 'grouped':
      return `grouped by ${options.group}`;
  }
}
