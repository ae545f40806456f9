/** `text/plain`: the last resort of every bundle, shown as the kernel formatted it. */
import { AnsiText } from './AnsiText';
import './text-outputs.css';

export function PlainText({ text }: { text: string }) {
  // Plain text from other kernels (IPython reprs) may carry ANSI colours too.
  return (
    <pre className="qo-pre">
      <AnsiText text={text} />
    </pre>
  );
}
