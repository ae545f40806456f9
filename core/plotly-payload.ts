/**
 * A chart output as Quarry writes it: `application/vnd.plotly.v1+json`, a plotly figure of
 * traces and a layout. The kernel's chart helpers build it (kernels/charts/plotly-charts.ts); the
 * renderer checks and draws it (renderer/outputs/plotly-figure.ts), leniently, since a figure
 * may come from another tool.
 */

/** One plotly trace: `{ type: 'scatter', x: [...], y: [...] }`; plotly owns its keys. */
export type PlotlyTrace = Record<string, unknown>;

export type PlotlyPayload = { data: PlotlyTrace[]; layout: Record<string, unknown> };
