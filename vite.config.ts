// Builds the renderer (the React UI) and the kernel worker into dist/renderer, served by the
// browser-mode host and loaded by the Electron shell. Everything is local: Monaco, its workers,
// DuckDB-WASM, TF.js and plotly are bundled; nothing is ever loaded from a CDN.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const modules = fileURLToPath(new URL('./node_modules/', import.meta.url));

/**
 * The kernel worker's danfo.js build loads plotly only where `window` exists, which a worker
 * never has: leave plotly out of the worker bundle (the UI loads its own copy for charts).
 */
const noPlotlyInWorker: Plugin = {
  name: 'quarry-no-plotly-in-worker',
  enforce: 'pre',
  resolveId: (source) => (source === 'plotly.js-dist-min' ? '\0quarry-empty-plotly' : null),
  load: (id) => (id === '\0quarry-empty-plotly' ? 'export default {};' : null),
};

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  resolve: {
    alias: [
      // DuckDB-WASM ships its browser blocking build but leaves it out of `exports`.
      {
        find: /^@duckdb\/duckdb-wasm\/dist\/duckdb-browser-blocking\.mjs$/,
        replacement: `${modules}@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs`,
      },
      // danfo's browser entry is a bundle with its own TF.js 3 and plotly; its CommonJS browser
      // build imports our TF.js instead (one TF.js, one backend).
      { find: /^danfojs$/, replacement: `${modules}danfojs/dist/danfojs-browser/src/index.js` },
    ],
  },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 12_000,
    assetsInlineLimit: 0,
    rollupOptions: {
      // The page, and the kernel's frame (served on another site: core/kernel-frame-protocol.ts).
      input: {
        index: fileURLToPath(new URL('./renderer/index.html', import.meta.url)),
        'kernel-frame': fileURLToPath(new URL('./renderer/kernel-frame.html', import.meta.url)),
      },
    },
  },
  worker: { format: 'es', plugins: () => [noPlotlyInWorker] },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
});
