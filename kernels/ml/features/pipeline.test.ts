import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { ArrowModule } from '../../platform';
import { createPipeline, loadPipeline } from './pipeline';

const arrowModule = arrow as unknown as ArrowModule;

const ROWS = [
  { plan: 'pro', spend: 10, tenure: 2 },
  { plan: 'basic', spend: null, tenure: 0 },
  { plan: 'pro', spend: 30, tenure: 6 },
];
const SPEC = {
  steps: [
    { kind: 'impute', column: 'spend', strategy: 'median' },
    { kind: 'standardize', column: 'spend' },
    { kind: 'oneHot', column: 'plan' },
    { kind: 'ratio', numerator: 'spend', denominator: 'tenure', as: 'per_month' },
    { kind: 'expression', sql: "plan = 'pro' AND tenure > 1", as: 'loyal_pro' },
  ],
};

describe('createPipeline and loadPipeline', () => {
  const pipeline = createPipeline(SPEC, arrowModule).fit(ROWS);

  it('fits on rows and transforms any data toFrame reads', () => {
    expect(pipeline.features).toEqual([
      'spend',
      'spend_missing',
      'plan=pro',
      'plan=basic',
      'plan=__other__',
      'per_month',
      'loyal_pro',
    ]);
    expect(pipeline.inputs).toEqual([
      { name: 'spend', type: 'number' },
      { name: 'plan', type: 'string' },
      { name: 'tenure', type: 'number' },
    ]);
    const matrix = pipeline.transform([{ plan: 'team', spend: 20, tenure: 4 }]);
    // spend: median 20, std 10 (of 10, 20, 30): (20 − 20) / 10 = 0; ratio of the standardized 0.
    expect(Array.from(matrix.values)).toEqual([0, 0, 0, 0, 1, 0, 0]);
  });

  it('round-trips through JSON text to the same hash, transform and SQL', () => {
    const text = JSON.stringify(pipeline.toJSON());
    const loaded = loadPipeline(text, arrowModule);
    expect(loaded.hash).toBe(pipeline.hash);
    expect(loaded.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(loaded.transform(ROWS)).toEqual(pipeline.transform(ROWS));
    expect(loaded.toSql('input', { dialect: 'postgres' })).toBe(
      pipeline.toSql('input', { dialect: 'postgres' }),
    );
    expect(pipeline.toSql('input')).toMatch(/^SELECT[\s\S]*FROM input$/);
  });

  it('names a pipeline by its statistics: refitting on other rows changes the hash', () => {
    const other = createPipeline(SPEC, arrowModule).fit([
      ...ROWS,
      { plan: 'pro', spend: 90, tenure: 1 },
    ]);
    expect(other.hash).not.toBe(pipeline.hash);
    expect(createPipeline(SPEC, arrowModule).fit(ROWS).hash).toBe(pipeline.hash);
  });

  it('toJSON is a copy', () => {
    const json = pipeline.toJSON();
    json.features.pop();
    expect(pipeline.toJSON().features).toHaveLength(7);
  });

  it('refuses a bad spec before any data, and bad JSON naming the step', () => {
    expect(() =>
      createPipeline({ steps: [{ kind: 'standardise', column: 'x' }] }, arrowModule),
    ).toThrow(/steps\[0\]\.kind must be one of/);
    const json = pipeline.toJSON();
    const broken = {
      ...json,
      steps: json.steps.map((step, i) => (i === 1 ? { ...step, std: 'x' } : step)),
    };
    expect(() => loadPipeline(broken, arrowModule)).toThrow(/step 1 \(standardize\)/);
    expect(() => loadPipeline('{', arrowModule)).toThrow(/not valid JSON/);
  });
});
