// plotly.js-dist-min ships no types; only the calls the chart output makes are declared.
declare module 'plotly.js-dist-min' {
  export type PlotlyConfig = {
    displaylogo?: boolean;
    responsive?: boolean;
    displayModeBar?: boolean | 'hover';
    modeBarButtonsToRemove?: string[];
  };
  export type PlotlyApi = {
    react(
      root: HTMLElement,
      data: Record<string, unknown>[],
      layout: Record<string, unknown>,
      config?: PlotlyConfig,
    ): Promise<unknown>;
    purge(root: HTMLElement): void;
    Plots: { resize(root: HTMLElement): Promise<unknown> | void };
  };
  const Plotly: PlotlyApi;
  export default Plotly;
}
