/**
 * Chart helpers (`chart.line`, `chart.scatter`, `chart.bar`, `chart.histogram`) that build plotly
 * figures, shown as `application/vnd.plotly.v1+json`. Histograms are binned here rather than by
 * plotly, so a chart of a million values stores a few dozen bars in the notebook, not the values.
 */
import { MIME, type MimeBundle } from '../../core/outputs';
import type { PlotlyPayload, PlotlyTrace } from '../../core/plotly-payload';
import { DISPLAY, type Displayable } from '../display/displayable';
import type { KernelLibraries } from '../platform';
import { columnReader, type ChartData, type ColumnReader } from './chart-data';
import { histogramBins } from './histogram-bins';

export type XYOptions = { x: string; y: string | string[]; color?: string; title?: string };
export type HistogramOptions = { x: string; bins?: number; color?: string; title?: string };

/** The most points a chart embeds; past it, aggregate in SQL first (a notebook stays small). */
export const MAX_CHART_POINTS = 200_000;

export class PlotlyFigure implements Displayable {
  constructor(
    readonly data: PlotlyTrace[],
    readonly layout: Record<string, unknown>,
  ) {}

  [DISPLAY](): MimeBundle {
    const title = (this.layout.title as { text?: string } | undefined)?.text;
    return {
      [MIME.plotly]: { data: this.data, layout: this.layout } satisfies PlotlyPayload,
      [MIME.text]: `<Figure${title ? ` "${title}"` : ''}: ${this.data.length} ${this.data.length === 1 ? 'trace' : 'traces'}>`,
    };
  }
}

export function createChartHelpers(libs: KernelLibraries) {
  const xy = (kind: 'line' | 'scatter' | 'bar') => (data: ChartData, options: XYOptions) => {
    const reader = checkedReader(data, libs);
    const ys = Array.isArray(options.y) ? options.y : [options.y];
    const x = reader.column(options.x);
    const traces = ys.flatMap((y) =>
      groups(reader, options.color, [x, reader.column(y)]).map(
        ({ name, columns: [xs, values] }) => ({
          ...traceStyle(kind),
          name: name ?? (ys.length > 1 ? y : undefined),
          x: xs.map(plotValue),
          y: values.map(plotValue),
        }),
      ),
    );
    return new PlotlyFigure(
      traces,
      layoutFor(options.title, options.x, ys.length === 1 ? ys[0] : undefined, traces.length > 1),
    );
  };

  return {
    line: xy('line'),
    scatter: xy('scatter'),
    bar: xy('bar'),
    // Binned here, so no point limit: a million values become `bins` bars.
    histogram(data: ChartData, options: HistogramOptions): PlotlyFigure {
      const reader = columnReader(data, libs);
      const all = reader.column(options.x).filter(isFiniteNumber);
      const bins = histogramBins(all, options.bins ?? 30);
      const traces = groups(reader, options.color, [reader.column(options.x)]).map(
        ({ name, columns: [values] }) => {
          const counts = bins.count(values.filter(isFiniteNumber));
          return {
            type: 'bar',
            name,
            x: bins.centers,
            y: counts,
            width: bins.widths,
            opacity: options.color ? 0.6 : 1,
          };
        },
      );
      const layout = layoutFor(options.title, options.x, 'count', traces.length > 1);
      return new PlotlyFigure(traces, { ...layout, barmode: 'overlay', bargap: 0 });
    },
  };
}

export type ChartHelpers = ReturnType<typeof createChartHelpers>;

function checkedReader(data: ChartData, libs: KernelLibraries): ColumnReader {
  const reader = columnReader(data, libs);
  if (reader.numRows > MAX_CHART_POINTS) {
    throw new RangeError(
      `chart: ${reader.numRows.toLocaleString('en-US')} rows is more than the ${MAX_CHART_POINTS.toLocaleString('en-US')} a chart embeds; aggregate or sample in SQL first`,
    );
  }
  return reader;
}

/** Splits columns by the distinct values of the color column (one trace per group). */
function groups(
  reader: ColumnReader,
  color: string | undefined,
  columns: unknown[][],
): { name: string | undefined; columns: unknown[][] }[] {
  if (!color) return [{ name: undefined, columns }];
  const keys = reader.column(color);
  const byKey = new Map<string, number[]>();
  keys.forEach((key, row) => {
    const name = String(key ?? 'null');
    const rows = byKey.get(name) ?? [];
    rows.push(row);
    byKey.set(name, rows);
  });
  return [...byKey]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([name, rows]) => ({
      name: `${color}=${name}`,
      columns: columns.map((c) => rows.map((r) => c[r])),
    }));
}

function traceStyle(kind: 'line' | 'scatter' | 'bar'): PlotlyTrace {
  switch (kind) {
    case 'line':
      return { type: 'scatter', mode: 'lines' };
    case 'scatter':
      return { type: 'scatter', mode: 'markers' };
    case 'bar':
      return { type: 'bar' };
  }
}

function layoutFor(
  title: string | undefined,
  x: string,
  y: string | undefined,
  legend: boolean,
): Record<string, unknown> {
  return {
    ...(title ? { title: { text: title } } : {}),
    xaxis: { title: { text: x } },
    ...(y ? { yaxis: { title: { text: y } } } : {}),
    showlegend: legend,
  };
}

function plotValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value ?? null;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
