/**
 * Charts (`application/vnd.plotly.v1+json`): the figure goes into a JSON data block, and the
 * report's script draws it with plotly, which the page carries inline (report-assets.ts), so a
 * chart draws with no network. Until then (or without script) the box keeps the chart's height
 * and names the chart.
 */
import { escapeHtml, jsonForScript } from './report-escape';

/** The app's height for a chart whose layout does not say (renderer/outputs/plotly-figure.ts). */
const DEFAULT_CHART_HEIGHT = 360;

export type ReportFigure = { data: Record<string, unknown>[]; layout: Record<string, unknown> };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readFigure(value: unknown): ReportFigure | null {
  if (!isRecord(value) || !Array.isArray(value.data) || !value.data.every(isRecord)) return null;
  if (value.layout !== undefined && !isRecord(value.layout)) return null;
  return { data: value.data, layout: value.layout ?? {} };
}

function figureTitle(figure: ReportFigure): string | null {
  const title = figure.layout.title;
  if (typeof title === 'string') return title;
  if (isRecord(title) && typeof title.text === 'string') return title.text;
  return null;
}

export function renderChart(figure: ReportFigure): string {
  const layoutHeight = figure.layout.height;
  const height =
    typeof layoutHeight === 'number' && Number.isFinite(layoutHeight) && layoutHeight > 0
      ? layoutHeight
      : DEFAULT_CHART_HEIGHT;
  const title = figureTitle(figure);
  const name = title ? `Chart: ${title}` : 'Chart';
  return (
    `<figure class="qr-chart" role="figure" aria-label="${escapeHtml(name)}" data-height="${height}" style="min-height:${height}px">` +
    `<div class="qr-chart-plot"></div>` +
    `<p class="qr-chart-fallback">${escapeHtml(name)} (drawn when the page's script runs)</p>` +
    `<script type="application/json" class="qr-chart-data">${jsonForScript(figure)}</script></figure>`
  );
}
