import { describe, expect, it } from 'vitest';
import type { Expr } from './expression-ast';
import { expressionColumns, ExpressionSyntaxError, parseExpression } from './expression';

const col = (name: string): Expr => ({ kind: 'column', name });
const num = (value: number): Expr => ({ kind: 'number', value });

function syntaxError(sql: string): ExpressionSyntaxError {
  try {
    parseExpression(sql);
  } catch (error) {
    if (error instanceof ExpressionSyntaxError) return error;
    throw error;
  }
  throw new Error(`${sql} parsed`);
}

describe('parseExpression', () => {
  it('reads literals, names and quoted names', () => {
    expect(parseExpression('1.5e3')).toEqual(num(1500));
    expect(parseExpression('.5')).toEqual(num(0.5));
    expect(parseExpression("'it''s'")).toEqual({ kind: 'string', value: "it's" });
    expect(parseExpression('TRUE')).toEqual({ kind: 'boolean', value: true });
    expect(parseExpression('false')).toEqual({ kind: 'boolean', value: false });
    expect(parseExpression('Null')).toEqual({ kind: 'null' });
    expect(parseExpression('Monthly_Spend')).toEqual(col('Monthly_Spend'));
    expect(parseExpression('"plan=pro"')).toEqual(col('plan=pro'));
    expect(parseExpression('"say ""hi"""')).toEqual(col('say "hi"'));
    expect(parseExpression('"end"')).toEqual(col('end'));
    expect(parseExpression('-- a comment\n  x -- and another')).toEqual(col('x'));
  });

  it('binds * before +, + before comparisons, NOT before AND before OR', () => {
    expect(parseExpression('a + b * c')).toEqual({
      kind: 'binary',
      op: '+',
      left: col('a'),
      right: { kind: 'binary', op: '*', left: col('b'), right: col('c') },
    });
    expect(parseExpression('a - b - c')).toEqual({
      kind: 'binary',
      op: '-',
      left: { kind: 'binary', op: '-', left: col('a'), right: col('b') },
      right: col('c'),
    });
    expect(parseExpression('a OR NOT b AND c > 1 + 2')).toEqual({
      kind: 'binary',
      op: 'or',
      left: col('a'),
      right: {
        kind: 'binary',
        op: 'and',
        left: { kind: 'unary', op: 'not', operand: col('b') },
        right: {
          kind: 'binary',
          op: '>',
          left: col('c'),
          right: { kind: 'binary', op: '+', left: num(1), right: num(2) },
        },
      },
    });
    expect(parseExpression('(a + b) * c')).toMatchObject({ op: '*', left: { op: '+' } });
  });

  it('folds a minus into a literal and keeps it on other operands', () => {
    expect(parseExpression('-2')).toEqual(num(-2));
    expect(parseExpression('- -2')).toEqual(num(2));
    expect(parseExpression('-x * 2')).toEqual({
      kind: 'binary',
      op: '*',
      left: { kind: 'unary', op: '-', operand: col('x') },
      right: num(2),
    });
    expect(parseExpression('+x')).toEqual(col('x'));
  });

  it('reads IS [NOT] NULL, [NOT] IN and [NOT] BETWEEN', () => {
    expect(parseExpression('x IS NOT NULL')).toEqual({
      kind: 'isNull',
      operand: col('x'),
      negated: true,
    });
    expect(parseExpression('x + 1 is null')).toEqual({
      kind: 'isNull',
      operand: { kind: 'binary', op: '+', left: col('x'), right: num(1) },
      negated: false,
    });
    expect(parseExpression("plan NOT IN ('a', 'b')")).toEqual({
      kind: 'in',
      operand: col('plan'),
      values: [
        { kind: 'string', value: 'a' },
        { kind: 'string', value: 'b' },
      ],
      negated: true,
    });
    expect(parseExpression('x BETWEEN 1 AND 2 AND y')).toEqual({
      kind: 'binary',
      op: 'and',
      left: { kind: 'between', operand: col('x'), low: num(1), high: num(2), negated: false },
      right: col('y'),
    });
    expect(parseExpression('x not between 1 and 2')).toMatchObject({
      kind: 'between',
      negated: true,
    });
    expect(parseExpression('a = b IS NULL')).toMatchObject({
      kind: 'isNull',
      operand: { op: '=' },
    });
  });

  it('reads searched and simple CASE, the simple one as equality', () => {
    expect(parseExpression('CASE WHEN x > 0 THEN 1 ELSE 0 END')).toEqual({
      kind: 'case',
      whens: [{ when: { kind: 'binary', op: '>', left: col('x'), right: num(0) }, then: num(1) }],
      otherwise: num(0),
    });
    expect(parseExpression("case plan when 'a' then 1 when 'b' then 2 end")).toEqual({
      kind: 'case',
      whens: [
        {
          when: {
            kind: 'binary',
            op: '=',
            left: col('plan'),
            right: { kind: 'string', value: 'a' },
          },
          then: num(1),
        },
        {
          when: {
            kind: 'binary',
            op: '=',
            left: col('plan'),
            right: { kind: 'string', value: 'b' },
          },
          then: num(2),
        },
      ],
      otherwise: null,
    });
  });

  it('reads function calls case-insensitively, checking how many arguments each takes', () => {
    expect(parseExpression('LN(x)')).toEqual({ kind: 'call', name: 'ln', args: [col('x')] });
    expect(parseExpression('greatest(a, b, 0)')).toEqual({
      kind: 'call',
      name: 'greatest',
      args: [col('a'), col('b'), num(0)],
    });
    expect(parseExpression('round(x, -2)')).toEqual({
      kind: 'call',
      name: 'round',
      args: [col('x'), num(-2)],
    });
    expect(syntaxError('ln(x, y)').message).toMatch(
      /^ln\(\) takes 1 argument, found 2 at line 1, column 1/,
    );
    expect(syntaxError('power(x)').message).toMatch(/power\(\) takes 2 arguments, found 1/);
    expect(syntaxError('coalesce()').message).toMatch(
      /coalesce\(\) takes at least 1 argument, found 0/,
    );
    expect(syntaxError('round(x, y)').message).toMatch(/round\(x, d\) takes d as a whole number/);
    expect(syntaxError('round(x, 1.5)').message).toMatch(/whole number/);
    expect(syntaxError('round(x, 16)').message).toMatch(/from -15 to 15/);
  });

  it('says what it expected and where, line and column', () => {
    const error = syntaxError('a +\n  * b');
    expect(error.position).toBe(6);
    expect(error.line).toBe(2);
    expect(error.column).toBe(3);
    expect(error.message).toBe(
      'expected an expression, found \'*\' at line 2, column 3 of the expression "a +\\n  * b"',
    );
    expect(syntaxError('').message).toMatch(
      /^expected an expression, found the end of the expression at line 1, column 1/,
    );
    expect(syntaxError('(a + b').message).toMatch(
      /expected '\)' to close the '\(' at column 1, or an operator, found the end/,
    );
    expect(syntaxError('a b').message).toMatch(
      /expected an operator or the end of the expression, found 'b' at line 1, column 3/,
    );
    expect(syntaxError("'open").message).toMatch(
      /unterminated string: expected a closing ' at line 1, column 1/,
    );
    expect(syntaxError('"x').message).toMatch(/unterminated quoted name/);
    expect(syntaxError('a @ b').message).toMatch(/unexpected character "@" at line 1, column 3/);
    expect(syntaxError('log10(x)').message).toMatch(
      /unknown function 'log10': the portable subset has abs, ln, exp/,
    );
    expect(syntaxError('CASE x END').message).toMatch(
      /expected WHEN after CASE \(at column 1\), found 'END'/,
    );
    expect(syntaxError('CASE WHEN x THEN 1').message).toMatch(
      /expected WHEN, ELSE or END to finish the CASE/,
    );
    expect(syntaxError('CASE WHEN x 1 END').message).toMatch(
      /expected THEN after the condition of WHEN, found the number 1/,
    );
    expect(syntaxError('x BETWEEN 1 OR 2').message).toMatch(
      /expected AND between the two bounds of BETWEEN, found 'OR'/,
    );
    expect(syntaxError('x IN 1').message).toMatch(/expected '\(' to open the list after IN/);
    expect(syntaxError('x IN ()').message).toMatch(/expected a value of the IN list, found '\)'/);
    expect(syntaxError('x IS 1').message).toMatch(/expected NULL or NOT NULL after IS/);
    expect(syntaxError('end + 1').message).toMatch(/quote a column named like a keyword/);
    expect(syntaxError('a < b < c').message).toMatch(
      /comparisons do not chain.*at line 1, column 7/,
    );
    expect(syntaxError('a = b IN (1)').message).toMatch(/comparisons do not chain/);
    expect(syntaxError('a AND').message).toMatch(/expected an expression, found the end/);
    expect(syntaxError('a = AND b').message).toMatch(
      /expected an expression after '=', found 'AND'/,
    );
    expect(syntaxError('a = NOT b').message).toMatch(
      /after '=' \(put NOT and what it negates in parentheses\), found 'NOT'/,
    );
    expect(parseExpression('a = (NOT b)')).toMatchObject({
      op: '=',
      right: { kind: 'unary', op: 'not' },
    });
    expect(syntaxError('2x').message).toMatch(/after the number 2 at line 1, column 2/);
    expect(syntaxError('""').message).toMatch(/expected a column name inside the double quotes/);
  });

  it("points to the portable spelling of other dialects' operators", () => {
    expect(syntaxError('a != b').message).toMatch(/write '<>'/);
    expect(syntaxError('a::int').message).toMatch(/casts/);
    expect(syntaxError("a || 'x'").message).toMatch(/concatenation/);
    expect(syntaxError('a % 2').message).toMatch(/x - floor\(x \/ y\) \* y/);
    expect(syntaxError('a ^ 2').message).toMatch(/power\(x, y\)/);
  });
});

describe('expressionColumns', () => {
  it('lists each column once, in the order it first appears, inside every kind of node', () => {
    const expr = parseExpression(
      "CASE WHEN b IN (c, 1) AND d BETWEEN e AND f THEN -g ELSE coalesce(h, b) END + (i IS NULL) * 'x' + a",
    );
    expect(expressionColumns(expr)).toEqual(['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'a']);
    expect(expressionColumns(parseExpression('1 + 2'))).toEqual([]);
  });
});
