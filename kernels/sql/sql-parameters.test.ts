import { describe, expect, it } from 'vitest';
import { templateQuery } from './sql-parameters';

/** What `sql` sends for a template with these parts and values. */
function sent(strings: string[], ...values: unknown[]) {
  const { query, params } = templateQuery(strings, values);
  return { source: query.source, text: query.text, params };
}

describe('templateQuery', () => {
  it('casts each parameter it generates to the type of its value', () => {
    const date = new Date('2024-01-02T03:04:05.678Z');
    expect(sent(['select ', ', ', ', ', ', ', ', ', ''], 250000, -2.5, true, date, 'x')).toEqual({
      source: 'select $1, $2, $3, $4, $5',
      text: 'select CAST($1 AS BIGINT), CAST($2 AS DOUBLE), CAST($3 AS BOOLEAN), CAST($4 AS TIMESTAMP), $5',
      params: [250000, -2.5, true, '2024-01-02T03:04:05.678Z', 'x'],
    });
  });

  it('sends bigints as digits, as BIGINT when they fit in 64 bits and HUGEINT when not', () => {
    expect(sent(['', ' ', ' ', ''], 2n ** 53n + 1n, -(2n ** 63n), 2n ** 63n)).toMatchObject({
      text: 'CAST($1 AS BIGINT) CAST($2 AS BIGINT) CAST($3 AS HUGEINT)',
      params: ['9007199254740993', '-9223372036854775808', '9223372036854775808'],
    });
  });

  it('sends what JSON cannot carry as text: NaN, infinities; unsafe integers stay DOUBLE', () => {
    expect(sent(['', ' ', ' ', ''], Number.NaN, -Infinity, 2 ** 60)).toMatchObject({
      text: 'CAST($1 AS DOUBLE) CAST($2 AS DOUBLE) CAST($3 AS DOUBLE)',
      params: ['NaN', '-Infinity', 2 ** 60],
    });
  });

  it('leaves strings bare, typed by where they stand; null and undefined are NULL', () => {
    expect(sent(['', ' ', ' ', ''], null, "it's", undefined)).toMatchObject({
      text: 'NULL $1 NULL',
      params: ["it's"],
    });
  });

  it('makes an array a list of its elements, numbering parameters in the order sent', () => {
    expect(sent(['', ' in ', ' ', ''], 7, [1, 'a', [2n]], [])).toEqual({
      source: '$1 in $2 $3',
      text: 'CAST($1 AS BIGINT) in [CAST($2 AS BIGINT), $3, [CAST($4 AS BIGINT)]] []',
      params: [7, 1, 'a', '2'],
    });
  });

  it('refuses what it cannot bind, naming the value', () => {
    expect(() => sent(['', ''], { a: 1 })).toThrow(
      new TypeError(
        'sql: parameter $1 is an object; only numbers, bigints, strings, booleans, dates, null and arrays of them can be bound (register a frame to query a table of values)',
      ),
    );
    expect(() => sent(['', ' ', ''], 1, [1, () => 2])).toThrow(
      /^sql: parameter \$2\[1\] is a function;/,
    );
    expect(() => sent(['', ''], new Date(Number.NaN))).toThrow(
      'sql: parameter $1 is an invalid Date',
    );
  });
});
