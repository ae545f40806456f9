/**
 * Lift at the top k% of scores: how much richer in positives the rows a model ranks highest
 * are than the whole set (the question a retention campaign asks: call the top 10%). The top
 * k% is measured in weight; a tie group straddling the cut counts in proportion, so the answer
 * does not depend on how tied rows happen to be ordered.
 */
import { checkClassificationInputs, type Numbers } from './inputs';
import { descendingOrder } from './score-order';

export type LiftPoint = { topPercent: number; lift: number; positiveRate: number };

export function liftAt(
  labels: Numbers,
  scores: Numbers,
  topPercents: readonly number[],
  weights?: Numbers,
): LiftPoint[] {
  checkTopPercents('liftAt', topPercents);
  checkClassificationInputs('liftAt', labels, scores, weights);
  return liftOf(descendingOrder(scores), labels, scores, topPercents, weights);
}

/**
 * Lift of checked inputs in descending score `order`. With no positives at all the lift is
 * undefined: the result is empty (evaluate warns about the single class).
 */
export function liftOf(
  order: Uint32Array,
  labels: Numbers,
  scores: Numbers,
  topPercents: readonly number[],
  weights: Numbers | undefined,
): LiftPoint[] {
  const overallRate = positiveRateOf(labels, weights);
  if (overallRate === 0) return [];
  const total = weightOf(labels.length, weights);
  const cuts = [...topPercents].map((percent, index) => ({ percent, index }));
  cuts.sort((a, b) => a.percent - b.percent);
  const result = new Array<LiftPoint>(topPercents.length);
  let cut = 0;
  let weightAbove = 0;
  let positivesAbove = 0;
  for (let i = 0; i < order.length && cut < cuts.length;) {
    // One tie group: the rows from i sharing its score.
    const score = scores[order[i]];
    let groupWeight = 0;
    let groupPositives = 0;
    for (; i < order.length && scores[order[i]] === score; i++) {
      const w = weights === undefined ? 1 : weights[order[i]];
      groupWeight += w;
      groupPositives += w * labels[order[i]];
    }
    // The last group takes every cut left: summed in another order, the weight above may
    // fall a rounding error short of the 100% target.
    const last = i === order.length;
    while (
      cut < cuts.length &&
      (last || weightAbove + groupWeight >= (cuts[cut].percent / 100) * total)
    ) {
      const target = (cuts[cut].percent / 100) * total;
      const share = groupWeight === 0 ? 0 : Math.min(1, (target - weightAbove) / groupWeight);
      const positiveRate = (positivesAbove + share * groupPositives) / target;
      result[cuts[cut].index] = {
        topPercent: cuts[cut].percent,
        lift: positiveRate / overallRate,
        positiveRate,
      };
      cut++;
    }
    weightAbove += groupWeight;
    positivesAbove += groupPositives;
  }
  return result;
}

export function checkTopPercents(
  fn: string,
  topPercents: unknown,
): asserts topPercents is number[] {
  if (
    !Array.isArray(topPercents) ||
    topPercents.some((p) => typeof p !== 'number' || !(p > 0 && p <= 100))
  ) {
    throw new Error(
      `${fn}: liftAt must be an array of percentages in (0, 100], such as [1, 5, 10], got ${JSON.stringify(topPercents)}.`,
    );
  }
}

/** The positive share of checked labels, weighted. */
export function positiveRateOf(labels: Numbers, weights: Numbers | undefined): number {
  let positives = 0;
  for (let row = 0; row < labels.length; row++)
    positives += (weights === undefined ? 1 : weights[row]) * labels[row];
  return positives / weightOf(labels.length, weights);
}

function weightOf(rows: number, weights: Numbers | undefined): number {
  let total = 0;
  for (let row = 0; row < rows; row++) total += weights === undefined ? 1 : weights[row];
  return total;
}
