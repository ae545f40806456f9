/** Equal-width histogram bins over the range of the data (shared by every color group). */
export type Bins = { centers: number[]; widths: number[]; count(values: number[]): number[] };

export function histogramBins(values: number[], requested: number): Bins {
  if (!Number.isInteger(requested) || requested < 1 || requested > 10_000) {
    throw new RangeError(
      `histogram: bins must be a whole number from 1 to 10000, not ${requested}`,
    );
  }
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (values.length === 0) return { centers: [], widths: [], count: () => [] };
  const allInteger = values.every(Number.isInteger);
  // Integer data with a small range gets one bin per value, so counts are not split oddly.
  const binCount =
    allInteger && max - min + 1 <= requested ? max - min + 1 : max === min ? 1 : requested;
  const width = allInteger && binCount === max - min + 1 ? 1 : (max - min) / binCount || 1;
  const start = allInteger && width === 1 ? min - 0.5 : min;
  const centers = Array.from({ length: binCount }, (_, i) => start + width * (i + 0.5));
  return {
    centers,
    widths: centers.map(() => width),
    count(data) {
      const counts = new Array<number>(binCount).fill(0);
      for (const v of data)
        counts[Math.min(binCount - 1, Math.max(0, Math.floor((v - start) / width)))]++;
      return counts;
    },
  };
}
