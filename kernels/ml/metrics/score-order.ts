/**
 * Sorting scores once, and the cumulative counts every ranking metric reads from that order.
 * On a million rows a comparator sort of row numbers takes about half a second; the radix sort
 * here takes a few tens of milliseconds, and the bootstrap reuses one order for every resample.
 */
import type { Numbers } from './inputs';

/** Below this many rows a comparator sort is faster than the radix sort's 64K-slot counts. */
const RADIX_FROM_ROWS = 4096;

/** Row numbers by descending score (ties in any order: metrics group them by score). */
export function descendingOrder(scores: Numbers): Uint32Array {
  const n = scores.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < RADIX_FROM_ROWS) return order.sort((a, b) => scores[b] - scores[a]);
  return radixDescending(scores, order);
}

/**
 * The curve of a binary classifier: one point per distinct score, from the highest score down,
 * with the weight of positives (`tps`) and negatives (`fps`) scoring at or above it, as
 * scikit-learn's `_binary_clf_curve`. Rows of weight 0 are left out, as scikit-learn does.
 */
export type ThresholdCounts = {
  thresholds: Float64Array;
  tps: Float64Array;
  fps: Float64Array;
};

/**
 * @param buffers room for one point per row, reused by a caller that counts many times (the
 *   bootstrap): arrays this large are costly to allocate and collect on every resample.
 */
export function thresholdCounts(
  order: Uint32Array,
  labels: Numbers,
  scores: Numbers,
  weights: Numbers | undefined,
  buffers: ThresholdCounts = countBuffers(order.length),
): ThresholdCounts {
  const n = order.length;
  const { thresholds, tps, fps } = buffers;
  let points = 0;
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < n; i++) {
    const row = order[i];
    const weight = weights === undefined ? 1 : weights[row];
    if (labels[row] === 1) tp += weight;
    else fp += weight;
    const score = scores[row];
    const lastOfTie = i === n - 1 || scores[order[i + 1]] !== score;
    // A point only where the weight seen grew: a group of zero-weight rows adds nothing.
    if (lastOfTie && (points === 0 ? tp + fp > 0 : tp + fp > tps[points - 1] + fps[points - 1])) {
      thresholds[points] = score;
      tps[points] = tp;
      fps[points] = fp;
      points++;
    }
  }
  return {
    thresholds: thresholds.subarray(0, points),
    tps: tps.subarray(0, points),
    fps: fps.subarray(0, points),
  };
}

/** Room for the counts of `rows` rows. */
export function countBuffers(rows: number): ThresholdCounts {
  return {
    thresholds: new Float64Array(rows),
    tps: new Float64Array(rows),
    fps: new Float64Array(rows),
  };
}

/**
 * LSD radix sort on the scores' float64 bits, four 16-bit digits, made order-preserving (flip
 * every bit of a negative, the sign bit of a positive) and then inverted for descending order.
 * Digits shared by every row (the low bits of float32 scores are zero) skip their pass.
 */
function radixDescending(scores: Numbers, order: Uint32Array): Uint32Array {
  const n = order.length;
  const doubles = new Float64Array(n);
  // + 0 turns −0 into +0, so the two zeros tie as they compare equal.
  for (let i = 0; i < n; i++) doubles[i] = scores[i] + 0;
  const words = new Uint32Array(doubles.buffer);
  const low = new Uint32Array(n);
  const high = new Uint32Array(n);
  // The platform is little-endian wherever TF.js runs (x86, ARM): word 2i is the low half.
  for (let i = 0; i < n; i++) {
    const lo = words[2 * i];
    const hi = words[2 * i + 1];
    const negative = hi >>> 31 === 1;
    // Ascending keys of the descending order: the complement of the order-preserving key.
    low[i] = negative ? lo : ~lo >>> 0;
    high[i] = negative ? hi : (~hi ^ 0x80000000) >>> 0;
  }
  let from: Uint32Array = order;
  let to: Uint32Array = new Uint32Array(n);
  const counts = new Uint32Array(65536);
  for (const [keys, shift] of [
    [low, 0],
    [low, 16],
    [high, 0],
    [high, 16],
  ] as const) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(keys[i] >>> shift) & 0xffff]++;
    if (counts[(keys[0] >>> shift) & 0xffff] === n) continue;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const count = counts[d];
      counts[d] = sum;
      sum += count;
    }
    for (let i = 0; i < n; i++) {
      const row = from[i];
      to[counts[(keys[row] >>> shift) & 0xffff]++] = row;
    }
    [from, to] = [to, from];
  }
  return from;
}
