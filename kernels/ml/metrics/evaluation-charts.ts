/**
 * ROC, precision–recall and calibration charts of one or more models on the same rows, so the
 * baseline sits beside the model it should be beaten by: a curve that looks good alone often
 * sits on the baseline's. Each chart draws the reference a reader needs (chance, the positive
 * rate, the diagonal of perfect calibration). Curves are thinned to a fixed number of points, so
 * a million-row evaluation stores a few thousand numbers in the notebook, not millions.
 */
import type { PlotlyTrace } from '../../../core/plotly-payload';
import { PlotlyFigure } from '../../charts/plotly-charts';
import { calibrationBins } from './calibration';
import type { Numbers } from './inputs';
import { positiveRateOf } from './lift';
import { averagePrecisionOf, prCurveOf, rankedCounts, rocAucOf, rocCurveOf } from './ranking';

/** One model's scores on labelled rows. */
export type ScoredModel = { name: string; labels: Numbers; scores: Numbers; weights?: Numbers };

export type ChartOptions = { title?: string };

/** The most points one curve keeps; past it, evenly spaced points along the curve. */
export const MAX_CURVE_POINTS = 1000;

const REFERENCE_LINE = { color: '#888', dash: 'dash', width: 1 };

export function rocChart(models: readonly ScoredModel[], options: ChartOptions = {}): PlotlyFigure {
  const traces = checkedModels('rocChart', models).map((model): PlotlyTrace => {
    const fn = `rocChart, model "${model.name}"`;
    const counts = rankedCounts(fn, model.labels, model.scores, model.weights);
    const { fpr, tpr, thresholds } = rocCurveOf(counts, fn);
    const auc = rocAucOf(counts, fn);
    const keep = thinned(fpr.length);
    return {
      type: 'scatter',
      mode: 'lines',
      name: `${model.name} (ROC-AUC ${auc.toFixed(3)})`,
      x: pick(fpr, keep),
      y: pick(tpr, keep),
      customdata: pick(thresholds, keep),
      hovertemplate: `threshold %{customdata:.3f}<br>false positive rate %{x:.3f}<br>true positive rate %{y:.3f}<extra>${model.name}</extra>`,
    };
  });
  traces.push(diagonal('chance'));
  return new PlotlyFigure(
    traces,
    layout(options.title ?? 'ROC curve', 'False positive rate', 'True positive rate', 'bottom'),
  );
}

export function prChart(models: readonly ScoredModel[], options: ChartOptions = {}): PlotlyFigure {
  const checked = checkedModels('prChart', models);
  const traces = checked.map((model): PlotlyTrace => {
    const fn = `prChart, model "${model.name}"`;
    const counts = rankedCounts(fn, model.labels, model.scores, model.weights);
    const { precision, recall, thresholds } = prCurveOf(counts, fn);
    const ap = averagePrecisionOf(counts, fn);
    const keep = thinned(recall.length);
    return {
      type: 'scatter',
      mode: 'lines',
      // Average precision is the area under this step function: precision holds from each
      // recall to the next, so the line steps up (or down) first, then runs flat.
      line: { shape: 'vh' },
      name: `${model.name} (PR-AUC ${ap.toFixed(3)})`,
      x: pick(recall, keep),
      y: pick(precision, keep),
      customdata: pick(thresholds, keep),
      hovertemplate: `threshold %{customdata:.3f}<br>recall %{x:.3f}<br>precision %{y:.3f}<extra>${model.name}</extra>`,
    };
  });
  // A model that ranks at random has precision equal to the positive rate at every recall.
  const rates = [...new Set(checked.map((m) => positiveRateOf(m.labels, m.weights)))];
  for (const rate of rates) {
    traces.push({
      type: 'scatter',
      mode: 'lines',
      name: `no skill (positive rate ${rate.toFixed(3)})`,
      x: [0, 1],
      y: [rate, rate],
      line: REFERENCE_LINE,
      hoverinfo: 'skip',
    });
  }
  return new PlotlyFigure(
    traces,
    layout(options.title ?? 'Precision–recall curve', 'Recall', 'Precision', 'top'),
  );
}

export function calibrationChart(
  models: readonly ScoredModel[],
  options: ChartOptions & { bins?: number } = {},
): PlotlyFigure {
  const traces = checkedModels('calibrationChart', models).map((model): PlotlyTrace => {
    const bins = calibrationBins(model.labels, model.scores, {
      bins: options.bins,
      weights: model.weights,
      fn: `calibrationChart, model "${model.name}"`,
    });
    return {
      type: 'scatter',
      mode: 'lines+markers',
      name: model.name,
      x: bins.map((bin) => bin.meanScore),
      y: bins.map((bin) => bin.positiveRate),
      customdata: bins.map((bin) => bin.count),
      hovertemplate: `mean score %{x:.3f}<br>positive rate %{y:.3f}<br>rows %{customdata}<extra>${model.name}</extra>`,
    };
  });
  traces.push(diagonal('perfectly calibrated'));
  return new PlotlyFigure(
    traces,
    layout(
      options.title ?? 'Calibration',
      'Mean predicted probability',
      'Observed positive rate',
      'bottom',
    ),
  );
}

function checkedModels(fn: string, models: readonly ScoredModel[]): readonly ScoredModel[] {
  if (!Array.isArray(models) || models.length === 0) {
    throw new Error(
      `${fn}: pass an array of models, each { name, labels, scores }, such as [baseline, model].`,
    );
  }
  for (const [index, model] of models.entries()) {
    if (typeof model !== 'object' || model === null || typeof model.name !== 'string') {
      throw new Error(`${fn}: models[${index}] must be { name: string, labels, scores }.`);
    }
  }
  return models;
}

/** Indices of at most MAX_CURVE_POINTS points, evenly spaced, always the first and last. */
function thinned(length: number): number[] {
  if (length <= MAX_CURVE_POINTS) return Array.from({ length }, (_, i) => i);
  const step = (length - 1) / (MAX_CURVE_POINTS - 1);
  return Array.from({ length: MAX_CURVE_POINTS }, (_, i) => Math.round(i * step));
}

/** Plain numbers for JSON (a typed array would serialise as an object); ±∞ as null. */
function pick(values: Float64Array, indices: number[]): (number | null)[] {
  return indices.map((i) => (Number.isFinite(values[i]) ? values[i] : null));
}

/** The legend sits in the right-hand corner the curves leave empty (`bottom` for ROC). */
function layout(
  title: string,
  x: string,
  y: string,
  legend: 'top' | 'bottom',
): Record<string, unknown> {
  return {
    title: { text: title },
    xaxis: { title: { text: x }, range: [0, 1] },
    yaxis: { title: { text: y }, range: [0, 1.02] },
    showlegend: true,
    legend: { x: 1, xanchor: 'right', y: legend === 'top' ? 1 : 0, yanchor: legend },
  };
}

/** The dashed line from (0, 0) to (1, 1): chance on a ROC chart, perfection on a calibration one. */
function diagonal(name: string): PlotlyTrace {
  return {
    type: 'scatter',
    mode: 'lines',
    name,
    x: [0, 1],
    y: [0, 1],
    line: REFERENCE_LINE,
    hoverinfo: 'skip',
  };
}
