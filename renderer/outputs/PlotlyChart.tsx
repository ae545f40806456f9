/**
 * A plotly figure (`application/vnd.plotly.v1+json`). plotly is imported on first use; until it
 * arrives a placeholder of the chart's height holds the place so the notebook does not jump.
 */
import { useEffect, useRef, useState } from 'react';
import type { PlotlyApi } from 'plotly.js-dist-min';
import { loadPlotly } from './load-plotly';
import type { PlotlyPayload } from '../../core/plotly-payload';
import { figureHeight, figureTitle } from './plotly-figure';
import './rich-outputs.css';

type Status = 'loading' | 'ready' | { error: string };

// Quiet defaults under the figure's own layout (which wins): a compact chart on a white page.
const BASE_LAYOUT = {
  autosize: true,
  margin: { t: 36, r: 16, b: 40, l: 52 },
  font: { family: 'system-ui, sans-serif', size: 12 },
  paper_bgcolor: 'rgba(0,0,0,0)',
};

export function PlotlyChart({ figure }: { figure: PlotlyPayload }) {
  const plot = useRef<HTMLDivElement>(null);
  const [Plotly, setPlotly] = useState<PlotlyApi | null>(null);
  const [status, setStatus] = useState<Status>('loading');
  const height = figureHeight(figure);

  useEffect(() => {
    let alive = true;
    loadPlotly().then(
      (api) => alive && setPlotly(() => api),
      (error: unknown) =>
        alive && setStatus({ error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      alive = false;
    };
  }, []);

  // The plot lives as long as the output: an update (a display replaced in place, the live
  // training chart) redraws it with `react` below, keeping the user's zoom where the figure has
  // a `uirevision`, instead of a purge and a fresh plot each time.
  useEffect(() => {
    const root = plot.current;
    if (!root || !Plotly) return;
    let frame = 0;
    // `responsive` follows the window; a cell that narrows (a side panel opens) needs this.
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => void Plotly.Plots.resize(root));
    });
    observer.observe(root);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      // purge frees plotly's listeners and WebGL contexts.
      Plotly.purge(root);
    };
  }, [Plotly]);

  useEffect(() => {
    const root = plot.current;
    if (!root || !Plotly) return;
    let alive = true;
    // plotly writes into the traces it is given; the output belongs to the notebook state.
    const { data, layout } = structuredClone(figure);
    Plotly.react(
      root,
      data,
      { ...BASE_LAYOUT, height, ...layout },
      { displaylogo: false, responsive: true },
    ).then(
      () => alive && setStatus('ready'),
      (error: unknown) =>
        alive && setStatus({ error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      alive = false;
    };
  }, [Plotly, figure, height]);

  const title = figureTitle(figure);
  return (
    <div
      className="qo-chart"
      role="figure"
      aria-label={title ? `Chart: ${title}` : 'Chart'}
      style={{ minHeight: height }}
    >
      {/* Laid out from the start, so plotly measures the real width when it draws. */}
      <div ref={plot} className="qo-chart-plot" />
      {status !== 'ready' && (
        <div className="qo-chart-placeholder" aria-busy={status === 'loading'}>
          {status === 'loading' ? (
            'Loading chart…'
          ) : (
            <span className="qo-chart-error">Chart could not be shown: {status.error}</span>
          )}
        </div>
      )}
    </div>
  );
}
