// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobAction } from '../../core/jobs';
import type { RunningJob } from '../state/notebook-state';
import { JobProgress } from './JobProgress';

afterEach(cleanup);

const job = (action: JobAction, title: string): RunningJob => ({
  jobId: 'j1',
  title,
  action,
  progress: { done: 3, total: 20, unit: 'epochs', message: 'loss 0.41' },
  startedAtMs: Date.now(),
});

describe('JobProgress', () => {
  it('offers Cancel for a job that throws its work away', () => {
    let pressed = 0;
    render(<JobProgress job={job('cancel', 'Pulling orders')} onCancel={() => pressed++} />);
    const button = screen.getByRole('button', { name: 'Cancel Pulling orders' });
    expect(button.textContent).toBe('Cancel');
    fireEvent.click(button);
    expect(pressed).toBe(1);
    expect(screen.queryByRole('button', { name: /^Stop/ })).toBeNull();
  });

  it('offers Stop for a job that keeps what it has, then says it is stopping until it ends', () => {
    let pressed = 0;
    render(<JobProgress job={job('stop', 'Training MLP')} onCancel={() => pressed++} />);
    expect(
      screen.getByRole('progressbar', { name: 'Training MLP' }).getAttribute('aria-valuenow'),
    ).toBe('3');
    const button = screen.getByRole('button', { name: 'Stop Training MLP' });
    expect(button.textContent).toBe('Stop');
    fireEvent.click(button);
    expect(pressed).toBe(1);
    expect(button.textContent).toBe('Stopping…');
    expect((button as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(button);
    expect(pressed).toBe(1);
  });
});
