import { tmpdir } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeKernelPlatform } from '../../../host/kernel/node-kernel-platform';
import type { TfModule } from '../../platform';
import { createBatchSource, placementFor, type Placement } from './batch-source';

let tf: TfModule;
beforeAll(async () => {
  tf = await createNodeKernelPlatform({ notebookDir: tmpdir() }).loadTf();
});

const data = {
  x: {
    rows: 5,
    features: ['a', 'b'],
    values: Float32Array.from([0, 1, 10, 11, 20, 21, 30, 31, 40, 41]),
  },
  y: Float32Array.from([0, 1, 0, 1, 1]),
  weight: Float32Array.from([1, 2, 3, 4, 5]),
};

function batchesOf(placement: Placement) {
  const source = createBatchSource(tf, data, 2, placement);
  source.shuffle(Uint32Array.from([3, 0, 4, 1, 2]));
  const read = Array.from({ length: source.batches }, (_, index) => {
    const batch = source.batch(index);
    const values = {
      x: Array.from(batch.x.dataSync()),
      y: Array.from(batch.y.dataSync()),
      weight: Array.from(batch.weight!.dataSync()),
    };
    tf.dispose([batch.x, batch.y, batch.weight!]);
    return values;
  });
  source.dispose();
  return read;
}

describe('createBatchSource', () => {
  it('gives the rows in the shuffled order with a column of ones, the last batch short', () => {
    expect(batchesOf('host')).toEqual([
      { x: [30, 31, 1, 0, 1, 1], y: [1, 0], weight: [4, 1] },
      { x: [40, 41, 1, 10, 11, 1], y: [1, 1], weight: [5, 2] },
      { x: [20, 21, 1], y: [0], weight: [3] },
    ]);
  });

  it('gives the same batches from the device (gather) as from the host', () => {
    const before = tf.memory().numTensors;
    expect(batchesOf('device')).toEqual(batchesOf('host'));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('keeps the data on the GPU backends and copies batches in from the host elsewhere', () => {
    expect(placementFor('webgpu')).toBe('device');
    expect(placementFor('webgl')).toBe('device');
    expect(placementFor('wasm')).toBe('host');
    expect(placementFor('cpu')).toBe('host');
  });
});
