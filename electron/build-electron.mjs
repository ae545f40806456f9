// Bundles the desktop shell with esbuild: the main process (Node, Electron left external) and the
// sandboxed preload (CommonJS, everything inlined: a sandboxed preload may require 'electron' and
// nothing else). The renderer is built by Vite (`vite build`) into dist/renderer.
// The query utility process (native DuckDB, electron/query-process/main.ts) is a bundle of its own.
//   node electron/build-electron.mjs   →   dist/electron/main.cjs, preload.cjs, query-process.cjs
import { build } from 'esbuild';
import { fileURLToPath, URL } from 'node:url';
import process from 'node:process';

const root = fileURLToPath(new URL('..', import.meta.url));

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
  // Electron 41 runs a Node of version 22 or later in the main process.
  target: 'node22',
};

try {
  await Promise.all([
    build({
      ...common,
      entryPoints: ['electron/main/main.ts'],
      outfile: 'dist/electron/main.cjs',
      platform: 'node',
      // The sampler's native DuckDB is a compiled addon (a .node file per platform) that cannot
      // be bundled: it is required from node_modules at run time. pg's optional native binding
      // is never installed.
      external: [...common.external, '@duckdb/node-api', 'pg-native'],
    }),
    build({
      ...common,
      entryPoints: ['electron/query-process/main.ts'],
      outfile: 'dist/electron/query-process.cjs',
      platform: 'node',
      // parquet-wasm's Node build reads its .wasm from beside itself: required from node_modules
      // (host/query/parquet-arrow.ts, through a require made from import.meta.url, which a
      // CommonJS bundle must be given).
      external: [...common.external, '@duckdb/node-api', 'parquet-wasm'],
      define: { 'import.meta.url': '__quarryModuleUrl' },
      banner: {
        js: "const __quarryModuleUrl = require('node:url').pathToFileURL(__filename).href;",
      },
    }),
    build({
      ...common,
      entryPoints: ['electron/preload/preload.ts'],
      outfile: 'dist/electron/preload.cjs',
      // Not 'node': a sandboxed preload has no Node built-ins; esbuild must not assume them.
      platform: 'neutral',
      mainFields: ['module', 'main'],
    }),
  ]);
  process.stdout.write('built dist/electron/main.cjs, preload.cjs and query-process.cjs\n');
} catch {
  // esbuild has printed the errors.
  process.exit(1);
}
