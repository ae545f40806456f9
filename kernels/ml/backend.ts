/**
 * Which TF.js backend training runs on, said in words a person can check (issue 11: "show the
 * backend and device in the output"), and the override `ml.useBackend(name)`. The platform picks
 * the best backend when TF.js loads (the app's worker: kernels/worker/tf-backend.ts; Node: WASM);
 * an override asks the platform to register the one named and, where it cannot start here, falls
 * back down the same order, WebGPU > WebGL > WASM > CPU, saying why.
 *
 * Device text comes from the live backend object, which TF.js does not type: each read is guarded,
 * and a detail TF.js does not expose is left out rather than guessed.
 */
import type { BackendInfo, BackendName } from './ml-types';
import type { KernelPlatform, TfModule } from '../platform';

/** Best first: the order the platform picks in and an override falls back in. */
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** What `useBackend` did: the backend now in use, and why it is not the one asked for. */
export type BackendChoice = BackendInfo & {
  requested: BackendName;
  /** Null when `requested` is in use; else why it is not, and what was used instead. */
  fallback: string | null;
};

export function isBackendName(value: unknown): value is BackendName {
  return typeof value === 'string' && (BACKEND_ORDER as readonly string[]).includes(value);
}

/** The backend TF.js runs on now, with its device: `wasm` / `WASM (SIMD, 1 thread)`. */
export async function backendInfo(tf: TfModule): Promise<BackendInfo> {
  const name = tf.getBackend();
  if (!isBackendName(name)) return { name: 'cpu', device: `unknown backend ${String(name)}` };
  switch (name) {
    case 'webgpu':
      return { name, device: webGpuDevice(tf.backend()) };
    case 'webgl':
      return { name, device: webGlDevice(tf.backend()) };
    case 'wasm':
      return { name, device: await wasmDevice(tf) };
    case 'cpu':
      return { name, device: 'CPU (plain JS)' };
  }
}

/**
 * Switches TF.js to `name` (a cell's `ml.useBackend('webgl')`). A backend that cannot start here
 * does not fail the cell: the next one down the order is tried, and `fallback` says what
 * happened. `platform.loadTfBackend` registers a backend's module on demand; without it only
 * backends already registered can be chosen.
 */
export async function useBackend(
  tf: TfModule,
  name: unknown,
  platform: Pick<KernelPlatform, 'loadTfBackend'>,
): Promise<BackendChoice> {
  if (!isBackendName(name)) {
    throw new Error(
      `useBackend: unknown backend ${JSON.stringify(name)}; use one of ${BACKEND_ORDER.map((n) => `'${n}'`).join(', ')}`,
    );
  }
  const reasons: string[] = [];
  for (const candidate of BACKEND_ORDER.slice(BACKEND_ORDER.indexOf(name))) {
    const failure = await trySwitch(tf, candidate, platform);
    if (failure === null) {
      const info = await backendInfo(tf);
      const fallback =
        candidate === name
          ? null
          : `${reasons.join('; ')}; using ${info.name} (${info.device}) instead`;
      return { ...info, requested: name, fallback };
    }
    reasons.push(`${candidate} is not available here: ${failure}`);
  }
  // CPU is part of TF.js itself, so this is reached only if TF.js is broken.
  throw new Error(`useBackend: no backend could start: ${reasons.join('; ')}`);
}

/** Null when TF.js now runs on `name`, else why it cannot. */
async function trySwitch(
  tf: TfModule,
  name: BackendName,
  platform: Pick<KernelPlatform, 'loadTfBackend'>,
): Promise<string | null> {
  if (tf.getBackend() === name) return null;
  if (platform.loadTfBackend) {
    try {
      await platform.loadTfBackend(name);
    } catch (error) {
      return messageOf(error);
    }
  }
  if (!tf.findBackendFactory(name)) return 'its TF.js module is not loaded on this platform';
  try {
    if (!(await tf.setBackend(name))) return 'it failed to initialise';
    await tf.ready();
  } catch (error) {
    return `it failed to initialise (${messageOf(error)})`;
  }
  return tf.getBackend() === name ? null : 'it failed to initialise';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The adapter TF.js's WebGPU backend holds: vendor, architecture, and a description if given. */
function webGpuDevice(backend: unknown): string {
  if (!isObject(backend)) return 'WebGPU';
  const device = backend.device;
  // `GPUDevice.adapterInfo` (recent Chromium) carries a description; TF.js's own copy does not.
  const fromDevice = isObject(device) && isObject(device.adapterInfo) ? device.adapterInfo : null;
  const fromBackend = isObject(backend.adapterInfo) ? backend.adapterInfo : null;
  const parts = [
    text(fromDevice?.vendor ?? fromBackend?.vendor),
    text(fromDevice?.architecture ?? fromBackend?.architecture),
    text(fromDevice?.description),
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? `WebGPU (${[...new Set(parts)].join(', ')})` : 'WebGPU';
}

type WebGlContext = {
  RENDERER: number;
  getParameter(name: number): unknown;
  getExtension(name: string): unknown;
};

/** The GPU behind TF.js's WebGL context: the unmasked renderer where the browser allows it. */
function webGlDevice(backend: unknown): string {
  const gpgpu = isObject(backend) ? backend.gpgpu : null;
  const gl = isObject(gpgpu) ? gpgpu.gl : null;
  if (!isObject(gl) || typeof gl.getParameter !== 'function') return 'WebGL';
  const context = gl as unknown as WebGlContext;
  const debug = context.getExtension('WEBGL_debug_renderer_info');
  const unmasked =
    isObject(debug) && typeof debug.UNMASKED_RENDERER_WEBGL === 'number'
      ? text(context.getParameter(debug.UNMASKED_RENDERER_WEBGL))
      : null;
  const renderer = unmasked ?? text(context.getParameter(context.RENDERER));
  return renderer ? `WebGL (${renderer})` : 'WebGL';
}

/**
 * SIMD and threads as the WASM backend chose them at start: it loads the SIMD (or threaded SIMD)
 * binary when TF.js's feature flags say so, and reports the threads its pool started.
 */
async function wasmDevice(tf: TfModule): Promise<string> {
  const simd = await flag(tf, 'WASM_HAS_SIMD_SUPPORT');
  const multithread = await flag(tf, 'WASM_HAS_MULTITHREAD_SUPPORT');
  const backend: unknown = tf.backend();
  const wasm = isObject(backend) ? backend.wasm : null;
  const bindings = isObject(wasm) ? wasm.tfjs : null;
  const counted =
    multithread && isObject(bindings) && typeof bindings.getThreadsCount === 'function'
      ? Number((bindings.getThreadsCount as () => unknown)())
      : 1;
  const threads = Number.isFinite(counted) && counted >= 1 ? counted : 1;
  return `WASM (${simd ? 'SIMD' : 'no SIMD'}, ${threads} ${threads === 1 ? 'thread' : 'threads'})`;
}

async function flag(tf: TfModule, name: string): Promise<boolean> {
  try {
    return (await tf.env().getAsync(name)) === true;
  } catch {
    // A flag is registered by the WASM backend's module; without it the feature is not in use.
    return false;
  }
}
