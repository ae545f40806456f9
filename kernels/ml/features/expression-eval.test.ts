import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../../core/features/expression';
import {
  compareCodePoints,
  evaluateExpression,
  featureValues,
  type ExpressionColumn,
  type ExpressionColumns,
} from './expression-eval';
import { roundHalfAway } from './round';

/** Three rows: x = 4, null, −2; y = 2, 3, 0; plan = 'a', null, 'b'. */
const COLUMNS: Record<string, ExpressionColumn> = {
  x: { type: 'number', values: Float64Array.from([4, NaN, -2]) },
  y: { type: 'number', values: Float64Array.from([2, 3, 0]) },
  plan: { type: 'string', values: ['a', null, 'b'] },
};
const columns: ExpressionColumns = (name) => {
  const column = COLUMNS[name];
  if (column === undefined) throw new Error(`there is no column "${name}"`);
  return column;
};

/** The expression's per-row results as plain values (null for SQL null). */
function run(sql: string): (number | string | boolean | null)[] {
  const vector = evaluateExpression(parseExpression(sql), 3, columns);
  switch (vector.type) {
    case 'number':
      return Array.from(vector.values, (v) => (Number.isNaN(v) ? null : v));
    case 'boolean':
      return Array.from(vector.values, (v) => (v === 2 ? null : v === 1));
    case 'string':
      return [...vector.values];
    case 'null':
      return [null, null, null];
  }
}

describe('evaluateExpression', () => {
  it('carries null through arithmetic and gives null for a division by 0', () => {
    expect(run('x + y * 2')).toEqual([8, null, -2]);
    expect(run('x / y')).toEqual([2, null, null]);
    expect(run('-x - 1')).toEqual([-5, null, 1]);
  });

  it("follows SQL's three-valued logic", () => {
    // x > 0: true, null, false.
    expect(run('x > 0 AND y > 0')).toEqual([true, null, false]);
    expect(run('x > 0 AND y > 5')).toEqual([false, false, false]);
    expect(run('x > 0 OR y > 5')).toEqual([true, null, false]);
    expect(run('x > 0 OR y > 2')).toEqual([true, true, false]);
    expect(run('NOT x > 0')).toEqual([false, null, true]);
    expect(run('x IS NULL')).toEqual([false, true, false]);
    expect(run('x IS NOT NULL')).toEqual([true, false, true]);
  });

  it('IN is null without a match when a candidate or the operand is null', () => {
    expect(run('x IN (4, 5)')).toEqual([true, null, false]);
    expect(run('x IN (5, NULL)')).toEqual([null, null, null]);
    expect(run('x IN (4, NULL)')).toEqual([true, null, null]);
    expect(run('x NOT IN (4, 5)')).toEqual([false, null, true]);
    expect(run("plan IN ('a', 'c')")).toEqual([true, null, false]);
  });

  it('BETWEEN includes its bounds; NOT BETWEEN negates, keeping null', () => {
    expect(run('x BETWEEN -2 AND 4')).toEqual([true, null, true]);
    expect(run('x NOT BETWEEN 0 AND 4')).toEqual([false, null, true]);
  });

  it('CASE takes the first true branch; a null condition is not true', () => {
    expect(run("CASE WHEN x > 0 THEN 'pos' WHEN x < 0 THEN 'neg' END")).toEqual([
      'pos',
      null,
      'neg',
    ]);
    expect(run('CASE WHEN x > 0 THEN 1 ELSE 0 END')).toEqual([1, 0, 0]);
    expect(run("CASE plan WHEN 'b' THEN 10 ELSE y END")).toEqual([2, 3, 10]);
  });

  it('functions: domains give null, round is half away from zero', () => {
    expect(run('ln(x)')).toEqual([Math.log(4), null, null]);
    expect(run('sqrt(x)')).toEqual([2, null, null]);
    expect(run('abs(x)')).toEqual([4, null, 2]);
    expect(run('sign(x)')).toEqual([1, null, -1]);
    expect(run('power(x, 0.5)')).toEqual([2, null, null]);
    expect(run('power(y, -1)')).toEqual([0.5, 1 / 3, null]);
    expect(run('power(x, 2)')).toEqual([16, null, 4]);
    expect(run('floor(x / 3)')).toEqual([1, null, -1]);
    expect(run('ceil(x / 3)')).toEqual([2, null, -0]);
    expect(run('round(x / 8)')).toEqual([1, null, -0]);
    expect(run('round(x * 0.3125, 1)')).toEqual([1.3, null, -0.6]);
    expect(run('exp(y * 400)')).toEqual([null, null, 1]);
    expect(run('exp(y * -400)')).toEqual([0, 0, 1]);
  });

  it('least and greatest skip nulls; coalesce and nullif', () => {
    expect(run('least(x, y)')).toEqual([2, 3, -2]);
    expect(run('greatest(x, y, NULL)')).toEqual([4, 3, 0]);
    expect(run("least(plan, 'b')")).toEqual(['a', 'b', 'b']);
    expect(run('coalesce(x, y, 0)')).toEqual([4, 3, -2]);
    expect(run('nullif(y, 0)')).toEqual([2, 3, null]);
    expect(run("nullif(plan, 'a')")).toEqual([null, null, 'b']);
  });

  it('compares text by code point', () => {
    expect(run("plan < 'b'")).toEqual([true, null, false]);
    expect(compareCodePoints('\u{1F600}', '\uFFFD')).toBeGreaterThan(0);
    expect('\u{1F600}' < '\uFFFD').toBe(true); // what code units alone would say
    expect(compareCodePoints('ab', 'a')).toBeGreaterThan(0);
    expect(compareCodePoints('a', 'a')).toBe(0);
  });

  it('refuses a mistyped expression, naming the operator', () => {
    expect(() => run('plan + 1')).toThrow(/'\+'/);
    expect(() => run('x AND y')).toThrow(/AND/);
    expect(() => run('nope + 1')).toThrow(/no column "nope"/);
  });
});

describe('roundHalfAway', () => {
  it('rounds ties away from zero, in the printers’ arithmetic', () => {
    expect([2.5, -2.5, 0.5, 1.4999, -0.5].map((x) => roundHalfAway(x, 0))).toEqual([
      3, -3, 1, 1, -1,
    ]);
    expect(roundHalfAway(1234.5678, 2)).toBe(1234.57);
    expect(roundHalfAway(1250, -2)).toBe(1300);
    expect(roundHalfAway(-1249, -2)).toBe(-1200);
    expect(roundHalfAway(NaN, 1)).toBeNaN();
  });
});

describe('featureValues', () => {
  it('turns booleans into 1/0 with null NaN, and refuses text', () => {
    const flags = featureValues(evaluateExpression(parseExpression('x > 0'), 3, columns), 3);
    expect(Array.from(flags)).toEqual([1, NaN, 0]);
    expect(() => featureValues(evaluateExpression(parseExpression('plan'), 3, columns), 3)).toThrow(
      /text/,
    );
    expect(
      Array.from(featureValues(evaluateExpression(parseExpression('NULL'), 3, columns), 3)),
    ).toEqual([NaN, NaN, NaN]);
  });
});
