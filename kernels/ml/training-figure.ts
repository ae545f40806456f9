/**
 * What the live training display shows (training-display.ts), as a MIME bundle: a plotly figure
 * of the loss per epoch, with the validation loss and the validation metric (on its own axis, to
 * the right) when there is a validation split, under its title and a caption: epoch n/N, the
 * latest figures, the ETA and the backend and device; once training ended, how it ended and
 * which epoch's weights were kept (marked on the chart), and no time, which would make each
 * replay's output differ. `text/plain` says the same
 * for a terminal and for `quarry run`'s report.
 *
 * The x axis spans all N epochs from the start, so the curve grows from left to right instead
 * of the axis rescaling under it with every epoch.
 */
import { formatElapsed } from '../../core/jobs';
import { MIME, type MimeBundle } from '../../core/outputs';
import type { PlotlyPayload, PlotlyTrace } from '../../core/plotly-payload';
import { escapeHtml } from '../display/html';
import type { BackendInfo, EpochRecord, TrainingEnd } from './ml-types';

export type TrainingProgressInfo = {
  /** The epochs training will run at most. */
  epochs: number;
  backend: BackendInfo;
  /** Time left at the current pace; null before it can be told. */
  etaMs: number | null;
  /** What the validation metric is (`ROC-AUC`, `RMSE`); `validation metric` when not given. */
  metric?: string;
};

export type TrainingView = {
  title: string;
  history: readonly EpochRecord[];
  info: TrainingProgressInfo;
  /** How training ended, once it has. */
  ended: { end: TrainingEnd; bestEpoch: number | null } | null;
};

export function trainingBundle(view: TrainingView): MimeBundle {
  const caption = trainingCaption(view);
  return {
    [MIME.plotly]: trainingFigure(view, caption),
    [MIME.text]: `${view.title}: ${caption}`,
  };
}

export function trainingFigure(view: TrainingView, caption: string): PlotlyPayload {
  const { history, info, ended } = view;
  const epochs = history.map((record) => record.epoch);
  const metricName = info.metric ?? 'validation metric';
  const line = (name: string, y: (number | null)[], extra: PlotlyTrace = {}): PlotlyTrace => ({
    type: 'scatter',
    mode: 'lines+markers',
    name,
    x: epochs,
    y,
    ...extra,
  });
  const validationLoss = history.map((record) => finiteOrNull(record.validationLoss));
  const validationMetric = history.map((record) => finiteOrNull(record.validationMetric));
  const hasMetric = validationMetric.some((value) => value !== null);
  const data = [
    line(
      'loss',
      history.map((record) => finiteOrNull(record.loss)),
    ),
    ...(validationLoss.some((value) => value !== null)
      ? [line('validation loss', validationLoss)]
      : []),
    ...(hasMetric
      ? [line(metricName, validationMetric, { yaxis: 'y2', line: { dash: 'dot' } })]
      : []),
  ];
  const best = ended?.bestEpoch ?? null;
  const lastEpoch = Math.max(info.epochs, epochs.at(-1) ?? 1);
  return {
    data,
    layout: {
      // Plotly reads text as HTML-like markup: a `<` in a model's name must stay text. The title
      // stays the same while the caption changes, so the chart keeps its accessible name.
      title: { text: escapeHtml(view.title), x: 0, xanchor: 'left' },
      annotations: [
        {
          text: escapeHtml(caption),
          xref: 'paper',
          yref: 'paper',
          x: 0,
          y: 1,
          xanchor: 'left',
          yanchor: 'bottom',
          yshift: 6,
          showarrow: false,
          font: { size: 11 },
        },
      ],
      // Room above the plot for the caption, and to the right for the metric's axis.
      margin: { t: 64, r: hasMetric ? 56 : 16, b: 40, l: 52 },
      xaxis: { title: { text: 'epoch' }, range: [0.5, lastEpoch + 0.5] },
      yaxis: { title: { text: 'loss' } },
      ...(hasMetric
        ? { yaxis2: { title: { text: metricName }, overlaying: 'y', side: 'right' } }
        : {}),
      showlegend: true,
      legend: { orientation: 'h', y: -0.2 },
      // The renderer redraws the same figure in place: a zoom the user made stays.
      uirevision: 'training',
      ...(best === null
        ? {}
        : {
            shapes: [
              {
                type: 'line',
                xref: 'x',
                yref: 'paper',
                x0: best,
                x1: best,
                y0: 0,
                y1: 1,
                line: { dash: 'dash', width: 1 },
              },
            ],
          }),
    },
  };
}

/**
 * `epoch 12/50 · loss 0.4123 · validation loss 0.4311 · ROC-AUC 0.8312 · ETA 0:21 · WASM (SIMD,
 * 1 thread)`; once ended, `stopped at epoch 12/50, best epoch 9 kept · loss 0.4123 · …`.
 */
export function trainingCaption({ history, info, ended }: TrainingView): string {
  const last = history.at(-1);
  const done = last?.epoch ?? 0;
  const parts: string[] = [];
  // Once ended, the caption is what the saved output keeps: no elapsed time, which would differ
  // on every replay (the run's record keeps its duration; `ml.runs({ timings: true })` shows it).
  parts.push(
    ended ? endText(ended.end, done, info.epochs, ended.bestEpoch) : `epoch ${done}/${info.epochs}`,
  );
  if (last) {
    parts.push(`loss ${figure(last.loss)}`);
    if (last.validationLoss !== null) parts.push(`validation loss ${figure(last.validationLoss)}`);
    if (last.validationMetric !== null)
      parts.push(`${info.metric ?? 'validation metric'} ${figure(last.validationMetric)}`);
  }
  if (!ended && info.etaMs !== null && Number.isFinite(info.etaMs))
    parts.push(`ETA ${formatElapsed(Math.ceil(Math.max(0, info.etaMs) / 1000) * 1000)}`);
  parts.push(backendText(info.backend));
  return parts.join(' · ');
}

function endText(end: TrainingEnd, done: number, epochs: number, best: number | null): string {
  const kept = best === null ? '' : `, best epoch ${best} kept`;
  switch (end) {
    case 'completed':
      return `completed ${done}/${epochs} epochs${kept}`;
    case 'early-stopped':
      return `early-stopped at epoch ${done}/${epochs}${kept}`;
    case 'stopped':
      return `stopped at epoch ${done}/${epochs}${kept}`;
  }
}

/** The device, which names its backend (`WASM (SIMD, 1 thread)`), else both. */
export function backendText({ name, device }: { name: string; device: string }): string {
  return device.toLowerCase().includes(name.toLowerCase()) ? device : `${name}: ${device}`;
}

/** Four significant digits: enough to see a loss move, few enough to read. */
function figure(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(4))) : String(value);
}

/** A diverged loss (NaN, ∞) is a gap in the curve, not a point plotly cannot place. */
function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}
