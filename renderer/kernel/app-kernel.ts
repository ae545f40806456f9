/**
 * The app's kernel: the worker build of the kernel (kernels/worker/kernel-worker.ts), bundled by
 * Vite as a module worker, with the WebAssembly modules it loads bundled as assets (nothing comes
 * from a CDN). The worker resolves these URLs against the page's.
 */
import duckdbEh from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import duckdbMvp from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import tfWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import tfWasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import tfWasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import parquetWasm from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { HostClient } from '../../core/host-contract';
import type { KernelWorkerConfig } from '../../core/kernel-worker-protocol';
import type { KernelClient } from './kernel-client';
import { createWorkerKernelClient } from './worker-kernel-client';

export function kernelWorkerConfig(baseUrl: string): KernelWorkerConfig {
  return {
    baseUrl,
    duckdb: { mvpModule: duckdbMvp, ehModule: duckdbEh },
    tfWasm: { plain: tfWasm, simd: tfWasmSimd, threadedSimd: tfWasmThreadedSimd },
    parquetWasm,
  };
}

export function createAppKernelClient(hostClient: HostClient): KernelClient {
  return createWorkerKernelClient({
    // The literal `new Worker(new URL(…, import.meta.url))` is what Vite recognises and bundles.
    createWorker: () =>
      new Worker(new URL('../../kernels/worker/kernel-worker.ts', import.meta.url), {
        type: 'module',
        name: 'quarry-kernel',
      }),
    init: kernelWorkerConfig(location.href),
    hostClient,
  });
}
