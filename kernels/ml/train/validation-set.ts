/**
 * The validation split, uploaded once in chunks (never sliced out of one big tensor per epoch:
 * batch-source.ts) and scored once per epoch: its loss (unweighted, the same row losses as
 * training) and, when a metric needs them, its scores, each read back in one transfer.
 */
import type * as Tf from '@tensorflow/tfjs';
import type { TfModule } from '../../platform';
import type { FeatureMatrix, Task } from '../ml-types';
import { logits, type Activation, type LayerTensors } from './forward';
import { rowLosses } from './loss';

const CHUNK_ROWS = 65_536;

export interface ValidationSet {
  readonly rows: number;
  readonly labels: Float32Array;
  /** Mean row loss, and the scores (probabilities for a classifier) when `withScores`. */
  evaluate(
    layers: readonly LayerTensors[],
    activation: Activation,
    withScores: boolean,
  ): Promise<{ loss: number; scores: Float32Array | null }>;
  dispose(): void;
}

export function createValidationSet(
  tf: TfModule,
  data: { x: FeatureMatrix; y: Float32Array },
  task: Task,
): ValidationSet {
  const width = data.x.features.length;
  const chunks: { x: Tf.Tensor2D; y: Tf.Tensor1D }[] = [];
  for (let start = 0; start < data.x.rows; start += CHUNK_ROWS) {
    const end = Math.min(data.x.rows, start + CHUNK_ROWS);
    chunks.push({
      x: tf.tensor2d(data.x.values.subarray(start * width, end * width), [end - start, width]),
      y: tf.tensor1d(data.y.subarray(start, end)),
    });
  }
  return {
    rows: data.x.rows,
    labels: data.y,
    async evaluate(layers, activation, withScores) {
      const outputs = tf.tidy(() => chunks.map((chunk) => logits(tf, layers, activation, chunk.x)));
      const lossSum = tf.tidy(() =>
        tf.addN(
          chunks.map((chunk, index) => tf.sum(rowLosses(tf, task, outputs[index]!, chunk.y))),
        ),
      );
      const scores = withScores
        ? tf.tidy(() => {
            const all = outputs.length === 1 ? outputs[0]! : tf.concat(outputs);
            return task === 'classification' ? tf.sigmoid(all) : all.clone();
          })
        : null;
      tf.dispose(outputs);
      const loss = (await lossSum.data())[0]! / data.x.rows;
      const values = scores ? ((await scores.data()) as Float32Array) : null;
      tf.dispose([lossSum, ...(scores ? [scores] : [])]);
      return { loss, scores: values };
    },
    dispose() {
      tf.dispose(chunks.flatMap((chunk) => [chunk.x, chunk.y]));
    },
  };
}
