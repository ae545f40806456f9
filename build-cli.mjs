// Bundles the CLI (cli/ with core/, kernels/, host/) into dist/cli/quarry.js, and the kernel's
// worker thread of `quarry run` into dist/cli/kernel-thread.js beside it (the CLI starts it by
// that name: host/kernel/kernel-thread-client.ts). Dependencies stay in node_modules
// (packages: 'external'): DuckDB-WASM, TF.js and danfo load their own files.
import { build } from 'esbuild';

await build({
  entryPoints: { quarry: 'cli/main.ts', 'kernel-thread': 'host/kernel/kernel-thread.ts' },
  outdir: 'dist/cli',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
