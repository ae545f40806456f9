/**
 * The outputs of one code cell, in a region named `Output of cell N` (DESIGN.md, UI names: tests
 * and screen readers find it by that name). The region is always there, empty or not.
 */
import { useMemo } from 'react';
import type { Output } from '../../core/outputs';
import type { CellLocation } from '../../core/protocol';
import { mergeStreams } from './merge-streams';
import { OutputBoundary } from './OutputBoundary';
import { OutputView } from './OutputView';
import './outputs.css';

export type OutputAreaProps = {
  outputs: readonly Output[];
  /** 1-based position of the cell in the notebook. */
  cellNumber: number;
  /** Called when a traceback frame of the failing cell is clicked: move the cursor there. */
  onErrorLocation?: (location: CellLocation) => void;
};

export function OutputArea({ outputs, cellNumber, onErrorLocation }: OutputAreaProps) {
  const shown = useMemo(() => mergeStreams(outputs), [outputs]);
  return (
    <div role="region" aria-label={`Output of cell ${cellNumber}`} className="qo-area">
      {shown.map((output, i) => (
        // Outputs only append or clear, never reorder: the index is a stable key.
        <div key={i} className="qo-output">
          <OutputBoundary output={output}>
            <OutputView output={output} onErrorLocation={onErrorLocation} />
          </OutputBoundary>
        </div>
      ))}
    </div>
  );
}
