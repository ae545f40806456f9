import { describe, expect, it } from 'vitest';
import { MIME } from '../../../core/outputs';
import { DISPLAY } from '../../display/displayable';
import { createRandom } from '../random';
import { calibrationChart, MAX_CURVE_POINTS, prChart, rocChart } from './evaluation-charts';

// y = 0 0 1 1, model s = .1 .4 .35 .8 (ROC-AUC .75, AP .8333); the prior baseline scores .5.
const labels = [0, 0, 1, 1];
const model = { name: 'logistic', labels, scores: [0.1, 0.4, 0.35, 0.8] };
const baseline = { name: 'baseline', labels, scores: [0.5, 0.5, 0.5, 0.5] };

describe('rocChart', () => {
  it('draws each model beside the baseline, with its area in the legend, and chance', () => {
    const figure = rocChart([baseline, model]);
    expect(figure.data.map((t) => t.name)).toEqual([
      'baseline (ROC-AUC 0.500)',
      'logistic (ROC-AUC 0.750)',
      'chance',
    ]);
    // From (0, 0) at +∞ (null in JSON) through each distinct score.
    expect(figure.data[1]).toMatchObject({
      x: [0, 0, 0.5, 0.5, 1],
      y: [0, 0.5, 0.5, 1, 1],
      customdata: [null, 0.8, 0.4, 0.35, 0.1],
    });
    expect(figure.data[0]).toMatchObject({ x: [0, 1], y: [0, 1] });
    expect(figure.layout).toMatchObject({ title: { text: 'ROC curve' } });
    // JSON-safe: plain arrays, no typed arrays or infinities.
    expect(JSON.parse(JSON.stringify(figure.data))).toEqual(figure.data);
    const bundle = figure[DISPLAY]();
    expect(bundle[MIME.text]).toBe('<Figure "ROC curve": 3 traces>');
  });

  it('thins a curve of many distinct scores to a bounded number of points', () => {
    const random = createRandom(1);
    const n = 50_000;
    const y = Float32Array.from({ length: n }, () => (random.next() < 0.3 ? 1 : 0));
    const s = Float32Array.from(y, (label) => random.next() * 0.7 + label * 0.3);
    const [trace] = rocChart([{ name: 'mlp', labels: y, scores: s }]).data;
    const xs = trace.x as number[];
    const ys = trace.y as number[];
    expect(xs.length).toBe(MAX_CURVE_POINTS);
    expect([xs[0], ys[0]]).toEqual([0, 0]);
    expect([xs.at(-1), ys.at(-1)]).toEqual([1, 1]);
    expect(xs.every((x, i) => i === 0 || x >= xs[i - 1])).toBe(true);
  });

  it('names the model whose labels hold one class', () => {
    expect(() => rocChart([{ name: 'mlp', labels: [1, 1], scores: [0.2, 0.3] }])).toThrow(
      /rocChart, model "mlp": no negative \(0\) labels/,
    );
    expect(() => rocChart([])).toThrow(/pass an array of models/);
    expect(() => calibrationChart([{ name: 'raw', labels: [0, 1], scores: [-2, 3] }])).toThrow(
      /calibrationChart, model "raw": scores\[0\] is -2, not a probability/,
    );
  });
});

describe('prChart', () => {
  it('draws step curves with average precision in the legend and the positive rate', () => {
    const figure = prChart([baseline, model]);
    expect(figure.data.map((t) => t.name)).toEqual([
      'baseline (PR-AUC 0.500)',
      'logistic (PR-AUC 0.833)',
      'no skill (positive rate 0.500)',
    ]);
    expect(figure.data[1]).toMatchObject({
      x: [0, 0.5, 0.5, 1, 1],
      y: [1, 1, 0.5, 2 / 3, 0.5],
      line: { shape: 'vh' },
    });
    expect(figure.data[2]).toMatchObject({ x: [0, 1], y: [0.5, 0.5] });
  });
});

describe('calibrationChart', () => {
  it('plots each model’s bins against the diagonal', () => {
    const figure = calibrationChart([baseline, model], { bins: 2 });
    // Baseline: one bin [.5, 1) holding every row: mean score .5, positive rate .5.
    expect(figure.data[0]).toMatchObject({ name: 'baseline', x: [0.5], y: [0.5], customdata: [4] });
    // Model: bin [0, .5) has .1 .4 .35 (y 0 0 1), bin [.5, 1] has .8 (y 1).
    expect(figure.data[1].x).toEqual([(0.1 + 0.4 + 0.35) / 3, 0.8]);
    expect(figure.data[1].y).toEqual([1 / 3, 1]);
    expect(figure.data[2]).toMatchObject({ name: 'perfectly calibrated', x: [0, 1], y: [0, 1] });
  });
});
