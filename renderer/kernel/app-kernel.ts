/**
 * The app's kernel: the worker build of the kernel (kernels/worker/kernel-worker.ts) in a frame
 * of another site, so in a process of its own (core/kernel-frame-protocol.ts). The WebAssembly
 * modules it loads are bundled as assets (nothing comes from a CDN); the worker fetches them,
 * and data files, from its own origin: the same server, the frame's host.
 */
import duckdbEh from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import duckdbMvp from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import tfWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import tfWasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import tfWasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { HostClient } from '../../core/host-contract';
import { kernelFrameUrl } from './kernel-frame-url';
import type { KernelWorkerConfig } from '../../core/kernel-worker-protocol';
import { createKernelFrame } from './kernel-frame-handle';
import type { KernelClient } from './kernel-client';
import { createWorkerKernelClient } from './worker-kernel-client';

/** The worker's configuration, every URL on the frame's origin (`frameUrl`). */
export function kernelWorkerConfig(pageUrl: string, frameUrl: string): KernelWorkerConfig {
  // The page's bundle names its assets on the page's origin: the same paths on the frame's.
  const onFrame = (asset: string) => {
    const url = new URL(asset, pageUrl);
    return new URL(`${url.pathname}${url.search}`, frameUrl).href;
  };
  return {
    baseUrl: frameUrl,
    duckdb: { mvpModule: onFrame(duckdbMvp), ehModule: onFrame(duckdbEh) },
    tfWasm: {
      plain: onFrame(tfWasm),
      simd: onFrame(tfWasmSimd),
      threadedSimd: onFrame(tfWasmThreadedSimd),
    },
  };
}

export function createAppKernelClient(hostClient: HostClient): KernelClient {
  const pageUrl = document.baseURI;
  const frameUrl = kernelFrameUrl(pageUrl);
  if (frameUrl === null) throw new Error(`Quarry cannot run its kernel on a page at ${pageUrl}`);
  return createWorkerKernelClient({
    createWorker: () => createKernelFrame(frameUrl),
    init: kernelWorkerConfig(pageUrl, frameUrl),
    hostClient,
  });
}
