import { describe, expect, it } from 'vitest';
import { parsePipelineSpec } from './parse-spec';

const refuses = (value: unknown, message: RegExp) =>
  expect(() => parsePipelineSpec(value)).toThrow(message);

describe('parsePipelineSpec', () => {
  it('passes a well-formed spec through, without adding fields', () => {
    const spec = {
      steps: [
        { kind: 'impute', column: 'spend', strategy: 'constant', value: 0, indicator: false },
        { kind: 'clip', column: 'spend', max: 100, as: 'spend_clipped' },
        { kind: 'log', column: 'spend_clipped', offset: 2 },
        { kind: 'bucketize', column: 'tenure', boundaries: [6, 12, 24] },
        { kind: 'oneHot', column: 'plan', maxCategories: 5, minCount: 10 },
        { kind: 'vocabulary', column: 'region', maxSize: 3 },
        { kind: 'dateParts', column: 'signup', parts: ['year', 'dayOfWeek'] },
        { kind: 'ratio', numerator: 'spend', denominator: 'tenure', as: 'per_month' },
        { kind: 'expression', sql: 'tenure > 12', as: 'loyal' },
      ],
      features: ['per_month', 'loyal'],
    };
    expect(parsePipelineSpec(spec)).toEqual(spec);
    expect(parsePipelineSpec({ steps: [{ kind: 'number', column: 'x' }] })).toEqual({
      steps: [{ kind: 'number', column: 'x' }],
    });
  });

  it('names the step, the field, what was wrong and what is allowed', () => {
    refuses(null, /an object \{ steps: \[\.\.\.\] \}/);
    refuses({ steps: [] }, /at least one step/);
    refuses(
      { steps: [{ kind: 'scale', column: 'x' }] },
      /steps\[0\]\.kind must be one of .*'standardize'.*got 'scale'/,
    );
    refuses(
      { steps: [{ kind: 'log', column: 'x', ofset: 1 }] },
      /steps\[0\] \(log\) has no field 'ofset'; its fields are 'column', 'offset', 'as'/,
    );
    refuses(
      { steps: [{ kind: 'standardize' }] },
      /steps\[0\]\.column must be a column name.*got undefined/,
    );
    refuses(
      {
        steps: [
          { kind: 'number', column: 'a' },
          { kind: 'log', column: 'x', offset: 'one' },
        ],
      },
      /steps\[1\]\.offset must be a finite number, got 'one'/,
    );
    refuses({ steps: [{ kind: 'clip', column: 'x' }] }, /needs min, max or both/);
    refuses({ steps: [{ kind: 'clip', column: 'x', min: 5, max: 1 }] }, /min 5 is above max 1/);
    refuses(
      { steps: [{ kind: 'bucketize', column: 'x', boundaries: [3, 1] }] },
      /ascend strictly: 3 is followed by 1/,
    );
    refuses({ steps: [{ kind: 'bucketize', column: 'x', boundaries: [] }] }, /non-empty array/);
    refuses(
      { steps: [{ kind: 'impute', column: 'x', strategy: 'mode' }] },
      /strategy must be one of 'mean', 'median', 'constant'/,
    );
    refuses({ steps: [{ kind: 'impute', column: 'x', strategy: 'constant' }] }, /needs value/);
    refuses(
      { steps: [{ kind: 'impute', column: 'x', strategy: 'mean', value: 1 }] },
      /learns its fill/,
    );
    refuses(
      { steps: [{ kind: 'oneHot', column: 'x', maxCategories: 0 }] },
      /maxCategories must be a whole number ≥ 1/,
    );
    refuses(
      { steps: [{ kind: 'dateParts', column: 'd', parts: ['week'] }] },
      /parts must be a non-empty array of 'year'/,
    );
    refuses(
      { steps: [{ kind: 'dateParts', column: 'd', parts: ['year', 'year'] }] },
      /names a part twice/,
    );
    refuses(
      { steps: [{ kind: 'ratio', numerator: 'a', denominator: 'b' }] },
      /steps\[0\]\.as must be a column name/,
    );
    refuses(
      { steps: [{ kind: 'expression', sql: ' ', as: 'e' }] },
      /steps\[0\]\.sql must be non-empty text/,
    );
    refuses({ steps: [{ kind: 'number', column: 'x' }], features: ['x', 'x'] }, /names "x" twice/);
    refuses({ steps: [{ kind: 'number', column: 'x' }], extra: 1 }, /has no field 'extra'/);
  });
});
