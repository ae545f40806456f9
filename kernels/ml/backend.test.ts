/**
 * The backend in words and the override, on Node's platform: WASM and CPU start here, WebGL and
 * WebGPU do not, and asking for them falls back down the order with the reason.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeKernelPlatform } from '../../host/kernel/node-kernel-platform';
import { backendInfo, useBackend } from './backend';

const platform = createNodeKernelPlatform({ notebookDir: process.cwd() });
const tf = await platform.loadTf();

afterAll(async () => {
  await useBackend(tf, 'wasm', platform);
  await platform.close?.();
});

describe('backendInfo', () => {
  it('names the WASM backend with its SIMD and threads (Node runs it on one thread)', async () => {
    await useBackend(tf, 'wasm', platform);
    expect(await backendInfo(tf)).toEqual({ name: 'wasm', device: 'WASM (SIMD, 1 thread)' });
  });

  it('names the plain-JS CPU backend', async () => {
    await useBackend(tf, 'cpu', platform);
    expect(await backendInfo(tf)).toEqual({ name: 'cpu', device: 'CPU (plain JS)' });
  });
});

describe('useBackend', () => {
  it('switches to a backend this platform has, with no fallback', async () => {
    await useBackend(tf, 'cpu', platform);
    const choice = await useBackend(tf, 'wasm', platform);
    expect(choice).toEqual({
      name: 'wasm',
      device: 'WASM (SIMD, 1 thread)',
      requested: 'wasm',
      fallback: null,
    });
    expect(tf.getBackend()).toBe('wasm');
    // Tensors made before a switch still compute after it.
    const sum = tf.tidy(() => tf.add(tf.tensor1d([1, 2]), 1).arraySync());
    expect(sum).toEqual([2, 3]);
  });

  it('falls back from WebGPU past WebGL to WASM and says why for each', async () => {
    const choice = await useBackend(tf, 'webgpu', platform);
    expect(choice.name).toBe('wasm');
    expect(choice.requested).toBe('webgpu');
    expect(choice.fallback).toBe(
      'webgpu is not available here: Node has no WebGPU (it needs a browser); ' +
        'webgl is not available here: Node has no WebGL (it needs a browser); ' +
        'using wasm (WASM (SIMD, 1 thread)) instead',
    );
  });

  it('says when a platform cannot load a backend and none was registered', async () => {
    await useBackend(tf, 'cpu', platform);
    const withoutLoader = await useBackend(tf, 'webgl', {});
    expect(withoutLoader.name).toBe('wasm');
    expect(withoutLoader.fallback).toMatch(
      /^webgl is not available here: its TF.js module is not loaded on this platform; using wasm/,
    );
  });

  it('refuses a name that is no backend, listing the names', async () => {
    await expect(useBackend(tf, 'gpu', platform)).rejects.toThrow(
      `useBackend: unknown backend "gpu"; use one of 'webgpu', 'webgl', 'wasm', 'cpu'`,
    );
  });
});
