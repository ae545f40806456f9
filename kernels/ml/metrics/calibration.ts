/**
 * Calibration: do the rows a model scores at 0.3 turn out positive 30% of the time? Scores are
 * cut into equal-width bins over [0, 1] (the last bin includes 1); each bin reports its weight,
 * mean score and positive rate. Empty bins are left out: they have no mean to plot.
 */
import type { CalibrationBin } from '../ml-types';
import { checkClassificationInputs, checkProbabilities, type Numbers } from './inputs';

export function calibrationBins(
  labels: Numbers,
  scores: Numbers,
  options: { bins?: number; weights?: Numbers; /** Who is asking, for errors. */ fn?: string } = {},
): CalibrationBin[] {
  const bins = options.bins ?? 10;
  const fn = options.fn ?? 'calibrationBins';
  checkBinCount(fn, bins);
  checkClassificationInputs(fn, labels, scores, options.weights);
  checkProbabilities(fn, scores);
  return calibrationOf(labels, scores, bins, options.weights);
}

/** The bins of checked inputs. */
export function calibrationOf(
  labels: Numbers,
  scores: Numbers,
  bins: number,
  weights: Numbers | undefined,
): CalibrationBin[] {
  const weight = new Float64Array(bins);
  const scoreSum = new Float64Array(bins);
  const positives = new Float64Array(bins);
  for (let row = 0; row < labels.length; row++) {
    const w = weights === undefined ? 1 : weights[row];
    const bin = Math.min(Math.floor(scores[row] * bins), bins - 1);
    weight[bin] += w;
    scoreSum[bin] += w * scores[row];
    positives[bin] += w * labels[row];
  }
  const result: CalibrationBin[] = [];
  for (let bin = 0; bin < bins; bin++) {
    if (weight[bin] === 0) continue;
    result.push({
      lower: bin / bins,
      upper: (bin + 1) / bins,
      count: weight[bin],
      meanScore: scoreSum[bin] / weight[bin],
      positiveRate: positives[bin] / weight[bin],
    });
  }
  return result;
}

export function checkBinCount(fn: string, bins: unknown): asserts bins is number {
  if (typeof bins !== 'number' || !Number.isInteger(bins) || bins < 1 || bins > 1000) {
    throw new Error(
      `${fn}: calibration bins must be an integer from 1 to 1000, got ${String(bins)}.`,
    );
  }
}
