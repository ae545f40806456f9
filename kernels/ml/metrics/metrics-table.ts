/**
 * The metrics of several models side by side: one row per metric, one column per model (the
 * baseline first, so every figure reads against it), with the bootstrap interval of the
 * headline metric on the row under it. It shows as a table (the app's table view, HTML, plain
 * text); `rows` keeps the numbers for code that compares models.
 */
import type { ConfidenceInterval, Metrics } from '../ml-types';
import { TABULAR, type TableSource, type Tabular } from '../../display/table-source';

export type EvaluatedModel = {
  name: string;
  metrics: Metrics;
  /** A bootstrap interval (bootstrap.ts) of one of its metrics, shown under that metric. */
  interval?: ConfidenceInterval | null;
};

/** One row: the metric's label, its value per model (null where undefined) and as shown. */
export type MetricsTableRow = { metric: string; values: (number | null)[]; text: string[] };

export class MetricsTable implements Tabular {
  constructor(
    readonly models: readonly string[],
    readonly rows: readonly MetricsTableRow[],
  ) {}

  [TABULAR](): TableSource {
    const fields = ['metric', ...this.models].map((name) => ({
      name,
      type: 'string' as const,
      sourceType: 'Utf8',
    }));
    const records = this.rows.map((row) =>
      Object.fromEntries([
        ['metric', row.metric],
        ...this.models.map((model, i) => [model, row.text[i]]),
      ]),
    );
    return {
      fields,
      numRows: records.length,
      bytes: JSON.stringify(records).length * 2,
      rows: (indices) => Array.from(indices, (i) => records[i]),
      column: (field) => records.map((record) => record[fields[field].name]),
    };
  }

  toString(): string {
    return `MetricsTable(${this.models.join(', ')}: ${this.rows.length} metrics)`;
  }
}

/** Which figure a row shows: a field of the metrics, or one derived from them. */
type RowSpec<M> = { key: string; label: string; value: (metrics: M) => number | null };

const CLASSIFICATION_ROWS: RowSpec<Extract<Metrics, { task: 'classification' }>>[] = [
  { key: 'rows', label: 'rows', value: (m) => m.rows },
  { key: 'positiveRate', label: 'positive rate', value: (m) => m.positiveRate },
  { key: 'rocAuc', label: 'ROC-AUC', value: (m) => m.rocAuc },
  { key: 'prAuc', label: 'PR-AUC (average precision)', value: (m) => m.prAuc },
  { key: 'logLoss', label: 'log loss', value: (m) => m.logLoss },
  { key: 'brier', label: 'Brier score', value: (m) => m.brier },
  { key: 'threshold', label: 'threshold', value: (m) => m.threshold },
  { key: 'accuracy', label: 'accuracy', value: (m) => m.accuracy },
  { key: 'precision', label: 'precision', value: (m) => m.precision },
  { key: 'recall', label: 'recall', value: (m) => m.recall },
  { key: 'f1', label: 'F1', value: (m) => m.f1 },
  { key: 'tp', label: 'true positives', value: (m) => m.confusion.tp },
  { key: 'fp', label: 'false positives', value: (m) => m.confusion.fp },
  { key: 'tn', label: 'true negatives', value: (m) => m.confusion.tn },
  { key: 'fn', label: 'false negatives', value: (m) => m.confusion.fn },
];

const REGRESSION_ROWS: RowSpec<Extract<Metrics, { task: 'regression' }>>[] = [
  { key: 'rows', label: 'rows', value: (m) => m.rows },
  { key: 'mae', label: 'MAE', value: (m) => m.mae },
  { key: 'rmse', label: 'RMSE', value: (m) => m.rmse },
  { key: 'r2', label: 'R²', value: (m) => m.r2 },
];

export function metricsTable(models: readonly EvaluatedModel[]): MetricsTable {
  const names = checkedNames(models);
  const task = models[0].metrics.task;
  const rows: MetricsTableRow[] = [];
  const add = (spec: {
    key: string;
    label: string;
    value: (metrics: Metrics) => number | null;
  }) => {
    const values = models.map((model) => spec.value(model.metrics));
    rows.push({ metric: spec.label, values, text: values.map(formatMetric) });
    const intervals = models.map((model) =>
      model.interval && model.interval.metric === spec.key ? model.interval : null,
    );
    const shown = intervals.find((interval) => interval !== null);
    if (shown) {
      rows.push({
        metric: `${spec.label} ${Math.round(shown.level * 100)}% CI`,
        values: intervals.map(() => null),
        text: intervals.map((interval) =>
          interval ? `${formatMetric(interval.lower)} – ${formatMetric(interval.upper)}` : '—',
        ),
      });
    }
  };
  switch (task) {
    case 'classification':
      for (const spec of CLASSIFICATION_ROWS) add(forTask('classification', spec));
      for (const topPercent of commonLiftPercents(models)) {
        add({
          key: `lift${topPercent}`,
          label: `lift at top ${topPercent}%`,
          value: (m) =>
            m.task === 'classification'
              ? (m.lift.find((point) => point.topPercent === topPercent)?.lift ?? null)
              : null,
        });
      }
      break;
    case 'regression':
      for (const spec of REGRESSION_ROWS) add(forTask('regression', spec));
      break;
  }
  const warnings = models.map((model) => model.metrics.warnings.join(' '));
  if (warnings.some((text) => text !== '')) {
    rows.push({ metric: 'warnings', values: models.map(() => null), text: warnings });
  }
  return new MetricsTable(names, rows);
}

/** A row spec of one task applied to any metrics: every model was checked to share the task. */
function forTask<T extends Metrics['task']>(
  task: T,
  spec: RowSpec<Extract<Metrics, { task: T }>>,
): RowSpec<Metrics> {
  return {
    ...spec,
    value: (metrics) =>
      metrics.task === task ? spec.value(metrics as Extract<Metrics, { task: T }>) : null,
  };
}

function checkedNames(models: readonly EvaluatedModel[]): string[] {
  if (!Array.isArray(models) || models.length === 0) {
    throw new Error('metricsTable: pass an array of { name, metrics }, such as [baseline, model].');
  }
  const names = models.map((model, index) => {
    if (typeof model?.name !== 'string' || typeof model.metrics !== 'object') {
      throw new Error(`metricsTable: models[${index}] must be { name: string, metrics }.`);
    }
    return model.name;
  });
  const repeated = names.find((name, i) => names.indexOf(name) !== i || name === 'metric');
  if (repeated !== undefined) {
    throw new Error(
      `metricsTable: the model name "${repeated}" ${repeated === 'metric' ? 'is taken by the first column' : 'appears twice'}; give each model its own name.`,
    );
  }
  const tasks = new Set(models.map((model) => model.metrics.task));
  if (tasks.size > 1) {
    throw new Error(
      'metricsTable: the models mix classification and regression metrics; compare models of one task.',
    );
  }
  return names;
}

/** The lift percentages every model reports, in the first model's order. */
function commonLiftPercents(models: readonly EvaluatedModel[]): number[] {
  const percents = (metrics: Metrics) =>
    metrics.task === 'classification' ? metrics.lift.map((point) => point.topPercent) : [];
  return percents(models[0].metrics).filter((p) =>
    models.every((model) => percents(model.metrics).includes(p)),
  );
}

/** Whole numbers (counts) in full; others to 4 decimals below 1, 5 significant digits above. */
export function formatMetric(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return Math.abs(value) < 1 ? value.toFixed(4) : String(Number(value.toPrecision(5)));
}
