/**
 * What fitting learns from the training values (core/features/pipeline-spec.ts gives each its
 * exact meaning): mean, population std, median, range, and the kept categories of a text column.
 * Nulls (NaN, null) are left out of every statistic, as SQL's aggregates leave them out.
 */

/** The non-null values of `values`, or an error naming `label` when there are none. */
function present(values: Float64Array, label: string): Float64Array {
  const kept = values.filter((value) => !Number.isNaN(value));
  if (kept.length === 0)
    throw new Error(
      `${label}: the training rows hold no value here (all null), so there is nothing to learn from; check the column or the split`,
    );
  return kept;
}

/** Mean and population standard deviation (ddof 0), two passes for accuracy. */
export function meanAndStd(values: Float64Array, label: string): { mean: number; std: number } {
  const kept = present(values, label);
  let sum = 0;
  for (const value of kept) sum += value;
  const mean = sum / kept.length;
  let squares = 0;
  for (const value of kept) squares += (value - mean) ** 2;
  return { mean, std: Math.sqrt(squares / kept.length) };
}

export function mean(values: Float64Array, label: string): number {
  return meanAndStd(values, label).mean;
}

/** The middle value; for an even count the mean of the two middle values. */
export function median(values: Float64Array, label: string): number {
  const sorted = present(values, label).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function range(values: Float64Array, label: string): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const value of present(values, label)) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return { min, max };
}

/**
 * The categories a oneHot or vocabulary step keeps: distinct non-null values with at least
 * `minCount` rows, most frequent first, ties by value in code-unit order, at most `limit`.
 */
export function keptCategories(
  values: readonly (string | null)[],
  minCount: number,
  limit: number,
): string[] {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .filter(([, count]) => count >= minCount)
    .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, limit)
    .map(([value]) => value);
}
