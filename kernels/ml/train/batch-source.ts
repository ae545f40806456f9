/**
 * Where training's batches come from. Slicing a batch out of one big resident tensor is what
 * makes `fit` slow on the WASM backend: its `slice` kernel calls `readSync` on the whole input,
 * copying every row out of WASM memory to take 32 of them (tfjs-backend-wasm
 * kernels/Slice.js; the issue measured 2.4 s of a 5.2 s epoch), and its `gather` loops in C++
 * per element (measured ~250 µs for 256 × 31 floats, against ~3 µs to upload them). So:
 *
 * - `host` (WASM, CPU): each batch's rows are copied, in the epoch's shuffled order, into one
 *   reused Float32Array on the JS side, then uploaded with one copy. (Shuffling all rows at the
 *   epoch's start instead costs the same but blocks for ~1 s at a million rows.)
 * - `device` (WebGL, WebGPU): the rows are uploaded once and stay on the GPU; each batch uploads
 *   its row indices and gathers there, so no feature data crosses the bus after the start.
 *
 * Both append a column of ones to the features (parameters.ts: the first layer's bias) and give
 * the same batches for the same order, so a run's numbers do not depend on the placement.
 */
import type * as Tf from '@tensorflow/tfjs';
import type { TfModule } from '../../platform';
import type { FeatureMatrix } from '../ml-types';

export type Placement = 'host' | 'device';

export type Batch = { x: Tf.Tensor2D; y: Tf.Tensor2D; weight: Tf.Tensor2D | null };

export interface BatchSource {
  readonly batches: number;
  /** Orders the rows for the next epoch (a permutation of 0 … rows − 1). */
  shuffle(order: Uint32Array): void;
  /** The tensors of batch `index` of the current order; the caller disposes them (tf.tidy). */
  batch(index: number): Batch;
  dispose(): void;
}

/** Host placement on backends whose tensors live in this thread's memory. */
export function placementFor(backend: string): Placement {
  return backend === 'webgl' || backend === 'webgpu' ? 'device' : 'host';
}

export function createBatchSource(
  tf: TfModule,
  data: { x: FeatureMatrix; y: Float32Array; weight: Float32Array | null },
  batchSize: number,
  placement: Placement,
): BatchSource {
  switch (placement) {
    case 'host':
      return hostBatches(tf, data, batchSize);
    case 'device':
      return deviceBatches(tf, data, batchSize);
  }
}

/** Rows × (features + 1), the last column ones. */
function withOnesColumn(x: FeatureMatrix): Float32Array {
  const width = x.features.length;
  const out = new Float32Array(x.rows * (width + 1));
  for (let row = 0; row < x.rows; row++) {
    out.set(x.values.subarray(row * width, (row + 1) * width), row * (width + 1));
    out[row * (width + 1) + width] = 1;
  }
  return out;
}

function hostBatches(
  tf: TfModule,
  data: { x: FeatureMatrix; y: Float32Array; weight: Float32Array | null },
  batchSize: number,
): BatchSource {
  const { rows } = data.x;
  const width = data.x.features.length;
  const stride = width + 1;
  // One batch's rows, reused: filled just before its upload (which copies it into the backend),
  // so an epoch's gather is spread over its batches instead of stalling the loop at its start.
  const x = new Float32Array(batchSize * stride);
  const y = new Float32Array(batchSize);
  const weight = data.weight ? new Float32Array(batchSize) : null;
  let order: Uint32Array = new Uint32Array(0);
  return {
    batches: Math.ceil(rows / batchSize),
    shuffle(next) {
      order = next;
    },
    batch(index) {
      const start = index * batchSize;
      const count = Math.min(rows, start + batchSize) - start;
      let out = 0;
      for (let i = 0; i < count; i++) {
        const row = order[start + i]!;
        x.set(data.x.values.subarray(row * width, (row + 1) * width), out);
        x[out + width] = 1;
        out += stride;
        y[i] = data.y[row]!;
        if (weight) weight[i] = data.weight![row]!;
      }
      return {
        x: tf.tensor2d(x.subarray(0, count * stride), [count, stride]),
        y: tf.tensor2d(y.subarray(0, count), [count, 1]),
        weight: weight ? tf.tensor2d(weight.subarray(0, count), [count, 1]) : null,
      };
    },
    dispose() {},
  };
}

function deviceBatches(
  tf: TfModule,
  data: { x: FeatureMatrix; y: Float32Array; weight: Float32Array | null },
  batchSize: number,
): BatchSource {
  const { rows } = data.x;
  const stride = data.x.features.length + 1;
  const x = tf.tensor2d(withOnesColumn(data.x), [rows, stride]);
  const y = tf.tensor2d(data.y, [rows, 1]);
  const weight = data.weight ? tf.tensor2d(data.weight, [rows, 1]) : null;
  let order = new Int32Array(0);
  return {
    batches: Math.ceil(rows / batchSize),
    shuffle(next) {
      order = Int32Array.from(next);
    },
    batch(index) {
      const start = index * batchSize;
      const indices = tf.tensor1d(
        order.subarray(start, Math.min(rows, start + batchSize)),
        'int32',
      );
      const batch = {
        x: tf.gather(x, indices),
        y: tf.gather(y, indices),
        weight: weight ? tf.gather(weight, indices) : null,
      };
      indices.dispose();
      return batch;
    },
    dispose() {
      tf.dispose([x, y, ...(weight ? [weight] : [])]);
    },
  };
}
