/** One output of a cell, by its nbformat `output_type`. */
import type { Output } from '../../core/outputs';
import type { CellLocation } from '../../core/protocol';
import { ErrorView } from './ErrorView';
import { MimeOutput } from './MimeOutput';
import { StreamText } from './StreamText';

export type OutputViewProps = {
  output: Output;
  onErrorLocation?: (location: CellLocation) => void;
};

export function OutputView({ output, onErrorLocation }: OutputViewProps) {
  // The types say what the kernel writes; a file from elsewhere may say anything, so each field
  // is checked before use.
  switch (output.output_type) {
    case 'stream':
      return (
        <StreamText
          name={output.name === 'stderr' ? 'stderr' : 'stdout'}
          text={typeof output.text === 'string' ? output.text : ''}
        />
      );
    case 'error':
      return (
        <ErrorView
          ename={typeof output.ename === 'string' ? output.ename : 'Error'}
          evalue={typeof output.evalue === 'string' ? output.evalue : ''}
          traceback={Array.isArray(output.traceback) ? output.traceback.filter(isString) : []}
          onErrorLocation={onErrorLocation}
        />
      );
    case 'display_data':
    case 'execute_result':
      return isBundle(output.data) ? (
        <MimeOutput data={output.data} metadata={output.metadata} />
      ) : (
        <p className="qo-note">Empty output.</p>
      );
    default:
      return (
        <p className="qo-note">
          Unknown output type: {String((output as { output_type: unknown }).output_type)}
        </p>
      );
  }
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isBundle(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
