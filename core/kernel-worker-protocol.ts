/**
 * Messages between the renderer and the kernel's Web Worker (DESIGN.md: the kernel runs off the
 * UI thread). On top of the kernel protocol (core/protocol.ts) the worker needs its start-up
 * configuration and a relay to the host: the worker never calls the host itself, it asks the
 * renderer, which answers through its HostClient. Each side checks what it receives with the
 * parsers of kernel-worker-guards.ts, whose tables must cover every message declared here.
 */
import type { HostRequests, HostResponses } from './host-contract';
import type { KernelEvent, KernelReply, KernelRequest } from './protocol';

/**
 * Where the worker finds what it loads. URLs may be relative: they resolve against `baseUrl`
 * (the page's URL), as do the file URLs the host hands out (`/files/data/x.csv`).
 */
export type KernelWorkerConfig = {
  baseUrl: string;
  /** DuckDB-WASM's modules: `mvp` for any browser, `eh` where WebAssembly exceptions exist. */
  duckdb: { mvpModule: string; ehModule: string };
  /** TF.js's WASM backend, the fallback when neither WebGPU nor WebGL is available. */
  tfWasm: { plain: string; simd: string; threadedSimd: string };
};

/**
 * The host operations a kernel may ask for. Cells run in the worker and could post anything, so
 * the renderer relays only these, never saving or reading notebooks on the kernel's behalf.
 */
export const KERNEL_HOST_OPERATIONS = ['datafiles.resolve', 'query.run', 'query.cancel'] as const;
export type KernelHostOperation = (typeof KERNEL_HOST_OPERATIONS)[number];

export type HostRelayRequest = {
  [K in KernelHostOperation]: {
    type: 'host-request';
    id: number;
    operation: K;
    request: HostRequests[K];
  };
}[KernelHostOperation];

/** An answer names its operation, so each side checks the response against that one's shape. */
export type HostRelayResponse =
  | {
      [K in KernelHostOperation]: {
        type: 'host-response';
        id: number;
        ok: true;
        operation: K;
        response: HostResponses[K];
      };
    }[KernelHostOperation]
  | { type: 'host-response'; id: number; ok: false; message: string };

/** Renderer → worker. `init` comes first, exactly once. */
export type ToKernelWorker =
  { type: 'init'; config: KernelWorkerConfig } | KernelRequest | HostRelayResponse;

/** Worker → renderer. */
export type FromKernelWorker =
  | KernelEvent
  | KernelReply
  /** The kernel is starting (or restarting): libraries are loading. */
  | { type: 'loading'; message: string }
  /** The kernel could not start; cells sent to it end with an error. */
  | { type: 'failed'; message: string }
  | HostRelayRequest;
