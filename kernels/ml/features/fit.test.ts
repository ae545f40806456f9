import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { FittedStep, PipelineSpec } from '../../../core/features/pipeline-spec';
import type { ArrowModule } from '../../platform';
import { toFrame } from '../frame';
import { fitPipeline } from './fit';

const arrowModule = arrow as unknown as ArrowModule;

/** Five training customers; spend has a null, plan a null, tenure a constant-free spread. */
const TRAINING = toFrame(
  [
    { plan: 'pro', spend: 10, tenure: 1, contacts: 0, signup: new Date('2024-03-01T00:00:00Z') },
    {
      plan: 'basic',
      spend: null,
      tenure: 3,
      contacts: 2,
      signup: new Date('2023-12-31T00:00:00Z'),
    },
    { plan: 'pro', spend: 30, tenure: 5, contacts: 1, signup: new Date('2024-01-15T13:00:00Z') },
    { plan: null, spend: 20, tenure: 7, contacts: 0, signup: null },
    { plan: 'team', spend: 40, tenure: 9, contacts: 4, signup: new Date('2020-02-29T00:00:00Z') },
  ],
  arrowModule,
);

const fit = (spec: PipelineSpec) => fitPipeline(spec, TRAINING);
const onlyStep = (spec: PipelineSpec): FittedStep => fit(spec).steps[0];

describe('fitPipeline learns each step from the training rows', () => {
  it('standardize: mean and population std of the non-null values', () => {
    // spend 10, 30, 20, 40: mean 25, variance (225 + 25 + 25 + 225) / 4 = 125.
    expect(onlyStep({ steps: [{ kind: 'standardize', column: 'spend' }] })).toEqual({
      kind: 'standardize',
      column: 'spend',
      output: 'spend',
      mean: 25,
      std: Math.sqrt(125),
    });
  });

  it('minMax, log (offset 1 by default), clip, bucketize, number', () => {
    expect(onlyStep({ steps: [{ kind: 'minMax', column: 'tenure', as: 't' }] })).toEqual({
      kind: 'minMax',
      column: 'tenure',
      output: 't',
      min: 1,
      max: 9,
    });
    expect(onlyStep({ steps: [{ kind: 'log', column: 'spend' }] })).toMatchObject({ offset: 1 });
    expect(onlyStep({ steps: [{ kind: 'clip', column: 'spend', max: 25 }] })).toMatchObject({
      min: null,
      max: 25,
    });
    expect(
      onlyStep({ steps: [{ kind: 'bucketize', column: 'tenure', boundaries: [2, 6] }] }),
    ).toMatchObject({ boundaries: [2, 6] });
    expect(onlyStep({ steps: [{ kind: 'number', column: 'contacts' }] })).toEqual({
      kind: 'number',
      column: 'contacts',
      output: 'contacts',
    });
  });

  it('impute: the mean, the median (of the two middle values), or the constant', () => {
    const impute = (strategy: 'mean' | 'median') =>
      onlyStep({ steps: [{ kind: 'impute', column: 'spend', strategy }] });
    expect(impute('mean')).toMatchObject({ value: 25, indicator: 'spend_missing' });
    expect(impute('median')).toMatchObject({ value: 25 });
    expect(
      onlyStep({
        steps: [
          {
            kind: 'impute',
            column: 'spend',
            strategy: 'constant',
            value: -1,
            indicator: false,
            as: 's',
          },
        ],
      }),
    ).toEqual({
      kind: 'impute',
      column: 'spend',
      output: 's',
      strategy: 'constant',
      value: -1,
      indicator: null,
    });
  });

  it('oneHot and vocabulary keep the most frequent categories first, ties by value', () => {
    // pro ×2, basic ×1, team ×1 (null left out): pro, then basic before team.
    expect(onlyStep({ steps: [{ kind: 'oneHot', column: 'plan' }] })).toEqual({
      kind: 'oneHot',
      column: 'plan',
      categories: ['pro', 'basic', 'team'],
      outputs: ['plan=pro', 'plan=basic', 'plan=team'],
      other: 'plan=__other__',
    });
    expect(
      onlyStep({ steps: [{ kind: 'oneHot', column: 'plan', maxCategories: 2 }] }),
    ).toMatchObject({ categories: ['pro', 'basic'] });
    expect(
      onlyStep({ steps: [{ kind: 'vocabulary', column: 'plan', minCount: 2, as: 'plan_id' }] }),
    ).toEqual({ kind: 'vocabulary', column: 'plan', output: 'plan_id', vocabulary: ['pro'] });
  });

  it('oneHot of a number column: its values as text', () => {
    // contacts 0, 2, 1, 0, 4.
    expect(onlyStep({ steps: [{ kind: 'oneHot', column: 'contacts' }] })).toMatchObject({
      categories: ['0', '1', '2', '4'],
      outputs: ['contacts=0', 'contacts=1', 'contacts=2', 'contacts=4'],
    });
    expect(fit({ steps: [{ kind: 'oneHot', column: 'contacts' }] }).inputs).toEqual([
      { name: 'contacts', type: 'number' },
    ]);
  });

  it('dateParts names an output per part; ratio and expression name theirs with as', () => {
    expect(
      onlyStep({ steps: [{ kind: 'dateParts', column: 'signup', parts: ['year', 'epochDays'] }] }),
    ).toEqual({
      kind: 'dateParts',
      column: 'signup',
      parts: ['year', 'epochDays'],
      outputs: ['signup_year', 'signup_epochDays'],
    });
    expect(
      onlyStep({ steps: [{ kind: 'ratio', numerator: 'spend', denominator: 'tenure', as: 'r' }] }),
    ).toEqual({ kind: 'ratio', numerator: 'spend', denominator: 'tenure', output: 'r' });
    expect(onlyStep({ steps: [{ kind: 'expression', sql: 'tenure * 2', as: 'double' }] })).toEqual({
      kind: 'expression',
      sql: 'tenure * 2',
      output: 'double',
    });
  });

  it('a later step learns from what an earlier one wrote', () => {
    // Imputed spend: 10, 25, 30, 20, 40 → mean 25, variance (225 + 0 + 25 + 25 + 225) / 5 = 100.
    const json = fit({
      steps: [
        { kind: 'impute', column: 'spend', strategy: 'mean' },
        { kind: 'standardize', column: 'spend' },
      ],
    });
    expect(json.steps[1]).toMatchObject({ mean: 25, std: 10 });
  });
});

