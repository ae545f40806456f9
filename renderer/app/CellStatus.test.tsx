// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CellEngine } from '../../core/protocol';
import type { CellRuntime } from '../state/notebook-state';
import { CellStatus } from './CellStatus';

afterEach(cleanup);

const finished = (engine: CellEngine | null): CellRuntime => ({
  status: 'done',
  requestId: 'r1',
  startedAtMs: 0,
  durationMs: 1234,
  errorLocation: null,
  engine,
  jobs: [],
  inFlight: null,
});

describe('CellStatus', () => {
  it('names the engine after the duration, with its full label as tooltip and accessible name', () => {
    render(
      <CellStatus runtime={finished({ where: 'host', label: 'native DuckDB v1.5.2 (host)' })} />,
    );
    expect(screen.getByLabelText('Cell status').textContent).toBe(
      'done · 1.23 s · native DuckDB (host)',
    );
    const engine = screen.getByLabelText('Ran on native DuckDB v1.5.2 (host)');
    expect(engine.getAttribute('title')).toBe('Ran on native DuckDB v1.5.2 (host)');
  });

  it('says DuckDB-WASM for the kernel’s own SQL and host + kernel for a query over both', () => {
    const { rerender } = render(
      <CellStatus runtime={finished({ where: 'kernel', label: 'DuckDB-WASM v1.4.3' })} />,
    );
    expect(screen.getByLabelText('Cell status').textContent).toBe('done · 1.23 s · DuckDB-WASM');
    rerender(
      <CellStatus
        runtime={finished({
          where: 'both',
          label: 'native DuckDB v1.5.2 (host) + DuckDB-WASM v1.4.3 (kernel)',
        })}
      />,
    );
    expect(screen.getByLabelText('Cell status').textContent).toBe('done · 1.23 s · host + kernel');
    expect(
      screen.getByLabelText('Ran on native DuckDB v1.5.2 (host) + DuckDB-WASM v1.4.3 (kernel)'),
    ).toBeTruthy();
  });

  it('names no engine for a cell that ran no SQL', () => {
    render(<CellStatus runtime={finished(null)} />);
    expect(screen.getByLabelText('Cell status').textContent).toBe('done · 1.23 s');
  });
});
