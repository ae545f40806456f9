/**
 * The per-row losses training minimises and validation reports, on the output layer's
 * pre-activation `z` (logits for a classifier): binary cross-entropy computed from the logit
 * (softplus(z) − z·y, stable for large |z|, the same value as −y·log p − (1−y)·log(1−p)), and
 * the squared error for a regression. Their derivatives in z are the simple closed forms that
 * training's hand-written backward pass starts from.
 */
import type * as Tf from '@tensorflow/tfjs';
import type { TfModule } from '../../platform';
import type { Task } from '../ml-types';

export function rowLosses(tf: TfModule, task: Task, z: Tf.Tensor, y: Tf.Tensor): Tf.Tensor {
  switch (task) {
    case 'classification':
      return tf.sub(tf.softplus(z), tf.mul(z, y));
    case 'regression':
      return tf.squaredDifference(z, y);
  }
}

/** ∂ rowLoss / ∂ z. */
export function lossSlope(tf: TfModule, task: Task, z: Tf.Tensor, y: Tf.Tensor): Tf.Tensor {
  switch (task) {
    case 'classification':
      return tf.sub(tf.sigmoid(z), y);
    case 'regression':
      return tf.mul(tf.sub(z, y), 2);
  }
}
