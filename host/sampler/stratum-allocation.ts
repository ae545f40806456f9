/**
 * How many rows each stratum gets in a stratified sample (core/sample/request.ts, `Stratify`):
 * - `perStratum` n: min(n, the stratum's size) each;
 * - a fraction p: round(p × size) each;
 * - a total N: in proportion to the strata's sizes, rounded by largest remainder so the quotas
 *   add up to exactly N (ties go to the stratum listed first).
 * In every case a stratum gets at least min(floor, its size), so rare strata are kept (whole
 * when smaller than the floor). With a total, strata raised to their floor are fixed first and
 * the rest share what is left, in proportion; when the floors alone exceed N, the sample has
 * the floors and is larger than N. The arithmetic is exact (BigInt), so the quotas are the same
 * on every machine.
 */
import type { SampleSize, Stratify } from '../../core/sample/request';

/** A stratum's value (as text; null for the NULL stratum) and its row count in the source. */
export type StratumCount = { value: string | null; rows: number };

/** A stratum's size in the source and the rows the sample takes from it. */
export type StratumQuota = { value: string | null; sourceRows: number; rows: number };

export function allocateStrata(
  strata: StratumCount[],
  size: SampleSize,
  stratify: Stratify,
): StratumQuota[] {
  const lowest = strata.map((s) => Math.min(stratify.floor, s.rows));
  const quota = (s: StratumCount, i: number, rows: number): StratumQuota => ({
    value: s.value,
    sourceRows: s.rows,
    rows: Math.max(lowest[i], Math.min(rows, s.rows)),
  });
  if (stratify.perStratum !== null) {
    const perStratum = stratify.perStratum;
    return strata.map((s, i) => quota(s, i, perStratum));
  }
  switch (size.kind) {
    case 'fraction':
      return strata.map((s, i) => quota(s, i, Math.round(size.fraction * s.rows)));
    case 'rows':
      return proportional(strata, size.rows, lowest).map((rows, i) => quota(strata[i], i, rows));
  }
}

/** Quotas adding up to `total` (or to the floors, when they exceed it), each within [lowest, size]. */
function proportional(strata: StratumCount[], total: number, lowest: number[]): number[] {
  const sizes = strata.map((s) => BigInt(s.rows));
  const quotas: (bigint | null)[] = strata.map(() => null);
  for (;;) {
    const rest = strata.map((_, i) => i).filter((i) => quotas[i] === null);
    const fixedSum = quotas.reduce<bigint>((sum, q) => sum + (q ?? 0n), 0n);
    const left = BigInt(total) - fixedSum;
    const restSize = rest.reduce((sum, i) => sum + sizes[i], 0n);
    // Strata whose share falls below their floor (or above their size) take that bound, and the
    // others share again what is left: each round fixes at least one, so this ends.
    let fixedNow = false;
    for (const i of rest) {
      const share = restSize === 0n ? 0n : left * sizes[i]; // compared against bound × restSize
      if (share < BigInt(lowest[i]) * restSize || left <= 0n) {
        quotas[i] = BigInt(lowest[i]);
        fixedNow = true;
      } else if (share > sizes[i] * restSize) {
        quotas[i] = sizes[i];
        fixedNow = true;
      }
    }
    if (fixedNow) continue;
    if (rest.length === 0) break;
    const shares = rest.map((i) => ({
      i,
      whole: (left * sizes[i]) / restSize,
      remainder: (left * sizes[i]) % restSize,
    }));
    let spare = left - shares.reduce((sum, s) => sum + s.whole, 0n);
    for (const s of shares) quotas[s.i] = s.whole;
    const byRemainder = [...shares].sort((a, b) =>
      a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1,
    );
    for (const s of byRemainder) {
      if (spare <= 0n) break;
      quotas[s.i] = s.whole + 1n;
      spare -= 1n;
    }
    break;
  }
  return quotas.map((q) => Number(q ?? 0n));
}
