// Bundles the CLI (cli/ with core/, kernels/, host/) into dist/cli/quarry.js. Dependencies stay
// in node_modules (packages: 'external'): DuckDB-WASM, TF.js and danfo load their own files.
import { build } from 'esbuild';

await build({
  entryPoints: ['cli/main.ts'],
  outfile: 'dist/cli/quarry.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
