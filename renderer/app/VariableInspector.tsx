/**
 * The variable inspector: the kernel's user variables with their type, shape, size and, for
 * scalars, their value. It asks the kernel when it opens and again whenever a cell ends or the
 * kernel restarts; the kernel answers between cells and while a cell waits on an `await`, so
 * Refresh also works while a long cell runs (a cell in synchronous code delays the answer).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { VariableInfo } from '../../core/protocol';
import type { KernelClient } from '../kernel/kernel-client';
import { formatShape, formatSize } from './variable-format';
import './variable-inspector.css';

type Props = { kernel: KernelClient };

export function VariableInspector({ kernel }: Props) {
  const [variables, setVariables] = useState<VariableInfo[] | null>(null);
  // Answers may arrive out of order (one asked before a restart): only the latest counts.
  const latest = useRef(0);

  const refresh = useCallback(() => {
    const asked = ++latest.current;
    void kernel.inspectVariables().then((answer) => {
      if (asked === latest.current) setVariables(answer);
    });
  }, [kernel]);

  useEffect(() => {
    refresh();
    const unsubscribe = kernel.subscribe((event) => {
      if (event.type === 'done' || event.type === 'restarted' || event.type === 'ready') refresh();
    });
    return () => {
      unsubscribe();
      // An answer after closing must not set the state of an unmounted panel.
      latest.current++;
    };
  }, [kernel, refresh]);

  return (
    <aside className="side-panel variables-panel" aria-label="Variables">
      <div className="variables-header">
        <strong>Variables</strong>
        <button type="button" onClick={refresh} title="Ask the kernel again">
          Refresh
        </button>
      </div>
      {variables === null ? (
        <p className="empty">Asking the kernel…</p>
      ) : variables.length === 0 ? (
        <p className="empty">No variables yet: run a cell that declares one.</p>
      ) : (
        <table className="variables-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Shape</th>
              <th
                scope="col"
                title="Exact for buffers (typed arrays, tensors, Arrow); ~ an estimate"
              >
                Size
              </th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {variables.map((v) => (
              <tr key={v.name}>
                <th scope="row" className="variables-name">
                  {v.name}
                </th>
                <td>{v.type}</td>
                <td className="variables-num">{formatShape(v.shape)}</td>
                <td className="variables-num">{formatSize(v.size)}</td>
                <td className="variables-preview" title={v.preview ?? undefined}>
                  {v.preview ?? ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </aside>
  );
}
