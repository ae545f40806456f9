/**
 * Picks TF.js's best backend in the worker (DESIGN.md: the best available backend is picked and
 * shown): WebGPU when the GPU offers a hardware adapter, else WebGL on an OffscreenCanvas (the
 * only canvas a worker has), else WASM, else plain-JS CPU. A software GPU (SwiftShader, llvmpipe:
 * what headless and GPU-less machines get) is skipped: WASM beats it on the same CPU.
 */
import type { KernelWorkerConfig } from '../../core/kernel-worker-protocol';
import type { BackendName } from '../ml/ml-types';
import type { TfModule } from '../platform';

export type TfBackendName = BackendName;

export async function selectTfBackend(
  tf: TfModule,
  wasm: KernelWorkerConfig['tfWasm'],
  absolute: (url: string) => string,
): Promise<TfBackendName> {
  if (await hasHardwareWebGpu()) {
    await registerTfBackend('webgpu', wasm, absolute);
    if (await trySetBackend(tf, 'webgpu')) return 'webgpu';
  }
  if (hasHardwareWebGl2()) {
    await registerTfBackend('webgl', wasm, absolute);
    if (await trySetBackend(tf, 'webgl')) return 'webgl';
  }
  await registerTfBackend('wasm', wasm, absolute);
  if (await trySetBackend(tf, 'wasm')) return 'wasm';
  await tf.setBackend('cpu');
  await tf.ready();
  return 'cpu';
}

// The WASM backend takes its binaries' URLs once, before it first starts (it throws after).
let wasmPathsSet = false;

/**
 * Imports `name`'s TF.js module, which registers the backend: at the automatic pick, and for
 * `ml.useBackend` (KernelPlatform.loadTfBackend), which may ask for a software GPU the pick
 * skipped. Throws, saying why, where this worker has no such API at all.
 */
export async function registerTfBackend(
  name: TfBackendName,
  wasm: KernelWorkerConfig['tfWasm'],
  absolute: (url: string) => string,
): Promise<void> {
  switch (name) {
    case 'webgpu': {
      const navigator = globalValue('navigator');
      if (!isObject(navigator) || !isObject(navigator.gpu)) {
        throw new Error('this browser offers no WebGPU (navigator.gpu is missing)');
      }
      await import('@tensorflow/tfjs-backend-webgpu');
      return;
    }
    case 'webgl':
      if (typeof globalValue('OffscreenCanvas') !== 'function') {
        throw new Error('this worker has no OffscreenCanvas for a WebGL context');
      }
      await import('@tensorflow/tfjs-backend-webgl');
      return;
    case 'wasm': {
      const tfWasm = await import('@tensorflow/tfjs-backend-wasm');
      if (wasmPathsSet) return;
      tfWasm.setWasmPaths({
        'tfjs-backend-wasm.wasm': absolute(wasm.plain),
        'tfjs-backend-wasm-simd.wasm': absolute(wasm.simd),
        'tfjs-backend-wasm-threaded-simd.wasm': absolute(wasm.threadedSimd),
      });
      wasmPathsSet = true;
      return;
    }
    case 'cpu':
      return;
  }
}

/** `setBackend` resolves false (or throws) when the backend cannot initialise here. */
async function trySetBackend(tf: TfModule, name: TfBackendName): Promise<boolean> {
  try {
    if (!(await tf.setBackend(name))) return false;
    await tf.ready();
    return tf.getBackend() === name;
  } catch {
    return false;
  }
}

function globalValue(name: string): unknown {
  return (globalThis as Record<string, unknown>)[name];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

async function hasHardwareWebGpu(): Promise<boolean> {
  const navigator = globalValue('navigator');
  const gpu = isObject(navigator) ? navigator.gpu : undefined;
  if (!isObject(gpu) || typeof gpu.requestAdapter !== 'function') return false;
  try {
    const adapter: unknown = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!isObject(adapter)) return false;
    const info = adapter.info;
    const fallback =
      adapter.isFallbackAdapter === true || (isObject(info) && info.isFallbackAdapter === true);
    const description = isObject(info)
      ? `${String(info.vendor)} ${String(info.architecture)} ${String(info.description)}`
      : '';
    return !fallback && !SOFTWARE_RENDERER.test(description);
  } catch {
    return false;
  }
}

type WebGlProbe = {
  RENDERER: number;
  getParameter(name: number): unknown;
  getExtension(name: string): unknown;
};

function hasHardwareWebGl2(): boolean {
  const Canvas = globalValue('OffscreenCanvas');
  if (typeof Canvas !== 'function') return false;
  try {
    const canvas: unknown = new (Canvas as new (width: number, height: number) => unknown)(1, 1);
    if (!isObject(canvas) || typeof canvas.getContext !== 'function') return false;
    const gl: unknown = canvas.getContext('webgl2');
    if (!isObject(gl) || typeof gl.getParameter !== 'function') return false;
    const renderer = rendererName(gl as WebGlProbe);
    loseContext(gl as WebGlProbe);
    return !SOFTWARE_RENDERER.test(renderer);
  } catch {
    return false;
  }
}

/** The GPU's name: unmasked where the browser allows it, else what RENDERER says. */
function rendererName(gl: WebGlProbe): string {
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const unmasked =
    isObject(debug) && typeof debug.UNMASKED_RENDERER_WEBGL === 'number'
      ? gl.getParameter(debug.UNMASKED_RENDERER_WEBGL)
      : null;
  return String(unmasked ?? gl.getParameter(gl.RENDERER));
}

/** Gives the probe's context back at once (browsers allow only a few live WebGL contexts). */
function loseContext(gl: WebGlProbe): void {
  const lose = gl.getExtension('WEBGL_lose_context');
  if (isObject(lose) && typeof lose.loseContext === 'function') lose.loseContext();
}
