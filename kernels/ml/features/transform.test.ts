import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { FittedPipelineJson, FittedStep } from '../../../core/features/pipeline-spec';
import type { ArrowModule } from '../../platform';
import { toFrame } from '../frame';
import type { FeatureMatrix, MlFrame } from '../ml-types';
import { fitPipeline } from './fit';
import { transformFrame } from './transform';

const arrowModule = arrow as unknown as ArrowModule;
const frameOf = (rows: Record<string, unknown>[]): MlFrame => toFrame(rows, arrowModule);

/** A pipeline of `steps` over `inputs`, its features every output (as a hand-written JSON). */
function pipelineOf(
  inputs: FittedPipelineJson['inputs'],
  steps: FittedStep[],
  features: string[],
): FittedPipelineJson {
  return { format: 'quarry.pipeline', version: 1, inputs, steps, features, fittedRows: 10 };
}

/** The matrix's column `feature` as numbers. */
function column(matrix: FeatureMatrix, feature: string): number[] {
  const j = matrix.features.indexOf(feature);
  const width = matrix.features.length;
  return Array.from({ length: matrix.rows }, (_, row) => matrix.values[row * width + j]);
}

const X = [{ name: 'x', type: 'number' as const }];
const xs = (values: (number | null)[]) => frameOf(values.map((x) => ({ x })));
const one = (step: FittedStep, values: (number | null)[], output = 'x'): number[] =>
  column(transformFrame(pipelineOf(X, [step], [output]), xs(values)), output);

describe('transformFrame applies each step as pipeline-spec.ts defines it', () => {
  it('standardize and minMax; a spread of 0 divides by 1; null stays NaN', () => {
    const standardize = { kind: 'standardize', column: 'x', output: 'x', mean: 2, std: 4 } as const;
    expect(one(standardize, [6, null, 0])).toEqual([1, NaN, -0.5]);
    expect(one({ ...standardize, std: 0 }, [6])).toEqual([4]);
    const minMax = { kind: 'minMax', column: 'x', output: 'x', min: 2, max: 6 } as const;
    expect(one(minMax, [4, 10, null])).toEqual([0.5, 2, NaN]);
    expect(one({ ...minMax, max: 2 }, [5])).toEqual([3]);
  });

  it('log of x + offset, null where that is ≤ 0; clip; bucketize counts boundaries ≤ x', () => {
    const log = { kind: 'log', column: 'x', output: 'x', offset: 1 } as const;
    expect(one(log, [0, Math.E - 1, -1, -2, null])).toEqual([0, 1, NaN, NaN, NaN]);
    const clip = { kind: 'clip', column: 'x', output: 'x', min: 0, max: 5 } as const;
    expect(one(clip, [-3, 2, 9, null])).toEqual([0, 2, 5, NaN]);
    expect(one({ ...clip, min: null }, [-3, 9])).toEqual([-3, 5]);
    const bucketize: FittedStep = {
      kind: 'bucketize',
      column: 'x',
      output: 'x',
      boundaries: [0, 10],
    };
    expect(one(bucketize, [-1, 0, 5, 10, 11, null])).toEqual([0, 1, 1, 2, 2, NaN]);
  });

  it('impute fills nulls and writes the indicator', () => {
    const step = {
      kind: 'impute',
      column: 'x',
      output: 'x',
      strategy: 'mean',
      value: 7,
      indicator: 'x_missing',
    } as const;
    const matrix = transformFrame(pipelineOf(X, [step], ['x', 'x_missing']), xs([1, null]));
    expect(Array.from(matrix.values)).toEqual([1, 0, 7, 1]);
  });

  it('oneHot: unseen and null go to other; vocabulary: 1-based, 0 for null or unseen', () => {
    const inputs = [{ name: 'plan', type: 'string' as const }];
    const frame = frameOf([
      { plan: 'pro' },
      { plan: 'enterprise' },
      { plan: null },
      { plan: 'basic' },
    ]);
    const oneHot: FittedStep = {
      kind: 'oneHot',
      column: 'plan',
      categories: ['pro', 'basic'],
      outputs: ['plan=pro', 'plan=basic'],
      other: 'plan=__other__',
    };
    const outputs = ['plan=pro', 'plan=basic', 'plan=__other__'];
    const matrix = transformFrame(pipelineOf(inputs, [oneHot], outputs), frame);
    expect(Array.from(matrix.values)).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 1, 0]);
    const vocabulary: FittedStep = {
      kind: 'vocabulary',
      column: 'plan',
      output: 'plan_id',
      vocabulary: ['pro', 'basic'],
    };
    expect(
      column(transformFrame(pipelineOf(inputs, [vocabulary], ['plan_id']), frame), 'plan_id'),
    ).toEqual([1, 0, 0, 2]);
  });

  it('oneHot and vocabulary of numbers match the text of each value', () => {
    const oneHot: FittedStep = {
      kind: 'oneHot',
      column: 'x',
      categories: ['1', '2.5'],
      outputs: ['x=1', 'x=2.5'],
      other: 'x=__other__',
    };
    const matrix = transformFrame(
      pipelineOf(X, [oneHot], ['x=1', 'x=2.5', 'x=__other__']),
      xs([1, 2.5, 3, null]),
    );
    expect(Array.from(matrix.values)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1]);
    const vocabulary: FittedStep = {
      kind: 'vocabulary',
      column: 'x',
      output: 'x',
      vocabulary: ['2.5', '1'],
    };
    expect(one(vocabulary, [1, 2.5, 3, null])).toEqual([2, 1, 0, 0]);
  });

  it('dateParts in UTC', () => {
    const inputs = [{ name: 'at', type: 'date' as const }];
    const parts = ['year', 'month', 'day', 'dayOfWeek', 'dayOfYear', 'hour', 'epochDays'] as const;
    const step: FittedStep = {
      kind: 'dateParts',
      column: 'at',
      parts: [...parts],
      outputs: parts.map((part) => `at_${part}`),
    };
    const frame = frameOf([
      { at: new Date('2024-12-31T23:30:00Z') },
      { at: new Date('1969-12-31T12:00:00Z') },
      { at: null },
    ]);
    const matrix = transformFrame(pipelineOf(inputs, [step], step.outputs), frame);
    // 2024 is a leap year: Dec 31 is day 366, a Tuesday; 1969-12-31 is a Wednesday, day −1.
    expect(Array.from(matrix.values.slice(0, 14))).toEqual([
      2024, 12, 31, 2, 366, 23, 20088, 1969, 12, 31, 3, 365, 12, -1,
    ]);
    expect(Array.from(matrix.values.slice(14)).every(Number.isNaN)).toBe(true);
  });

  it('ratio: null where the denominator is 0 or either side is null; expression', () => {
    const inputs = [
      { name: 'a', type: 'number' as const },
      { name: 'b', type: 'number' as const },
    ];
    const frame = frameOf([
      { a: 6, b: 3 },
      { a: 1, b: 0 },
      { a: null, b: 2 },
      { a: 2, b: null },
    ]);
    const steps: FittedStep[] = [
      { kind: 'ratio', numerator: 'a', denominator: 'b', output: 'r' },
      { kind: 'expression', sql: 'CASE WHEN r > 1 THEN a ELSE -b END', output: 'e' },
    ];
    const matrix = transformFrame(pipelineOf(inputs, steps, ['r', 'e']), frame);
    expect(column(matrix, 'r')).toEqual([2, NaN, NaN, NaN]);
    expect(column(matrix, 'e')).toEqual([6, -0, -2, NaN]);
  });
});

