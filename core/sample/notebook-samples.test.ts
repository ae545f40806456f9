import { describe, expect, it } from 'vitest';
import { notebookSamples, withNotebookSample, type NotebookSample } from './notebook-samples';

const orders: NotebookSample = {
  name: 'orders',
  file: 'samples/orders.parquet',
  sha256: 'ab'.repeat(32),
  rows: 120,
};

describe('the samples a notebook records', () => {
  it('adds a sample, keeping the rest of the metadata and of metadata.quarry', () => {
    const metadata = { kernelspec: { name: 'k' }, quarry: { theme: 'dark' } };
    const next = withNotebookSample(metadata, orders);
    expect(next).toEqual({
      kernelspec: { name: 'k' },
      quarry: { theme: 'dark', samples: [orders] },
    });
    expect(metadata).toEqual({ kernelspec: { name: 'k' }, quarry: { theme: 'dark' } });
    expect(notebookSamples(next)).toEqual([orders]);
  });

  it('a sample pulled again under its name replaces the old entry', () => {
    const customers = { ...orders, name: 'customers', file: 'samples/customers.parquet' };
    const twice = withNotebookSample(
      withNotebookSample(withNotebookSample({}, orders), customers),
      {
        ...orders,
        rows: 500,
      },
    );
    expect(notebookSamples(twice)).toEqual([customers, { ...orders, rows: 500 }]);
  });

  it('reads nothing from metadata without samples, and skips damaged entries', () => {
    expect(notebookSamples({})).toEqual([]);
    expect(notebookSamples({ quarry: 'x' })).toEqual([]);
    expect(notebookSamples({ quarry: { samples: [{ name: 'x' }, orders] } })).toEqual([orders]);
  });
});
