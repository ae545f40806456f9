/**
 * The page side of the GPU training bench (gpu-training.bench.ts bundles it for Chromium): the
 * same measurements as the Node bench (bench/ml-training-measure.ts) on each backend the URL
 * names, in order, switched to as a cell's `ml.useBackend` would (kernels/ml/backend.ts through
 * the worker's registration, kernels/worker/tf-backend.ts). A backend that does not start is
 * skipped with the reason. The result lands in `globalThis.quarryBench` for the runner to read;
 * progress goes to the console, which the runner forwards.
 *
 * It uses no DOM types (the bench's tsconfig has none): the page's URL is read through a guard.
 */
import * as tf from '@tensorflow/tfjs';
import { isBackendName, useBackend } from '../../kernels/ml/backend';
import type { BackendName } from '../../kernels/ml/ml-types';
import { registerTfBackend } from '../../kernels/worker/tf-backend';
import {
  defaultSettings,
  generateData,
  measureBackend,
  type BackendFigures,
} from '../ml-training-measure';

/** What the page leaves for the runner. */
export type PageResult =
  | { status: 'running' }
  | { status: 'done'; figures: BackendFigures[]; skipped: string[] }
  | { status: 'failed'; error: string };

/** Query parameters: backends=webgpu,webgl,wasm&rows=…&runs=…&epochs=…&seed=… */
export type PageParams = {
  backends: BackendName[];
  rows: number;
  features: number;
  runs: number;
  epochs: number;
  seed: number;
};

const WASM_FILES = {
  plain: '/wasm/tfjs-backend-wasm.wasm',
  simd: '/wasm/tfjs-backend-wasm-simd.wasm',
  threadedSimd: '/wasm/tfjs-backend-wasm-threaded-simd.wasm',
};

const scope = globalThis as unknown as { quarryBench?: PageResult; location?: { href: string } };

function params(): PageParams {
  const url = new URL(scope.location?.href ?? 'http://localhost/');
  const number = (name: string, fallback: number) => Number(url.searchParams.get(name) ?? fallback);
  const backends = (url.searchParams.get('backends') ?? 'webgpu,webgl,wasm').split(',');
  const unknown = backends.filter((name) => !isBackendName(name));
  if (unknown.length > 0) throw new Error(`backends: unknown ${unknown.join(', ')}`);
  return {
    backends: backends.filter(isBackendName),
    rows: number('rows', 1_000_000),
    features: number('features', 30),
    runs: number('runs', 2),
    epochs: number('epochs', 3),
    seed: number('seed', 11),
  };
}

async function run(): Promise<PageResult> {
  const { backends, rows, features, runs, epochs, seed } = params();
  const origin = new URL(scope.location?.href ?? 'http://localhost/').origin;
  const platform = {
    loadTfBackend: (name: BackendName) =>
      registerTfBackend(name, WASM_FILES, (url) => new URL(url, origin).href),
  };
  console.log(`generating ${rows} rows × ${features} features`);
  const data = generateData(rows, features, seed);
  const settings = defaultSettings(seed);
  const figures: BackendFigures[] = [];
  const skipped: string[] = [];
  for (const name of backends) {
    const choice = await useBackend(tf, name, platform);
    if (choice.name !== name) {
      skipped.push(`${name}: ${choice.fallback ?? 'another backend started'}`);
      continue;
    }
    try {
      figures.push(
        await measureBackend(tf, data, settings, { runs, epochs }, (message) =>
          console.log(message),
        ),
      );
    } catch (error) {
      // A backend that fails mid-way (a lost GPU device) loses its own figures, not the others'.
      skipped.push(
        `${name}: failed while measuring: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return { status: 'done', figures, skipped };
}

scope.quarryBench = { status: 'running' };
run().then(
  (result) => (scope.quarryBench = result),
  (error: unknown) =>
    (scope.quarryBench = {
      status: 'failed',
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    }),
);
