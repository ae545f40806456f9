/**
 * Adam and SGD over the flat weight vector (parameters.ts), written out rather than through
 * tf.train's optimizers, which update each variable with its own dozen ops and hold per-variable
 * state: over one vector a step is a dozen ops whatever the number of layers. Adam is Keras's:
 * ε = 1e-7, bias correction folded into the step size.
 */
import type * as Tf from '@tensorflow/tfjs';
import type { TfModule } from '../../platform';
import type { OptimizerName } from './settings';

export interface FlatOptimizer {
  /** Moves `theta` one step against `gradient` (call inside tf.tidy). */
  step(theta: Tf.Variable<Tf.Rank.R1>, gradient: Tf.Tensor1D): void;
  /** Forgets the moments, for a fresh run from other weights. */
  dispose(): void;
}

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-7;

export function createOptimizer(
  tf: TfModule,
  settings: { optimizer: OptimizerName; learningRate: number },
  size: number,
): FlatOptimizer {
  switch (settings.optimizer) {
    case 'sgd':
      return sgd(tf, settings.learningRate);
    case 'adam':
      return adam(tf, settings.learningRate, size);
  }
}

function sgd(tf: TfModule, learningRate: number): FlatOptimizer {
  const rate = tf.scalar(learningRate);
  return {
    step(theta, gradient) {
      theta.assign(tf.sub(theta, tf.mul(gradient, rate)));
    },
    dispose() {
      rate.dispose();
    },
  };
}

function adam(tf: TfModule, learningRate: number, size: number): FlatOptimizer {
  const first = tf.tidy(() => tf.variable(tf.zeros([size]), false)) as Tf.Variable<Tf.Rank.R1>;
  const second = tf.tidy(() => tf.variable(tf.zeros([size]), false)) as Tf.Variable<Tf.Rank.R1>;
  // Constants as tensors made once: a number operand would be uploaded as a new scalar each step.
  const constants = [BETA1, 1 - BETA1, BETA2, 1 - BETA2, EPSILON].map((value) => tf.scalar(value));
  const [beta1, oneMinusBeta1, beta2, oneMinusBeta2, epsilon] = constants as [
    Tf.Scalar,
    Tf.Scalar,
    Tf.Scalar,
    Tf.Scalar,
    Tf.Scalar,
  ];
  let steps = 0;
  return {
    step(theta, gradient) {
      steps += 1;
      const m = tf.add(tf.mul(first, beta1), tf.mul(gradient, oneMinusBeta1));
      const v = tf.add(tf.mul(second, beta2), tf.mul(tf.square(gradient), oneMinusBeta2));
      const size = (learningRate * Math.sqrt(1 - BETA2 ** steps)) / (1 - BETA1 ** steps);
      theta.assign(tf.sub(theta, tf.mul(tf.div(m, tf.add(tf.sqrt(v), epsilon)), size)));
      first.assign(m as Tf.Tensor1D);
      second.assign(v as Tf.Tensor1D);
    },
    dispose() {
      tf.dispose([first, second, ...constants]);
    },
  };
}
