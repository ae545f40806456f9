/**
 * The checks explanations make of what they are given before asking the model anything: a
 * mismatch of features would otherwise explain the wrong columns without a word.
 */
import type { FeatureMatrix, MlModel } from '../ml-types';

/** Throws unless `x` holds the model's features in the model's order, with a value per cell. */
export function checkMatrixFeatures(caller: string, model: MlModel, x: FeatureMatrix): void {
  const same =
    x.features.length === model.features.length &&
    x.features.every((name, index) => name === model.features[index]);
  if (!same) {
    throw new Error(
      `${caller}: the matrix's features (${x.features.join(', ')}) are not the model's (${model.features.join(', ')}); transform the data with the pipeline the model was trained on`,
    );
  }
  if (x.values.length !== x.rows * x.features.length) {
    throw new RangeError(
      `${caller}: the matrix says ${x.rows} rows × ${x.features.length} features but holds ${x.values.length} values`,
    );
  }
}

export function positiveInteger(caller: string, name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${caller}: ${name} must be a positive integer, got ${String(value)}`);
  }
  return value;
}
