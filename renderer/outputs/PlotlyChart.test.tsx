// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlotlyPayload } from '../../core/plotly-payload';
import { PlotlyChart } from './PlotlyChart';

/** plotly itself does not draw in happy-dom: a stand-in records what the chart asks of it. */
const calls = vi.hoisted(() => ({ react: [] as unknown[][], purge: 0 }));
vi.mock('./load-plotly', () => ({
  loadPlotly: () =>
    Promise.resolve({
      react: (_root: HTMLElement, data: Record<string, unknown>[]) => {
        calls.react.push(data.map((trace) => trace.y));
        return Promise.resolve();
      },
      purge: () => {
        calls.purge++;
      },
      Plots: { resize: () => undefined },
    }),
}));

afterEach(cleanup);

const figure = (y: number[]): PlotlyPayload => ({
  data: [{ type: 'scatter', y }],
  layout: { title: { text: 'Training MLP' }, uirevision: 'training' },
});

describe('PlotlyChart', () => {
  it('redraws an updated figure in the same plot, and frees it once the output goes', async () => {
    const { rerender, unmount } = render(<PlotlyChart figure={figure([1])} />);
    await waitFor(() => expect(calls.react).toEqual([[[1]]]));
    expect(screen.getByRole('figure', { name: 'Chart: Training MLP' })).toBeDefined();
    await act(async () => rerender(<PlotlyChart figure={figure([1, 0.5])} />));
    await waitFor(() => expect(calls.react).toEqual([[[1]], [[1, 0.5]]]));
    expect(calls.purge).toBe(0);
    unmount();
    expect(calls.purge).toBe(1);
  });
});
