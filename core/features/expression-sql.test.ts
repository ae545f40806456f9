import { describe, expect, it } from 'vitest';
import { parseExpression } from './expression';
import { expressionToSql } from './expression-sql';
import { DIALECTS } from './sql-dialect';

const duck = (sql: string, types: Record<string, 'number' | 'string'> = {}): string =>
  expressionToSql(
    parseExpression(sql),
    DIALECTS.duckdb,
    (name) => `"${name}"`,
    (name) => types[name] ?? 'number',
  );
const pg = (sql: string, types: Record<string, 'number' | 'string'> = {}): string =>
  expressionToSql(
    parseExpression(sql),
    DIALECTS.postgres,
    (name) => `"${name}"`,
    (name) => types[name] ?? 'number',
  );

describe('expressionToSql', () => {
  it('parenthesises every operation and prints numbers as doubles', () => {
    expect(duck('a + b * 2')).toBe('("a" + ("b" * CAST(2 AS DOUBLE)))');
    expect(pg('(a + b) * 2')).toBe('(("a" + "b") * CAST(2 AS DOUBLE PRECISION))');
    expect(duck('-a - -1')).toBe('((- "a") - CAST(-1 AS DOUBLE))');
    expect(duck('1e-7 + 1.5e21')).toBe('(CAST(1e-7 AS DOUBLE) + CAST(1.5e+21 AS DOUBLE))');
  });

  it('prints the column references the caller gives', () => {
    const sql = expressionToSql(parseExpression('x / 2'), DIALECTS.duckdb, () => '(inlined)');
    expect(sql).toBe('((inlined) / NULLIF(CAST(2 AS DOUBLE), CAST(0 AS DOUBLE)))');
  });

  it('guards division, ln, sqrt, exp and power; rounds half away from zero by formula', () => {
    expect(duck('a / b')).toBe('("a" / NULLIF("b", CAST(0 AS DOUBLE)))');
    expect(duck('ln(a)')).toBe('ln(NULLIF(GREATEST("a", CAST(0 AS DOUBLE)), CAST(0 AS DOUBLE)))');
    expect(duck('sqrt(a)')).toBe('CASE WHEN "a" >= CAST(0 AS DOUBLE) THEN sqrt("a") END');
    expect(duck('exp(a)')).toBe(
      'CASE WHEN "a" < CAST(-708 AS DOUBLE) THEN CAST(0 AS DOUBLE) WHEN "a" < CAST(7.0978e+2 AS DOUBLE) THEN exp("a") END',
    );
    expect(duck('power(a, b)')).toMatch(
      /^CASE WHEN \("a" = CAST\(0 AS DOUBLE\) AND "b" < CAST\(0 AS DOUBLE\)\) OR/,
    );
    expect(duck('round(a)')).toBe(
      '(CAST(sign("a") AS DOUBLE) * floor(abs("a") + CAST(5e-1 AS DOUBLE)))',
    );
    expect(duck('round(a, 2)')).toBe(
      '(CAST(sign("a") AS DOUBLE) * floor(abs("a") * CAST(100 AS DOUBLE) + CAST(5e-1 AS DOUBLE)) / CAST(100 AS DOUBLE))',
    );
    expect(duck('round(a, -1)')).toBe(
      '(CAST(sign("a") AS DOUBLE) * floor(abs("a") / CAST(10 AS DOUBLE) + CAST(5e-1 AS DOUBLE)) * CAST(10 AS DOUBLE))',
    );
    expect(duck('sign(a) + abs(a) + floor(a) + ceil(a)')).toBe(
      '(((CAST(sign("a") AS DOUBLE) + abs("a")) + floor("a")) + ceil("a"))',
    );
  });

  it('types a NULL after its neighbours', () => {
    expect(pg('coalesce(NULL, plan)', { plan: 'string' })).toBe(
      'COALESCE(CAST(NULL AS VARCHAR), "plan")',
    );
    expect(pg('a + NULL')).toBe('("a" + CAST(NULL AS DOUBLE PRECISION))');
    expect(pg('NULL AND a > 1')).toBe(
      '(CAST(NULL AS BOOLEAN) AND ("a" > CAST(1 AS DOUBLE PRECISION)))',
    );
    expect(pg("plan IN ('a', NULL)", { plan: 'string' })).toBe(
      `("plan" IN ('a', CAST(NULL AS VARCHAR)))`,
    );
    expect(pg('CASE WHEN a > 1 THEN NULL ELSE a END')).toBe(
      'CASE WHEN ("a" > CAST(1 AS DOUBLE PRECISION)) THEN CAST(NULL AS DOUBLE PRECISION) ELSE "a" END',
    );
  });

  it('orders strings by code point in PostgreSQL, compares them for equality as they are', () => {
    expect(pg("plan < 'b'", { plan: 'string' })).toBe(`(("plan" COLLATE "C") < ('b' COLLATE "C"))`);
    expect(pg("plan BETWEEN 'a' AND 'b'", { plan: 'string' })).toBe(
      `(("plan" COLLATE "C") BETWEEN ('a' COLLATE "C") AND ('b' COLLATE "C"))`,
    );
    expect(pg("least(plan, 'b') = 'a'", { plan: 'string' })).toBe(
      `(LEAST(("plan" COLLATE "C"), ('b' COLLATE "C")) = 'a')`,
    );
    expect(pg("plan = 'b'", { plan: 'string' })).toBe(`("plan" = 'b')`);
    expect(duck("plan < 'b'", { plan: 'string' })).toBe(`("plan" < 'b')`);
    expect(pg('a < 1')).toBe('("a" < CAST(1 AS DOUBLE PRECISION))');
  });

  it('prints the rest of the subset', () => {
    expect(duck('a IS NOT NULL AND NOT b IS NULL')).toBe(
      '(("a" IS NOT NULL) AND (NOT ("b" IS NULL)))',
    );
    expect(duck('a NOT IN (1, 2)')).toBe('("a" NOT IN (CAST(1 AS DOUBLE), CAST(2 AS DOUBLE)))');
    expect(duck('a NOT BETWEEN 1 AND 2')).toBe(
      '("a" NOT BETWEEN CAST(1 AS DOUBLE) AND CAST(2 AS DOUBLE))',
    );
    expect(duck('CASE WHEN a = 1 THEN TRUE WHEN a = 2 THEN FALSE END')).toBe(
      'CASE WHEN ("a" = CAST(1 AS DOUBLE)) THEN TRUE WHEN ("a" = CAST(2 AS DOUBLE)) THEN FALSE END',
    );
    expect(duck('nullif(a, 0) <> greatest(a, b)')).toBe(
      '(NULLIF("a", CAST(0 AS DOUBLE)) <> GREATEST("a", "b"))',
    );
    expect(duck("'it''s' = 'x'")).toBe(`('it''s' = 'x')`);
  });

  it('refuses an ill-typed expression before printing it', () => {
    expect(() => duck('plan + 1', { plan: 'string' })).toThrow(/'\+' needs a number/);
  });
});
