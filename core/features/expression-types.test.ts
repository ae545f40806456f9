import { describe, expect, it } from 'vitest';
import { parseExpression } from './expression';
import { expressionType, type ExpressionType } from './expression-types';

const COLUMNS: Record<string, ExpressionType> = { x: 'number', y: 'number', plan: 'string' };
const typeOf = (sql: string): ExpressionType =>
  expressionType(parseExpression(sql), (name) => COLUMNS[name]);

describe('expressionType', () => {
  it('types arithmetic as numbers and comparisons and logic as booleans', () => {
    expect(typeOf('x + y * 2')).toBe('number');
    expect(typeOf('-x')).toBe('number');
    expect(typeOf("plan = 'pro' AND x > 1 OR NOT y IS NULL")).toBe('boolean');
    expect(typeOf("plan BETWEEN 'a' AND 'm'")).toBe('boolean');
    expect(typeOf("plan IN ('a', NULL)")).toBe('boolean');
    expect(typeOf('(x > 1) = (y > 1)')).toBe('boolean');
    expect(typeOf("CASE WHEN x > 1 THEN plan ELSE 'none' END")).toBe('string');
    expect(typeOf('CASE WHEN x > 1 THEN NULL ELSE x END')).toBe('number');
    expect(typeOf('NULL')).toBe('null');
    expect(typeOf('coalesce(NULL, plan)')).toBe('string');
    expect(typeOf('greatest(x, 1, NULL)')).toBe('number');
    expect(typeOf('round(ln(x), 2)')).toBe('number');
  });

  it('lets NULL stand in for any type', () => {
    expect(typeOf('x + NULL')).toBe('number');
    expect(typeOf('NULL AND x > 1')).toBe('boolean');
    expect(typeOf('NOT NULL')).toBe('boolean');
    expect(typeOf('NULL = NULL')).toBe('boolean');
  });

  it('refuses what PostgreSQL refuses, naming the operator and the operand', () => {
    expect(() => typeOf('plan + 1')).toThrow(
      /^'\+' needs a number, found column "plan" \(a string\)$/,
    );
    expect(() => typeOf('x AND y > 1')).toThrow(
      /AND needs a boolean, found column "x" \(a number\) \(a 0\/1 column reads as a condition with "= 1"\)/,
    );
    expect(() => typeOf('NOT x')).toThrow(/NOT needs a boolean/);
    expect(() => typeOf('-plan')).toThrow(/unary '-' needs a number/);
    expect(() => typeOf('CASE WHEN x THEN 1 END')).toThrow(
      /WHEN needs a boolean, found column "x"/,
    );
    expect(() => typeOf('plan = 1')).toThrow(
      /'=' mixes column "plan" \(a string\) with a number \(1\): compare like with like/,
    );
    expect(() => typeOf("x IN (1, 'a')")).toThrow(
      /IN mixes column "x" \(a number\) with the string 'a'/,
    );
    expect(() => typeOf("CASE WHEN x > 1 THEN 1 ELSE 'a' END")).toThrow(/CASE mixes/);
    expect(() => typeOf('(x > 1) < (y > 1)')).toThrow(
      /'<' orders numbers or strings, not booleans/,
    );
    expect(() => typeOf('ln(plan)')).toThrow(/ln\(\) needs a number, found column "plan"/);
    expect(() => typeOf("greatest(x, 'a')")).toThrow(/greatest\(\) mixes/);
    expect(() => typeOf('least(x > 1, TRUE)')).toThrow(/least\(\) orders numbers or strings/);
  });
});
