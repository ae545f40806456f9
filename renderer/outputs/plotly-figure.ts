/**
 * The plotly figure of an `application/vnd.plotly.v1+json` bundle, checked before plotly sees it
 * (plotly throws deep inside on a malformed figure, far from the output that caused it). The
 * shape is core's (core/plotly-payload.ts).
 */
import type { PlotlyPayload } from '../../core/plotly-payload';

/** Height of a chart whose layout does not say: plotly's own default is 450, too tall inline. */
export const DEFAULT_CHART_HEIGHT = 360;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isFigure(value: unknown): boolean {
  return parseFigure(value) !== null;
}

/** The figure with a `data` array of trace objects and a `layout` object (empty when absent). */
export function parseFigure(value: unknown): PlotlyPayload | null {
  if (!isRecord(value) || !Array.isArray(value.data) || !value.data.every(isRecord)) return null;
  if (value.layout !== undefined && !isRecord(value.layout)) return null;
  return { data: value.data, layout: value.layout ?? {} };
}

/** The height the chart will take, so the loading placeholder does not make the page jump. */
export function figureHeight(figure: PlotlyPayload): number {
  const height = figure.layout.height;
  return typeof height === 'number' && Number.isFinite(height) && height > 0
    ? height
    : DEFAULT_CHART_HEIGHT;
}

/** The figure's title, as plotly accepts it: a string or `{ text }`. */
export function figureTitle(figure: PlotlyPayload): string | null {
  const title = figure.layout.title;
  if (typeof title === 'string') return title;
  if (isRecord(title) && typeof title.text === 'string') return title.text;
  return null;
}
