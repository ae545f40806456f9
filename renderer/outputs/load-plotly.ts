/**
 * plotly is ~3.5 MB: it is loaded on the first chart, once, in its own chunk, so a notebook
 * without charts never pays for it.
 */
import type { PlotlyApi } from 'plotly.js-dist-min';

let loading: Promise<PlotlyApi> | null = null;

export function loadPlotly(): Promise<PlotlyApi> {
  loading ??= import('plotly.js-dist-min').then((module) => module.default);
  // A failed load (a missing chunk) may succeed later: do not keep the rejection.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
