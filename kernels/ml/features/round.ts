/**
 * `round(x, d)` of the portable expression (core/features/expression-functions.ts): half away
 * from zero, computed in doubles exactly as the SQL printers compute it —
 * sign(x) · floor(|x| · 10^d + 0.5) / 10^d for d ≥ 0, sign(x) · floor(|x| / 10^−d + 0.5) · 10^−d
 * for d < 0 — so TypeScript and every engine get the same bits (PostgreSQL's own float round
 * breaks ties to even, DuckDB's away from zero).
 */
export function roundHalfAway(x: number, digits: number): number {
  if (digits >= 0) {
    const scale = 10 ** digits;
    return (Math.sign(x) * Math.floor(Math.abs(x) * scale + 0.5)) / scale;
  }
  const scale = 10 ** -digits;
  return Math.sign(x) * Math.floor(Math.abs(x) / scale + 0.5) * scale;
}
