/**
 * Checks of the data handed to training, each naming what is wrong and where (the row, the
 * feature), before any tensor is made: a NaN feature or a label of 2 would otherwise surface
 * as a NaN loss epochs later. Also the per-row loss weights from the class weights.
 */
import type { FeatureMatrix, Task } from '../ml-types';
import type { ClassWeightSetting } from './settings';

export type TrainingData = {
  x: FeatureMatrix;
  y: Float32Array;
  validation: { x: FeatureMatrix; y: Float32Array } | null;
};

export function checkTrainingData(data: TrainingData, task: Task): void {
  checkSplit('training', data.x, data.y, task);
  if (data.x.rows === 0)
    throw new Error('The training split has no rows: there is nothing to fit.');
  if (data.x.features.length === 0) {
    throw new Error('The feature matrix has no features: the pipeline produced no columns.');
  }
  const validation = data.validation;
  if (!validation) return;
  const same =
    validation.x.features.length === data.x.features.length &&
    validation.x.features.every((name, index) => name === data.x.features[index]);
  if (!same) {
    throw new Error(
      `The validation features (${validation.x.features.join(', ')}) are not the training ` +
        `features (${data.x.features.join(', ')}): transform both splits with the same pipeline.`,
    );
  }
  if (validation.x.rows === 0) {
    throw new Error(
      'The validation split has no rows: pass validation: null to train without one.',
    );
  }
  checkSplit('validation', validation.x, validation.y, task);
}

function checkSplit(split: string, x: FeatureMatrix, y: Float32Array, task: Task): void {
  const width = x.features.length;
  if (x.values.length !== x.rows * width) {
    throw new Error(
      `The ${split} matrix says ${x.rows} rows × ${width} features but holds ${x.values.length} values.`,
    );
  }
  if (y.length !== x.rows) {
    throw new Error(`The ${split} split has ${x.rows} rows of features but ${y.length} labels.`);
  }
  for (let i = 0; i < x.values.length; i++) {
    if (!Number.isFinite(x.values[i]!)) {
      const row = Math.floor(i / width);
      throw new Error(
        `The ${split} feature "${x.features[i % width]}" is ${x.values[i]} at row ${row}: ` +
          `impute or clip it in the pipeline (models need finite numbers).`,
      );
    }
  }
  for (let row = 0; row < y.length; row++) {
    const label = y[row]!;
    const bad = task === 'classification' ? label !== 0 && label !== 1 : !Number.isFinite(label);
    if (bad) {
      throw new Error(
        task === 'classification'
          ? `The ${split} label at row ${row} is ${label}: a classifier needs labels 0 or 1.`
          : `The ${split} target at row ${row} is ${label}: a regression needs finite targets.`,
      );
    }
  }
}

/**
 * Each row's loss weight, or null without class weights. `balanced` weighs a class by
 * rows / (2 · its rows), as scikit-learn does, so both classes weigh the same in total.
 */
export function rowWeights(
  y: Float32Array,
  setting: ClassWeightSetting | null,
): Float32Array | null {
  if (setting === null) return null;
  let positives = 0;
  for (let row = 0; row < y.length; row++) positives += y[row]!;
  const negatives = y.length - positives;
  const weights =
    setting === 'balanced'
      ? {
          0: negatives > 0 ? y.length / (2 * negatives) : 1,
          1: positives > 0 ? y.length / (2 * positives) : 1,
        }
      : setting;
  return y.map((label) => (label === 1 ? weights[1] : weights[0]));
}
