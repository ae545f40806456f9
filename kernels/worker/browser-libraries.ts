/**
 * The libraries cells use, loaded in the worker: TF.js on the best backend (tf-backend.ts),
 * danfo.js on that same TF.js, Arrow as the ES module DuckDB-WASM's browser build imports (one
 * instance: Arrow checks classes with `instanceof`). Files are read by the host (host/query/).
 *
 * Bundling notes (the renderer's Vite config): danfo's package points browsers at a bundle that
 * carries its own TF.js 3 and plotly, so the worker build aliases `danfojs` to the package's
 * CommonJS browser build, which imports our TF.js; that build loads plotly only where `window`
 * exists, and the worker build aliases plotly to an empty module to leave it out.
 */
import type { KernelWorkerConfig } from '../../core/kernel-worker-protocol';
import type { KernelLibraries } from '../platform';
import { selectTfBackend } from './tf-backend';

let libraries: Promise<KernelLibraries> | undefined;

/**
 * Loaded once per worker: TF.js keeps global backend state, so a restarted kernel shares it
 * (a restart replaces the kernel's scope and database, not the libraries).
 */
export function loadBrowserLibraries(
  config: KernelWorkerConfig,
  absolute: (url: string) => string,
): Promise<KernelLibraries> {
  libraries ??= (async (): Promise<KernelLibraries> => {
    const [tf, dfd, arrow] = await Promise.all([
      import('@tensorflow/tfjs'),
      import('danfojs'),
      import('apache-arrow'),
    ]);
    await selectTfBackend(tf, config.tfWasm, absolute);
    return { tf, dfd, arrow };
  })();
  // A failed load may be retried by the next kernel start (a restart after a network hiccup).
  libraries.catch(() => (libraries = undefined));
  return libraries;
}
