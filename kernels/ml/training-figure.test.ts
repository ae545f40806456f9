import { describe, expect, it } from 'vitest';
import { MIME } from '../../core/outputs';
import type { EpochRecord } from './ml-types';
import {
  trainingBundle,
  trainingCaption,
  trainingFigure,
  type TrainingView,
} from './training-figure';

const record = (epoch: number, extra: Partial<EpochRecord> = {}): EpochRecord => ({
  epoch,
  loss: 0.5 / epoch,
  validationLoss: 0.6 / epoch,
  validationMetric: 0.8,
  durationMs: 1500,
  ...extra,
});

const view = (overrides: Partial<TrainingView> = {}): TrainingView => ({
  title: 'Training <MLP>',
  history: [record(1), record(2)],
  info: {
    epochs: 10,
    backend: { name: 'webgpu', device: 'Apple M2 (metal-3)' },
    etaMs: 65_200,
    metric: 'ROC-AUC',
  },
  ended: null,
  ...overrides,
});

describe('trainingFigure', () => {
  it('draws loss, validation loss and the metric (right axis) over all N epochs', () => {
    const figure = trainingFigure(view(), 'caption');
    expect(figure.data.map((trace) => [trace.name, trace.y, trace.yaxis])).toEqual([
      ['loss', [0.5, 0.25], undefined],
      ['validation loss', [0.6, 0.3], undefined],
      ['ROC-AUC', [0.8, 0.8], 'y2'],
    ]);
    expect(figure.data[0].x).toEqual([1, 2]);
    expect(figure.layout.xaxis).toEqual({ title: { text: 'epoch' }, range: [0.5, 10.5] });
    expect(figure.layout.yaxis2).toMatchObject({ overlaying: 'y', side: 'right' });
    expect(figure.layout.title).toMatchObject({ text: 'Training &lt;MLP&gt;' });
    expect(figure.layout.annotations).toEqual([
      expect.objectContaining({ text: 'caption', xref: 'paper', yref: 'paper', showarrow: false }),
    ]);
    expect(figure.layout.shapes).toBeUndefined();
  });

  it('leaves out what has no validation split, draws a diverged loss as a gap, marks the best epoch', () => {
    const history = [
      record(1, { validationLoss: null, validationMetric: null }),
      record(2, { loss: Number.NaN, validationLoss: null, validationMetric: null }),
    ];
    const figure = trainingFigure(
      view({ history, ended: { end: 'stopped', bestEpoch: 1 } }),
      'caption',
    );
    expect(figure.data.map((trace) => [trace.name, trace.y])).toEqual([['loss', [0.5, null]]]);
    expect(figure.layout.yaxis2).toBeUndefined();
    expect(figure.layout.shapes).toEqual([
      expect.objectContaining({ x0: 1, x1: 1, yref: 'paper' }),
    ]);
  });
});

describe('trainingCaption', () => {
  it('while training: epoch n/N, the latest figures, the ETA, the backend and device', () => {
    expect(trainingCaption(view())).toBe(
      'epoch 2/10 · loss 0.25 · validation loss 0.3 · ROC-AUC 0.8 · ETA 1:06 · webgpu: Apple M2 (metal-3)',
    );
    expect(trainingCaption(view({ history: [], info: { ...view().info, etaMs: null } }))).toBe(
      'epoch 0/10 · webgpu: Apple M2 (metal-3)',
    );
  });

  it('once ended: how, the epoch it ended at, the weights kept, and no time (replays agree)', () => {
    const ended = (end: 'completed' | 'early-stopped' | 'stopped', best: number | null) =>
      trainingCaption(view({ ended: { end, bestEpoch: best } }))
        .split(' · ')
        .slice(0, 2);
    expect(ended('stopped', 1)).toEqual(['stopped at epoch 2/10, best epoch 1 kept', 'loss 0.25']);
    expect(ended('early-stopped', 2)).toEqual([
      'early-stopped at epoch 2/10, best epoch 2 kept',
      'loss 0.25',
    ]);
    expect(ended('completed', null)).toEqual(['completed 2/10 epochs', 'loss 0.25']);
    expect(trainingCaption(view({ ended: { end: 'completed', bestEpoch: 2 } }))).not.toMatch(
      /ETA|\d s\b/,
    );
  });
});

describe('trainingBundle', () => {
  it('is the figure for the app and the caption as text for a terminal', () => {
    const bundle = trainingBundle(view());
    expect(Object.keys(bundle).sort()).toEqual([MIME.plotly, MIME.text].sort());
    expect(bundle[MIME.text]).toBe(`Training <MLP>: ${trainingCaption(view())}`);
  });
});
