/**
 * `Diff of cell N`: what changed in a replayed cell against its saved outputs. A modal dialog,
 * closed with Escape, its Close button or a click outside; focus goes to it when it opens and
 * back to the button that opened it when it closes.
 */
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { OutputChange } from '../../core/notebook/diff';
import { OutputChangeView } from './OutputChangeView';

type Props = { cellNumber: number; changes: OutputChange[]; onClose(): void };

export function DiffDialog({ cellNumber, changes, onClose }: Props) {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    dialog.current?.focus();
    return () => opener?.focus();
  }, []);
  const title = `Diff of cell ${cellNumber}`;
  // On the body: a cell's box must not clip or stack over the dialog.
  return createPortal(
    <div className="diff-dialog-backdrop" onMouseDown={onClose}>
      <div
        ref={dialog}
        className="diff-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        tabIndex={-1}
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.stopPropagation();
          onClose();
        }}
      >
        <header className="diff-dialog-head">
          <h2>{title}</h2>
          <span className="diff-legend">
            <span className="diff-removed">− saved</span>{' '}
            <span className="diff-added">+ replay</span>
          </span>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </header>
        <div className="diff-dialog-body">
          {changes.map((change, i) => (
            <OutputChangeView key={i} change={change} />
          ))}
        </div>
      </div>
    </div>,
    document.body,
  );
}
