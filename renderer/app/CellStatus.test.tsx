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
  runSource: null,
  lastRun: null,
});

describe('CellStatus', () => {
  it('names the engine after the duration, with its full label as tooltip and accessible name', () => {
    render(
      <CellStatus
        runtime={finished({ where: 'host', label: 'native DuckDB v1.5.2 (host)' })}
        staleness={null}
      />,
    );
    expect(screen.getByLabelText('Cell status').textContent).toBe(
      'done · 1.23 s · native DuckDB (host)',
    );
    const engine = screen.getByLabelText('Ran on native DuckDB v1.5.2 (host)');
    expect(engine.getAttribute('title')).toBe('Ran on native DuckDB v1.5.2 (host)');
  });

  it('says DuckDB-WASM for the kernel’s own SQL and host + kernel for a query over both', () => {
    const { rerender } = render(
      <CellStatus
        runtime={finished({ where: 'kernel', label: 'DuckDB-WASM v1.4.3' })}
        staleness={null}
      />,
    );
    expect(screen.getByLabelText('Cell status').textContent).toBe('done · 1.23 s · DuckDB-WASM');
    rerender(
      <CellStatus
        runtime={finished({
          where: 'both',
          label: 'native DuckDB v1.5.2 (host) + DuckDB-WASM v1.4.3 (kernel)',
        })}
        staleness={null}
      />,
    );
    expect(screen.getByLabelText('Cell status').textContent).toBe('done · 1.23 s · host + kernel');
    expect(
      screen.getByLabelText('Ran on native DuckDB v1.5.2 (host) + DuckDB-WASM v1.4.3 (kernel)'),
    ).toBeTruthy();
  });

  it('names no engine for a cell that ran no SQL', () => {
    render(<CellStatus runtime={finished(null)} staleness={null} />);
    expect(screen.getByLabelText('Cell status').textContent).toBe('done · 1.23 s');
  });

  it('says a cell is stale, with why as its tooltip, and that an edited cell changed since it ran', () => {
    const { rerender } = render(
      <CellStatus
        runtime={finished(null)}
        staleness={{ kind: 'stale', cause: { upstream: 3, name: 'customers', why: 'changed' } }}
      />,
    );
    expect(screen.getByLabelText('Cell status').textContent).toBe('done · 1.23 s · stale');
    expect(screen.getByText('stale').getAttribute('title')).toBe(
      'cell 3 changed after this cell ran: it defines customers, which this cell reads',
    );
    rerender(<CellStatus runtime={finished(null)} staleness={{ kind: 'edited' }} />);
    expect(screen.getByLabelText('Cell status').textContent).toBe('done · 1.23 s · edited');
    rerender(
      <CellStatus
        runtime={{ ...finished(null), status: 'queued' }}
        staleness={{ kind: 'edited' }}
      />,
    );
    expect(screen.getByLabelText('Cell status').textContent).toBe('queued · 1.23 s');
  });
});
