/**
 * One batch's loss and gradient for a dense stack, with the backward pass written out by hand.
 * tf.grad records every op on a tape and replays a generic gradient per op; for a dense stack
 * the gradient is a handful of matmuls, so writing it out halves the ops a step launches, which
 * on WASM is most of a small model's step time. The same forward as `logits` (forward.ts): a
 * test checks this gradient against tf.grad of it.
 *
 * Two WASM facts shape it (measured): matMul with transposeA/transposeB runs a slow path (a
 * [256,31]ᵀ·[256,64] product ~9× slower than an explicit transpose then matMul), so operands are
 * transposed explicitly; and the first layer's bias is the last row of its kernel, fed by the
 * ones column of the batch (parameters.ts), so its gradient comes out of the same matmul.
 */
import type * as Tf from '@tensorflow/tfjs';
import type { TfModule } from '../../platform';
import type { Task } from '../ml-types';
import type { Batch } from './batch-source';
import { dropoutMask, type Activation } from './forward';
import { rowLosses, lossSlope } from './loss';
import { splitParameters, type LayerShape } from './parameters';

export type StepModel = {
  shapes: readonly LayerShape[];
  activation: Activation;
  task: Task;
  dropout: number;
};

/**
 * The weighted sum of the batch's row losses, and the gradient of their weighted mean (the
 * batch's loss, as Keras normalises it: divided by the row count) in the flat layout.
 */
export function lossAndGradient(
  tf: TfModule,
  theta: Tf.Tensor1D,
  model: StepModel,
  batch: Batch,
  dropoutSeed: number,
): { lossSum: Tf.Scalar; gradient: Tf.Tensor1D } {
  const { firstKernel, later } = splitParameters(tf, theta, model.shapes);
  const kernels = [firstKernel, ...later.map((layer) => layer.kernel)];
  const last = kernels.length - 1;
  const inputs: Tf.Tensor2D[] = [];
  const hidden: Tf.Tensor2D[] = [];
  const masks: (Tf.Tensor2D | null)[] = [];
  let a = batch.x;
  let z = a;
  kernels.forEach((kernel, index) => {
    inputs.push(a);
    const bias = index === 0 ? undefined : later[index - 1]!.bias;
    if (index === last) {
      z = dense(tf, a, kernel, bias, 'linear');
      return;
    }
    // fused matMul has relu but no tanh.
    const h =
      model.activation === 'relu'
        ? dense(tf, a, kernel, bias, 'relu')
        : tf.tanh(dense(tf, a, kernel, bias, 'linear'));
    hidden.push(h);
    const mask =
      model.dropout > 0
        ? dropoutMask(tf, [h.shape[0], h.shape[1]], model.dropout, dropoutSeed, index)
        : null;
    masks.push(mask);
    a = mask ? tf.mul<Tf.Tensor2D>(h, mask) : h;
  });

  const losses = rowLosses(tf, model.task, z, batch.y);
  const lossSum = tf.sum<Tf.Scalar>(batch.weight ? tf.mul(losses, batch.weight) : losses);
  const slope = lossSlope(tf, model.task, z, batch.y);
  let dz = tf.mul<Tf.Tensor2D>(
    batch.weight ? tf.mul(slope, batch.weight) : slope,
    1 / batch.x.shape[0],
  );

  const pieces: Tf.Tensor[][] = new Array(kernels.length);
  for (let index = last; index >= 0; index--) {
    const dKernel = tf.matMul(tf.transpose(inputs[index]!), dz);
    if (index === 0) {
      pieces[0] = [tf.reshape(dKernel, [-1])];
      break;
    }
    pieces[index] = [tf.reshape(dKernel, [-1]), tf.sum(dz, 0)];
    let da = tf.matMul(dz, tf.transpose(kernels[index]!));
    const mask = masks[index - 1];
    if (mask) da = tf.mul(da, mask);
    dz = tf.mul<Tf.Tensor2D>(da, activationSlope(tf, model.activation, hidden[index - 1]!));
  }
  return { lossSum, gradient: tf.concat(pieces.flat()) as Tf.Tensor1D };
}

/** a · kernel (+ bias), one fused op. */
function dense(
  tf: TfModule,
  a: Tf.Tensor2D,
  kernel: Tf.Tensor2D,
  bias: Tf.Tensor1D | undefined,
  activation: 'linear' | 'relu',
): Tf.Tensor2D {
  return tf.fused.matMul({ a, b: kernel, bias, activation }) as Tf.Tensor2D;
}

/** The activation's derivative, from its output h. */
function activationSlope(tf: TfModule, activation: Activation, h: Tf.Tensor2D): Tf.Tensor {
  switch (activation) {
    case 'relu':
      return tf.step(h);
    case 'tanh':
      return tf.sub(1, tf.square(h));
  }
}
