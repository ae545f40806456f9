/**
 * A dense stack's weights as ONE flat vector, the layout training works on: per layer its kernel
 * (row-major, inputs × units) then its bias. One vector lets the optimizer update every weight
 * with a dozen ops per step instead of a dozen per tensor (on WASM each op costs microseconds of
 * dispatch, more than a small layer's math). The first layer's kernel followed by its bias is
 * also the kernel of the inputs with a column of ones appended, which is how training feeds it:
 * the first bias then needs neither an add nor a gradient sum of its own.
 */
import type * as Tf from '@tensorflow/tfjs';
import type { TfModule } from '../../platform';
import type { DenseWeights, ModelJson } from '../ml-types';
import type { Random } from '../random';
import type { LayerTensors } from './forward';
import type { TrainSettings } from './settings';

export type LayerShape = { inputs: number; units: number };

/** Hidden layers then the one-unit output layer. */
export function layerShapes(features: number, hiddenLayers: readonly number[]): LayerShape[] {
  const units = [...hiddenLayers, 1];
  return units.map((count, index) => ({
    inputs: index === 0 ? features : units[index - 1]!,
    units: count,
  }));
}

export function parameterCount(shapes: readonly LayerShape[]): number {
  return shapes.reduce((sum, shape) => sum + (shape.inputs + 1) * shape.units, 0);
}

/**
 * Glorot-uniform kernels (Keras's default, drawn from the run's seeded stream in layout order)
 * and zero biases.
 */
export function initialParameters(shapes: readonly LayerShape[], random: Random): Float32Array {
  const values = new Float32Array(parameterCount(shapes));
  let offset = 0;
  for (const { inputs, units } of shapes) {
    const limit = Math.sqrt(6 / (inputs + units));
    for (let i = 0; i < inputs * units; i++) values[offset + i] = (2 * random.next() - 1) * limit;
    offset += (inputs + 1) * units;
  }
  return values;
}

/** 1 where the vector holds a kernel weight, 0 at biases: L2 penalises kernels only. */
export function kernelMask(shapes: readonly LayerShape[]): Float32Array {
  const mask = new Float32Array(parameterCount(shapes));
  let offset = 0;
  for (const { inputs, units } of shapes) {
    mask.fill(1, offset, offset + inputs * units);
    offset += (inputs + 1) * units;
  }
  return mask;
}

/**
 * The pieces of the vector as training uses them: the first layer's kernel with its bias as a
 * last row ([inputs + 1, units]), then each later layer's kernel and bias.
 */
export type SplitParameters = {
  firstKernel: Tf.Tensor2D;
  later: LayerTensors[];
};

export function splitParameters(
  tf: TfModule,
  theta: Tf.Tensor1D,
  shapes: readonly LayerShape[],
): SplitParameters {
  const sizes = shapes.flatMap((shape, index) =>
    index === 0 ? [(shape.inputs + 1) * shape.units] : [shape.inputs * shape.units, shape.units],
  );
  // One piece: no split op (TF.js's SplitV gradient also fails on a single piece).
  const pieces = sizes.length === 1 ? [theta] : tf.split(theta, sizes);
  const first = shapes[0]!;
  return {
    firstKernel: tf.reshape(pieces[0]!, [first.inputs + 1, first.units]),
    later: shapes.slice(1).map((shape, index) => ({
      kernel: tf.reshape(pieces[1 + 2 * index]!, [shape.inputs, shape.units]),
      bias: pieces[2 + 2 * index] as Tf.Tensor1D,
    })),
  };
}

/** The vector as the dense layers `logits` takes. */
export function layersFromParameters(
  tf: TfModule,
  theta: Tf.Tensor1D,
  shapes: readonly LayerShape[],
): LayerTensors[] {
  const { firstKernel, later } = splitParameters(tf, theta, shapes);
  const first = shapes[0]!;
  const [kernel, bias] = tf.split(firstKernel, [first.inputs, 1], 0);
  return [
    { kernel: kernel as Tf.Tensor2D, bias: tf.reshape(bias!, [first.units]) as Tf.Tensor1D },
    ...later,
  ];
}

/** The model JSON of trained weights read back from the device. */
export function modelJsonFromParameters(
  settings: TrainSettings,
  features: readonly string[],
  shapes: readonly LayerShape[],
  values: Float32Array,
): ModelJson {
  const layers: DenseWeights[] = [];
  let offset = 0;
  for (const { inputs, units } of shapes) {
    const kernelEnd = offset + inputs * units;
    layers.push({
      inputs,
      units,
      kernel: Array.from(values.subarray(offset, kernelEnd)),
      bias: Array.from(values.subarray(kernelEnd, kernelEnd + units)),
    });
    offset = kernelEnd + units;
  }
  const common = { task: settings.task, features: [...features] };
  switch (settings.model) {
    case 'logistic':
    case 'linear':
      return { kind: settings.model, ...common, layer: layers[0]! };
    case 'mlp':
      return { kind: 'mlp', ...common, activation: settings.activation, layers };
    case 'baseline':
      throw new Error('A baseline has no trained weights: it is fitted by fitBaseline.');
  }
}