describe('fitPipeline: inputs and the feature list', () => {
  it('records the raw inputs in first-use order with their types, and the rows fitted', () => {
    const json = fit({
      steps: [
        { kind: 'impute', column: 'spend', strategy: 'mean' },
        { kind: 'ratio', numerator: 'spend', denominator: 'tenure', as: 'per_month' },
        { kind: 'oneHot', column: 'plan' },
        { kind: 'dateParts', column: 'signup', parts: ['month'] },
        { kind: 'expression', sql: "contacts > 1 AND plan = 'pro'", as: 'flag' },
      ],
    });
    expect(json.inputs).toEqual([
      { name: 'spend', type: 'number' },
      { name: 'tenure', type: 'number' },
      { name: 'plan', type: 'string' },
      { name: 'signup', type: 'date' },
      { name: 'contacts', type: 'number' },
    ]);
    expect(json.fittedRows).toBe(5);
    expect(json.format).toBe('quarry.pipeline');
    expect(json.version).toBe(1);
  });

  it('lists what steps wrote, in first-write order, minus what a later step consumed', () => {
    const json = fit({
      steps: [
        { kind: 'impute', column: 'spend', strategy: 'median' },
        { kind: 'standardize', column: 'spend', as: 'spend_z' },
        { kind: 'number', column: 'tenure' },
        { kind: 'bucketize', column: 'tenure', boundaries: [4] },
        { kind: 'vocabulary', column: 'plan', as: 'plan_id' },
        { kind: 'oneHot', column: 'plan', maxCategories: 1 },
        { kind: 'ratio', numerator: 'spend_z', denominator: 'tenure', as: 'ratio' },
      ],
    });
    // spend was consumed into spend_z (its indicator stays); tenure was replaced in place.
    expect(json.features).toEqual([
      'spend_missing',
      'spend_z',
      'tenure',
      'plan_id',
      'plan=pro',
      'plan=__other__',
      'ratio',
    ]);
  });

  it('takes the features the spec names, in its order', () => {
    const json = fit({
      steps: [
        { kind: 'impute', column: 'spend', strategy: 'mean' },
        { kind: 'number', column: 'tenure' },
      ],
      features: ['tenure', 'spend'],
    });
    expect(json.features).toEqual(['tenure', 'spend']);
  });
});

