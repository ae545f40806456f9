/**
 * The libraries cells use, loaded in the worker, each once per worker (a restart replaces the
 * kernel's scope and database, not the libraries: TF.js keeps global backend state) and danfo.js
 * and TF.js only when a cell first needs them (kernels/runtime/kernel-libraries.ts): TF.js on the
 * best backend (tf-backend.ts), danfo.js on that same TF.js, Arrow as the ES module DuckDB-WASM's
 * browser build imports (one instance: Arrow checks classes with `instanceof`). A failed load is
 * tried again by the next cell that needs it (a network hiccup).
 *
 * Bundling notes (the renderer's Vite config): danfo's package points browsers at a bundle that
 * carries its own TF.js 3 and plotly, so the worker build aliases `danfojs` to the package's
 * CommonJS browser build, which imports our TF.js; that build loads plotly only where `window`
 * exists, and the worker build aliases plotly to an empty module to leave it out.
 */
import type { KernelWorkerConfig } from '../../core/kernel-worker-protocol';
import type { ArrowModule, DanfoModule, KernelPlatform, TfModule } from '../platform';
import { loadOnce } from '../runtime/kernel-libraries';
import { registerTfBackend, selectTfBackend } from './tf-backend';

export type BrowserLibraries = Pick<
  KernelPlatform,
  'loadArrow' | 'loadTf' | 'loadDanfo' | 'loadTfBackend'
>;

let loaders: BrowserLibraries | undefined;

export function browserLibraries(
  config: KernelWorkerConfig,
  absolute: (url: string) => string,
): BrowserLibraries {
  if (loaders) return loaders;
  const loadTf = loadOnce(async (): Promise<TfModule> => {
    const tf = await import('@tensorflow/tfjs');
    await selectTfBackend(tf, config.tfWasm, absolute);
    return tf;
  });
  loaders = {
    loadArrow: loadOnce((): Promise<ArrowModule> => import('apache-arrow')),
    loadTf,
    loadDanfo: loadOnce(async (): Promise<DanfoModule> => {
      await loadTf();
      return import('danfojs');
    }),
    loadTfBackend: (name) => registerTfBackend(name, config.tfWasm, absolute),
  };
  return loaders;
}
