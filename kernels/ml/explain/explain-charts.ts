/**
 * The charts of explanations: permutation importance as horizontal bars (most important on top,
 * the spread over repeats as error bars), and one row's reason codes as bars pushing right (the
 * score up) or left (down), labelled with the feature's value in that row.
 */
import { PlotlyFigure } from '../../charts/plotly-charts';
import type { FeatureImportance, ReasonCodes, Task } from '../ml-types';

const PUSH_UP = '#d62728';
const PUSH_DOWN = '#1f77b4';

/** A bar's height in pixels, and the room for a title and an axis, so labels never overlap. */
const ROW_HEIGHT = 26;
const FRAME_HEIGHT = 120;

export type ImportanceChartOptions = {
  /** The metric the importances are drops of, for the axis title. Default `metric`. */
  metric?: string;
  title?: string;
};

export function importanceChart(
  importances: readonly FeatureImportance[],
  options: ImportanceChartOptions = {},
): PlotlyFigure {
  const sorted = [...importances].sort((a, b) => b.importance - a.importance);
  const features = sorted.map((entry) => entry.feature);
  return new PlotlyFigure(
    [
      {
        type: 'bar',
        orientation: 'h',
        name: 'importance',
        y: features,
        x: sorted.map((entry) => entry.importance),
        error_x: { type: 'data', array: sorted.map((entry) => entry.std), visible: true },
        hovertemplate: '%{y}: %{x:.4g}<extra></extra>',
      },
    ],
    {
      title: { text: options.title ?? 'Permutation importance' },
      xaxis: { title: { text: `Drop in ${options.metric ?? 'metric'} when shuffled` } },
      yaxis: categoryAxis(features),
      height: FRAME_HEIGHT + ROW_HEIGHT * features.length,
      showlegend: false,
    },
  );
}

export type ReasonCodesChartOptions = {
  /** Whether the pushes are on the log-odds (a classifier) or on the prediction. */
  task: Task;
  title?: string;
};

export function reasonCodesChart(
  codes: ReasonCodes,
  options: ReasonCodesChartOptions,
): PlotlyFigure {
  const labels = codes.contributions.map(
    (entry) => `${entry.feature} = ${formatNumber(entry.value)}`,
  );
  const trace = (name: string, color: string, keep: (contribution: number) => boolean) => {
    const kept = codes.contributions.flatMap((entry, i) =>
      keep(entry.contribution) ? [{ label: labels[i], contribution: entry.contribution }] : [],
    );
    return {
      type: 'bar',
      orientation: 'h',
      name,
      y: kept.map((entry) => entry.label),
      x: kept.map((entry) => entry.contribution),
      marker: { color },
      hovertemplate: '%{y}: %{x:+.4g}<extra></extra>',
    };
  };
  return new PlotlyFigure(
    [
      trace('pushes up', PUSH_UP, (contribution) => contribution > 0),
      trace('pushes down', PUSH_DOWN, (contribution) => contribution <= 0),
    ],
    {
      title: {
        text:
          options.title ??
          `Row ${codes.row}: score ${formatNumber(codes.score)} (reference ${formatNumber(codes.baseline)})`,
      },
      xaxis: { title: { text: pushAxisTitle(options.task) }, zeroline: true },
      yaxis: categoryAxis(labels),
      barmode: 'relative',
      height: FRAME_HEIGHT + ROW_HEIGHT * labels.length,
      showlegend: true,
    },
  );
}

function pushAxisTitle(task: Task): string {
  switch (task) {
    case 'classification':
      return 'Push on the log-odds, from the reference row';
    case 'regression':
      return 'Push on the prediction, from the reference row';
  }
}

/** Categories in the given order from the top down (plotly draws the first at the bottom). */
function categoryAxis(categories: string[]): Record<string, unknown> {
  return {
    type: 'category',
    categoryorder: 'array',
    categoryarray: categories,
    autorange: 'reversed',
    automargin: true,
  };
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(4).replace(/\.?0+$/, '');
}