describe('transformFrame on other rows than the fit', () => {
  const training = frameOf([
    { plan: 'pro', spend: 10 },
    { plan: 'basic', spend: 30 },
  ]);
  const json = fitPipeline(
    {
      steps: [
        { kind: 'impute', column: 'spend', strategy: 'mean' },
        { kind: 'standardize', column: 'spend' },
        { kind: 'oneHot', column: 'plan' },
      ],
    },
    training,
  );

  it('uses the statistics of the fit, never of the rows it transforms', () => {
    const matrix = transformFrame(json, frameOf([{ plan: 'team', spend: null, extra: 1 }]));
    expect(matrix.features).toEqual([
      'spend',
      'spend_missing',
      'plan=basic',
      'plan=pro',
      'plan=__other__',
    ]);
    expect(Array.from(matrix.values)).toEqual([0, 1, 0, 0, 1]);
    expect(matrix.rows).toBe(1);
  });

  it('takes a column of nulls only for any input type', () => {
    const matrix = transformFrame(json, frameOf([{ plan: null, spend: null }]));
    expect(column(matrix, 'plan=__other__')).toEqual([1]);
  });

  it('names a missing or mistyped input and what the data has', () => {
    expect(() => transformFrame(json, frameOf([{ spend: 1 }]))).toThrow(
      /no column "plan", an input of the pipeline.*text.*"spend"/,
    );
    expect(() => transformFrame(json, frameOf([{ plan: 1, spend: 1 }]))).toThrow(
      /fitted on text in column "plan", the data holds numbers/,
    );
  });
});
