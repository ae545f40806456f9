// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { VariableInfo } from '../../core/protocol';
import { createFakeKernelClient } from '../kernel/fake-kernel-client';
import { VariableInspector } from './VariableInspector';

const frame: VariableInfo = {
  name: 'df',
  type: 'DataFrame',
  shape: [100_000, 3],
  size: { bytes: 2_400_000, exact: false },
  preview: null,
};
const count: VariableInfo = {
  name: 'n',
  type: 'number',
  shape: null,
  size: { bytes: 8, exact: false },
  preview: '42',
};

afterEach(cleanup);

describe('VariableInspector', () => {
  it('lists the variables the kernel reports when it opens', async () => {
    const kernel = createFakeKernelClient({ variables: [frame, count] });
    render(<VariableInspector kernel={kernel} />);
    const panel = screen.getByRole('complementary', { name: 'Variables' });
    await waitFor(() => expect(within(panel).getAllByRole('row')).toHaveLength(3));
    const [, first, second] = within(panel).getAllByRole('row');
    expect(first.textContent).toBe('dfDataFrame100,000 × 3~2.3 MB');
    expect(second.textContent).toBe('nnumber—~8 B42');
  });

  it('asks again when a cell ends, and says when there are none', async () => {
    const kernel = createFakeKernelClient();
    render(<VariableInspector kernel={kernel} />);
    await screen.findByText(/No variables yet/);
    kernel.variables = [count];
    act(() =>
      kernel.emit({
        type: 'done',
        requestId: 'r1',
        cellId: 'c1',
        status: 'done',
        durationMs: 1,
        errorLocation: null,
        engine: null,
        dependencies: { defines: [], reads: [] },
        trainingRuns: [],
        seeds: [],
      }),
    );
    await screen.findByText('42');
    expect(kernel.calls.inspectVariables).toBe(2);
  });
});
