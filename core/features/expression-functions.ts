/**
 * The functions of the portable SQL expression (expression-ast.ts), with how many arguments each
 * takes and exactly what each means. PostgreSQL raises an error where DuckDB and JavaScript
 * return ±Infinity or NaN, and the dialects round ties differently, so the meaning is pinned here
 * and the SQL printers (sql-dialect.ts) and the TypeScript evaluator (kernels/ml/features/) both
 * follow it:
 *
 * - `abs`, `floor`, `ceil`, `sign`: as in IEEE arithmetic (sign of 0 is 0).
 * - `ln(x)`: null where x ≤ 0. `sqrt(x)`: null where x < 0.
 * - `exp(x)`: null where x ≥ `EXP_OVERFLOW` (the result would not be finite); 0 where
 *   x < `EXP_UNDERFLOW` (PostgreSQL raises on underflow; the true value is below 1e-307).
 * - `power(a, b)`: null where a = 0 and b < 0, or a < 0 and b is not a whole number.
 * - `round(x)`, `round(x, d)`: half away from zero, computed in doubles as
 *   sign(x) · floor(|x| · 10^d + 0.5) / 10^d for d ≥ 0 and sign(x) · floor(|x| / 10^−d + 0.5) · 10^−d
 *   for d < 0 (d a whole-number literal, default 0; 10^|d| is exact), so every engine gets the same
 *   bits (PostgreSQL's float round breaks ties to even, DuckDB's away from zero).
 * - `least`, `greatest`: ignore nulls, null only when every argument is null (as PostgreSQL and
 *   DuckDB both do); strings compare by code point.
 * - `coalesce`: the first non-null argument. `nullif(a, b)`: null where a = b, else a.
 */
import type { FunctionName } from './expression-ast';

/** The smallest x whose exp(x) the subset calls an overflow (exp(709.78) ≈ 1.8e308 is finite). */
export const EXP_OVERFLOW = 709.78;
/** Below this exp(x) is 0 (exp(−708) ≈ 3.3e−308, the smallest normal doubles). */
export const EXP_UNDERFLOW = -708;

/** How many arguments each function takes (`max` null: any number from `min`). */
export const FUNCTION_ARITY: Record<FunctionName, { min: number; max: number | null }> = {
  abs: { min: 1, max: 1 },
  ln: { min: 1, max: 1 },
  exp: { min: 1, max: 1 },
  sqrt: { min: 1, max: 1 },
  power: { min: 2, max: 2 },
  floor: { min: 1, max: 1 },
  ceil: { min: 1, max: 1 },
  round: { min: 1, max: 2 },
  sign: { min: 1, max: 1 },
  least: { min: 2, max: null },
  greatest: { min: 2, max: null },
  coalesce: { min: 1, max: null },
  nullif: { min: 2, max: 2 },
};

export function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(FUNCTION_ARITY, name);
}

/** The most decimal places `round(x, d)` takes either way (10^d stays exact as a double). */
export const ROUND_DIGITS_LIMIT = 15;
