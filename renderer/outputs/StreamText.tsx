/** stdout / stderr of a cell; stderr is tinted so warnings stand out from ordinary output. */
import { AnsiText } from './AnsiText';
import './text-outputs.css';

export type StreamTextProps = { name: 'stdout' | 'stderr'; text: string };

export function StreamText({ name, text }: StreamTextProps) {
  return (
    <pre className={name === 'stderr' ? 'qo-pre qo-stderr' : 'qo-pre'} data-stream={name}>
      <AnsiText text={text} />
    </pre>
  );
}
