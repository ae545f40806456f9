/**
 * An `error` output: the name in bold red, the message, then the traceback. The kernel's first
 * traceback line repeats "Name: message", so it is not shown twice. Frames of the failing cell
 * link to their line when the cell passes `onErrorLocation`.
 */
import { useMemo } from 'react';
import type { CellLocation } from '../../core/protocol';
import { stripAnsi } from './ansi';
import { AnsiText } from './AnsiText';
import { failingExecutionCount } from './error-frames';
import './text-outputs.css';

export type ErrorViewProps = {
  ename: string;
  evalue: string;
  traceback: readonly string[];
  onErrorLocation?: (location: CellLocation) => void;
};

export function ErrorView({ ename, evalue, traceback, onErrorLocation }: ErrorViewProps) {
  const lines = useMemo(() => {
    const first = traceback[0];
    const repeatsHead = first !== undefined && stripAnsi(first).trim() === `${ename}: ${evalue}`;
    return repeatsHead ? traceback.slice(1) : traceback;
  }, [traceback, ename, evalue]);
  const frameCount = useMemo(() => failingExecutionCount(traceback), [traceback]);
  const text = lines.join('\n');
  return (
    <div className="qo-error" role="group" aria-label={`Error: ${ename}`}>
      <p className="qo-error-head">
        <span className="qo-error-name">{ename}</span>
        {evalue !== '' && <span>: {evalue}</span>}
      </p>
      {text.trim() !== '' && (
        <pre className="qo-pre">
          <AnsiText
            text={text}
            frameCount={frameCount}
            onFrame={
              onErrorLocation &&
              ((frame) => onErrorLocation({ line: frame.line, column: frame.column }))
            }
          />
        </pre>
      )}
    </div>
  );
}
