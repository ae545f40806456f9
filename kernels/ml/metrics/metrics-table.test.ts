import { describe, expect, it } from 'vitest';
import { MIME } from '../../../core/outputs';
import type { TableResource } from '../../../core/table-resource';
import { tableBundle } from '../../display/table-bundle';
import { TABULAR } from '../../display/table-source';
import type { ConfidenceInterval } from '../ml-types';
import { evaluate } from './evaluate';
import { formatMetric, metricsTable } from './metrics-table';

const labels = [1, 0, 1, 0, 0];
const model = evaluate(labels, [0.8, 0.6, 0.4, 0.4, 0.2], { liftAt: [20, 100] });
const baseline = evaluate(labels, [0.4, 0.4, 0.4, 0.4, 0.4], { liftAt: [20, 100] });
const interval: ConfidenceInterval = {
  metric: 'rocAuc',
  value: 0.75,
  lower: 0.5,
  upper: 0.96,
  level: 0.95,
  resamples: 1000,
};

describe('metricsTable', () => {
  it('puts one column per model and the interval under the headline metric', () => {
    const table = metricsTable([
      { name: 'baseline', metrics: baseline },
      { name: 'logistic', metrics: model, interval },
    ]);
    expect(table.models).toEqual(['baseline', 'logistic']);
    const byMetric = new Map(table.rows.map((row) => [row.metric, row]));
    expect(byMetric.get('ROC-AUC')).toEqual({
      metric: 'ROC-AUC',
      values: [0.5, 0.75],
      text: ['0.5000', '0.7500'],
    });
    const metricsOrder = table.rows.map((row) => row.metric);
    expect(metricsOrder.indexOf('ROC-AUC 95% CI')).toBe(metricsOrder.indexOf('ROC-AUC') + 1);
    expect(byMetric.get('ROC-AUC 95% CI')?.text).toEqual(['—', '0.5000 – 0.9600']);
    expect(byMetric.get('true positives')?.values).toEqual([0, 1]);
    // The baseline's .4 for every row is below .5: it predicts nobody positive, and says so.
    expect(byMetric.get('warnings')?.text[0]).toMatch(/No row scores at or above/);
    expect(byMetric.get('warnings')?.text[1]).toBe('');
    // Lift: the model's top 20% is its .8 row (positive): 1 / .4 = 2.5; the baseline's top
    // 20% is a fifth of its single tie group, as rich as the whole: 1.
    expect(byMetric.get('lift at top 20%')?.values).toEqual([1, 2.5]);
  });

  it('shows as a table bundle', () => {
    const table = metricsTable([
      { name: 'baseline', metrics: baseline },
      { name: 'logistic', metrics: model, interval },
    ]);
    const bundle = tableBundle(table[TABULAR]());
    const resource = bundle[MIME.table] as TableResource;
    expect(resource.schema.fields.map((f) => f.name)).toEqual(['metric', 'baseline', 'logistic']);
    expect(resource.data[0]).toEqual({ metric: 'rows', baseline: '5', logistic: '5' });
    expect(String(bundle[MIME.text])).toContain('ROC-AUC 95% CI');
  });

  it('lists regression metrics', () => {
    const metrics = evaluate([3, -0.5, 2, 7], [2.5, 0, 2, 8], { task: 'regression' });
    const table = metricsTable([{ name: 'linear', metrics }]);
    expect(table.rows.map((row) => row.metric)).toEqual(['rows', 'MAE', 'RMSE', 'R²']);
    expect(table.rows[3].text).toEqual(['0.9486']);
  });

  it('refuses mixed tasks, repeated names and an empty list', () => {
    const regression = evaluate([1, 2], [1, 2], { task: 'regression' });
    expect(() =>
      metricsTable([
        { name: 'a', metrics: model },
        { name: 'b', metrics: regression },
      ]),
    ).toThrow(/mix classification and regression/);
    expect(() =>
      metricsTable([
        { name: 'a', metrics: model },
        { name: 'a', metrics: model },
      ]),
    ).toThrow(/"a" appears twice/);
    expect(() => metricsTable([])).toThrow(/pass an array/);
  });
});

describe('formatMetric', () => {
  it('shows counts in full, ratios to 4 decimals, larger figures to 5 digits', () => {
    expect(formatMetric(12345)).toBe('12,345');
    expect(formatMetric(0.123456)).toBe('0.1235');
    expect(formatMetric(123.4567)).toBe('123.46');
    expect(formatMetric(null)).toBe('—');
  });
});
