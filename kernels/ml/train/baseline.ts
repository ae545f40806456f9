/**
 * The baseline every model is shown beside: a constant score, the training split's positive
 * rate (the prior) for a classifier and its mean for a regression. Class weights do not move
 * it: it answers "how good is knowing nothing about the row", which is the rate itself.
 */
import type { ModelJson, Task } from '../ml-types';

export function fitBaseline(task: Task, features: readonly string[], y: Float32Array): ModelJson {
  let sum = 0;
  for (let row = 0; row < y.length; row++) sum += y[row]!;
  return { kind: 'baseline', task, features: [...features], value: sum / y.length };
}
