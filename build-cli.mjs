// Bundles the CLI (cli/ with core/, kernels/, host/) into dist/cli/quarry.js, and the kernel's
// worker thread of `quarry run` into dist/cli/kernel-thread.js beside it (the CLI starts it by
// that name: host/kernel/kernel-thread-client.ts). Dependencies stay in node_modules
// (packages: 'external'): DuckDB-WASM, TF.js and danfo load their own files, and native DuckDB
// (@duckdb/node-api and its platform's bindings package) and pg load their prebuilt binaries.
// Split into chunks, so that a command loaded with import() (`quarry sample`) brings its
// dependencies only when it runs: the others start without native DuckDB.
import { build } from 'esbuild';

await build({
  entryPoints: { quarry: 'cli/main.ts', 'kernel-thread': 'host/kernel/kernel-thread.ts' },
  outdir: 'dist/cli',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