describe('fitPipeline refuses what it cannot fit, naming the step and the column', () => {
  const refuses = (spec: PipelineSpec, message: RegExp) => expect(() => fit(spec)).toThrow(message);

  it('a column that does not exist, or is of the wrong kind', () => {
    refuses(
      { steps: [{ kind: 'standardize', column: 'nope' }] },
      /steps\[0\] \(standardize "nope"\): there is no column "nope"/,
    );
    refuses(
      { steps: [{ kind: 'standardize', column: 'plan' }] },
      /steps\[0\].*"plan" is a text column.*oneHot or vocabulary/,
    );
    refuses(
      { steps: [{ kind: 'vocabulary', column: 'signup' }] },
      /"signup" is a date column, this step reads text or numbers/,
    );
    refuses({ steps: [{ kind: 'log', column: 'signup' }] }, /"signup" is a date column.*dateParts/);
    refuses(
      { steps: [{ kind: 'dateParts', column: 'plan', parts: ['year'] }] },
      /cast the column to DATE/,
    );
    refuses(
      { steps: [{ kind: 'expression', sql: 'signup + 1', as: 'x' }] },
      /steps\[0\] \(expression "signup \+ 1"\): "signup" is a date column/,
    );
  });

  it('an expression that does not parse or mixes types', () => {
    refuses(
      { steps: [{ kind: 'expression', sql: 'tenure +', as: 'x' }] },
      /steps\[0\] \(expression "tenure \+"\)/,
    );
    refuses({ steps: [{ kind: 'expression', sql: 'plan + 1', as: 'x' }] }, /steps\[0\].*'\+'/);
    refuses(
      { steps: [{ kind: 'expression', sql: "coalesce(plan, 'x')", as: 'x' }] },
      /yields text/,
    );
  });

  it('nothing to learn: all null, or no category frequent enough', () => {
    const empty = toFrame(
      [
        { spend: null, plan: 'a' },
        { spend: null, plan: 'b' },
      ],
      arrowModule,
    );
    expect(() => fitPipeline({ steps: [{ kind: 'standardize', column: 'spend' }] }, empty)).toThrow(
      /steps\[0\].*all null/,
    );
    refuses(
      { steps: [{ kind: 'oneHot', column: 'plan', minCount: 3 }] },
      /no category has 3 or more/,
    );
    expect(() =>
      fitPipeline({ steps: [{ kind: 'number', column: 'x' }] }, { numRows: 0, columns: new Map() }),
    ).toThrow(/needs training rows/);
  });

  it('an output that would silently replace another column', () => {
    refuses(
      { steps: [{ kind: 'standardize', column: 'spend', as: 'tenure' }] },
      /would write "tenure"/,
    );
    refuses(
      {
        steps: [
          { kind: 'number', column: 'tenure', as: 't' },
          { kind: 'ratio', numerator: 'spend', denominator: 'tenure', as: 't' },
        ],
      },
      /steps\[1\].*would write "t"/,
    );
  });

  it('features that no step writes', () => {
    refuses(
      { steps: [{ kind: 'number', column: 'tenure' }], features: ['spend'] },
      /"spend", a raw column no step writes.*kind: 'number'/,
    );
    refuses(
      { steps: [{ kind: 'number', column: 'tenure' }], features: ['zzz'] },
      /"zzz", which no step writes/,
    );
  });

  it('does not change the frame it fits on', () => {
    const before = Array.from((TRAINING.columns.get('spend') as { values: Float64Array }).values);
    fit({
      steps: [
        { kind: 'impute', column: 'spend', strategy: 'mean' },
        { kind: 'standardize', column: 'spend' },
      ],
    });
    expect(Array.from((TRAINING.columns.get('spend') as { values: Float64Array }).values)).toEqual(
      before,
    );
  });
});
