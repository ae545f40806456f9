import { describe, expect, it } from 'vitest';
import { DISPLAY } from '../../display/displayable';
import type { ReasonCodes } from '../ml-types';
import { importanceChart, reasonCodesChart } from './explain-charts';

const codes: ReasonCodes = {
  row: 12,
  score: 0.8123,
  baseline: 0.25,
  method: 'exact',
  contributions: [
    { feature: 'support_contacts_90d', value: 4, contribution: 1.5 },
    { feature: 'tenure_months', value: -1.25, contribution: -0.75 },
    { feature: 'monthly_spend', value: 0.3333333, contribution: 0.25 },
  ],
};

describe('importanceChart', () => {
  it('draws horizontal bars, most important on top, the spread as error bars', () => {
    const figure = importanceChart(
      [
        { feature: 'noise', importance: 0.001, std: 0.002 },
        { feature: 'tenure_months', importance: 0.12, std: 0.01 },
      ],
      { metric: 'ROC-AUC' },
    );
    expect(figure.data).toHaveLength(1);
    expect(figure.data[0]).toMatchObject({
      type: 'bar',
      orientation: 'h',
      y: ['tenure_months', 'noise'],
      x: [0.12, 0.001],
      error_x: { type: 'data', array: [0.01, 0.002], visible: true },
    });
    expect(figure.layout).toMatchObject({
      title: { text: 'Permutation importance' },
      xaxis: { title: { text: 'Drop in ROC-AUC when shuffled' } },
      yaxis: { categoryarray: ['tenure_months', 'noise'], autorange: 'reversed' },
    });
    expect(figure[DISPLAY]()['text/plain']).toBe('<Figure "Permutation importance": 1 trace>');
  });
});

describe('reasonCodesChart', () => {
  it('splits pushes up and down into two traces, in the order of the reason codes', () => {
    const figure = reasonCodesChart(codes, { task: 'classification' });
    const labels = ['support_contacts_90d = 4', 'tenure_months = -1.25', 'monthly_spend = 0.3333'];
    expect(figure.data.map((trace) => [trace.name, trace.y, trace.x])).toEqual([
      ['pushes up', [labels[0], labels[2]], [1.5, 0.25]],
      ['pushes down', [labels[1]], [-0.75]],
    ]);
    expect(figure.layout).toMatchObject({
      title: { text: 'Row 12: score 0.8123 (reference 0.25)' },
      xaxis: { title: { text: 'Push on the log-odds, from the reference row' } },
      yaxis: { categoryarray: labels, autorange: 'reversed' },
    });
  });

  it('names the prediction as what a regressor’s pushes move', () => {
    const figure = reasonCodesChart(codes, { task: 'regression', title: 'Why this customer' });
    expect(figure.layout).toMatchObject({
      title: { text: 'Why this customer' },
      xaxis: { title: { text: 'Push on the prediction, from the reference row' } },
    });
  });
});
