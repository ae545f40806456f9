import { describe, expect, it } from 'vitest';
import type { FittedPipelineJson, FittedStep } from './pipeline-spec';
import { pipelineToSql } from './sql-compiler';

function pipeline(steps: FittedStep[], features: string[]): FittedPipelineJson {
  return {
    format: 'quarry.pipeline',
    version: 1,
    inputs: [
      { name: 'x', type: 'number' },
      { name: 'plan', type: 'string' },
      { name: 'n', type: 'number' },
    ],
    steps,
    features,
    fittedRows: 5,
  };
}

/** The SELECT list's lines, without the SELECT and FROM lines. */
const columns = (sql: string): string[] =>
  sql
    .split('\n')
    .slice(1, -1)
    .map((line) => line.trim().replace(/,$/, ''));

describe('pipelineToSql', () => {
  it('writes one SELECT over the source: kept columns first, then the features in order', () => {
    const json = pipeline(
      [
        { kind: 'number', column: 'x', output: 'x' },
        { kind: 'vocabulary', column: 'plan', output: 'plan_index', vocabulary: ['a', 'b'] },
      ],
      ['plan_index', 'x'],
    );
    expect(pipelineToSql(json, 'input', { keep: ['id', 'label'] })).toBe(
      [
        'SELECT',
        '  "id",',
        '  "label",',
        `  CASE "plan" WHEN 'a' THEN CAST(1 AS DOUBLE) WHEN 'b' THEN CAST(2 AS DOUBLE) ELSE CAST(0 AS DOUBLE) END AS "plan_index",`,
        '  CAST("x" AS DOUBLE) AS "x"',
        'FROM input',
      ].join('\n'),
    );
    expect(pipelineToSql(json, '(SELECT * FROM t) AS raw', { dialect: 'postgres' })).toMatch(
      /^SELECT\n {2}CASE "plan" .* AS "plan_index",\n {2}CAST\("x" AS DOUBLE PRECISION\) AS "x"\nFROM \(SELECT \* FROM t\) AS raw$/,
    );
  });

  it('inlines each step where a later one reads it, as the column was at that point', () => {
    const json = pipeline(
      [
        {
          kind: 'impute',
          column: 'x',
          output: 'x',
          strategy: 'constant',
          value: 0,
          indicator: null,
        },
        { kind: 'expression', sql: 'x * 2', output: 'doubled' },
        { kind: 'standardize', column: 'x', output: 'x', mean: 1, std: 0 },
      ],
      ['doubled', 'x'],
    );
    expect(columns(pipelineToSql(json, 't'))).toEqual([
      '(COALESCE(CAST("x" AS DOUBLE), CAST(0 AS DOUBLE)) * CAST(2 AS DOUBLE)) AS "doubled"',
      // A std of 0 divides by 1 (pipeline-spec.ts).
      '((COALESCE(CAST("x" AS DOUBLE), CAST(0 AS DOUBLE)) - CAST(1 AS DOUBLE)) / CAST(1 AS DOUBLE)) AS "x"',
    ]);
  });

  it('prints each step kind with its edge cases', () => {
    const json = pipeline(
      [
        { kind: 'minMax', column: 'x', output: 'mm', min: 3, max: 3 },
        { kind: 'clip', column: 'x', output: 'same', min: null, max: null },
        { kind: 'clip', column: 'x', output: 'low', min: 1, max: null },
        { kind: 'bucketize', column: 'x', output: 'none', boundaries: [] },
        { kind: 'bucketize', column: 'x', output: 'b', boundaries: [1, 2] },
        { kind: 'oneHot', column: 'plan', categories: [], outputs: [], other: 'plan=__other__' },
        {
          kind: 'oneHot',
          column: 'n',
          categories: ['1.5', 'x'],
          outputs: ['n=1.5', 'n=x'],
          other: 'n=__other__',
        },
        { kind: 'vocabulary', column: 'plan', output: 'v', vocabulary: [] },
        { kind: 'log', column: 'x', output: 'l', offset: 1 },
        { kind: 'ratio', numerator: 'x', denominator: 'n', output: 'r' },
        { kind: 'expression', sql: "plan = 'a' OR x > 1", output: 'cond' },
      ],
      [
        'mm',
        'same',
        'low',
        'none',
        'b',
        'plan=__other__',
        'n=1.5',
        'n=x',
        'n=__other__',
        'v',
        'l',
        'r',
        'cond',
      ],
    );
    expect(
      columns(
        pipelineToSql(json, 't', { dialect: 'postgres' }).replaceAll(' AS DOUBLE PRECISION)', ')'),
      ),
    ).toEqual([
      '((CAST("x") - CAST(3)) / CAST(1)) AS "mm"',
      'CAST("x") AS "same"',
      'CASE WHEN CAST("x") < CAST(1) THEN CAST(1) ELSE CAST("x") END AS "low"',
      'CASE WHEN CAST("x") IS NOT NULL THEN CAST(0) END AS "none"',
      'CASE WHEN CAST("x") < CAST(1) THEN CAST(0) WHEN CAST("x") < CAST(2) THEN CAST(1) WHEN CAST("x") >= CAST(2) THEN CAST(2) END AS "b"',
      'CAST(1) AS "plan=__other__"',
      // A number column's categories are the values' text: "x" spells no number, so matches none.
      'CASE WHEN CAST("n") = CAST(1.5e+0) THEN CAST(1) ELSE CAST(0) END AS "n=1.5"',
      'CAST(0) AS "n=x"',
      'CASE WHEN CAST("n") IN (CAST(1.5e+0)) THEN CAST(0) ELSE CAST(1) END AS "n=__other__"',
      'CAST(0) AS "v"',
      'ln(NULLIF(GREATEST((CAST("x") + CAST(1)), CAST(0)), CAST(0))) AS "l"',
      '(CAST("x") / NULLIF(CAST("n"), CAST(0))) AS "r"',
      `CAST(CAST((("plan" = 'a') OR (CAST("x") > CAST(1))) AS INTEGER)) AS "cond"`,
    ]);
  });

  it('validates the pipeline first and says what is wrong with the options', () => {
    const json = pipeline([{ kind: 'number', column: 'x', output: 'x' }], ['x']);
    expect(() => pipelineToSql({ ...json, features: ['y'] }, 't')).toThrow(
      /features\[0\]: "y" is not written/,
    );
    expect(() => pipelineToSql(json, ' ')).toThrow(
      /needs a source: a table or view name, or a subquery/,
    );
    expect(() => pipelineToSql(json, 't', { keep: ['x'] })).toThrow(
      /keep lists "x" which is also a feature/,
    );
    expect(() => pipelineToSql(json, 't', { keep: ['id', 'id'] })).toThrow(/keep lists "id" twice/);
    expect(() => pipelineToSql(json, 't', { dialect: 'oracle' as 'duckdb' })).toThrow(
      /unknown SQL dialect "oracle": use one of duckdb, postgres/,
    );
  });
});
