// electron-builder's beforeBuild hook. Resolving to false tells it that node_modules are handled
// elsewhere, so it neither rebuilds nor copies them into the package: the main process and the
// preload are esbuild bundles (dist/electron) and the renderer a Vite build (dist/renderer), and
// nothing is required from node_modules at run time but 'electron' itself and the sampler's native
// DuckDB, which electron-builder.yml's `files` lists by path. Without this, every
// production dependency (Monaco, TF.js, DuckDB-WASM...) would be copied into app.asar again.
export async function beforeBuild() {
  return false;
}
