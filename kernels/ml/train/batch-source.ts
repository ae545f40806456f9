/**
 * Where training's batches come from. Slicing a batch out of one big resident tensor is what
 * makes `fit` slow on the WASM backend: its `slice` kernel calls `readSync` on the whole input,
 * copying every row out of WASM memory to take 32 of them (tfjs-backend-wasm
 * kernels/Slice.js; the issue measured 2.4 s of a 5.2 s epoch), and its `gather` loops in C++
 * per element (measured ~250 µs for 256 × 31 floats, against ~3 µs to upload them). So:
 *
 * - `host` (WASM, CPU): once per epoch the rows are copied in the shuffled order into one
 *   Float32Array on the JS side; each batch is then a contiguous subarray, uploaded with one copy.
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

/** Rows × (features + 1), the last column ones, in `order` (or in row order without one). */
function withOnesColumn(x: FeatureMatrix, order: Uint32Array | null, out: Float32Array): void {
  const width = x.features.length;
  const stride = width + 1;
  for (let row = 0; row < x.rows; row++) {
    const source = order ? order[row]! : row;
    out.set(x.values.subarray(source * width, (source + 1) * width), row * stride);
    out[row * stride + width] = 1;
  }
}

function hostBatches(
  tf: TfModule,
  data: { x: FeatureMatrix; y: Float32Array; weight: Float32Array | null },
  batchSize: number,
): BatchSource {
  const { rows } = data.x;
  const stride = data.x.features.length + 1;
  const x = new Float32Array(rows * stride);
  const y = new Float32Array(rows);
  const weight = data.weight ? new Float32Array(rows) : null;
  return {
    batches: Math.ceil(rows / batchSize),
    shuffle(order) {
      withOnesColumn(data.x, order, x);
      for (let row = 0; row < rows; row++) {
        y[row] = data.y[order[row]!]!;
        if (weight) weight[row] = data.weight![order[row]!]!;
      }
    },
    batch(index) {
      const start = index * batchSize;
      const end = Math.min(rows, start + batchSize);
      return {
        x: tf.tensor2d(x.subarray(start * stride, end * stride), [end - start, stride]),
        y: tf.tensor2d(y.subarray(start, end), [end - start, 1]),
        weight: weight ? tf.tensor2d(weight.subarray(start, end), [end - start, 1]) : null,
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
  const ones = new Float32Array(rows * stride);
  withOnesColumn(data.x, null, ones);
  const x = tf.tensor2d(ones, [rows, stride]);
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
