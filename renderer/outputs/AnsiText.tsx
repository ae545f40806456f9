/**
 * Text with ANSI colours as styled spans. With `onFrame`, the traceback's references to the
 * failing cell (`In[N]:line:col`, N = `frameCount`) become buttons that jump to that line.
 */
import { Fragment, useMemo, type ReactNode } from 'react';
import { ansiToSpans, type AnsiSpan } from './ansi';
import { splitFrames, type FrameRef } from './error-frames';
import './text-outputs.css';

export type AnsiTextProps = {
  text: string;
  frameCount?: number | null;
  onFrame?: (frame: FrameRef) => void;
};

export function AnsiText({ text, frameCount, onFrame }: AnsiTextProps) {
  const spans = useMemo(() => ansiToSpans(text), [text]);
  return (
    <>
      {spans.map((span, i) => {
        const content = onFrame ? linkFrames(span.text, frameCount ?? null, onFrame) : span.text;
        const className = spanClass(span);
        // Unstyled text needs no element: a long plain log stays a bare text node.
        return className ? (
          <span key={i} className={className}>
            {content}
          </span>
        ) : (
          <Fragment key={i}>{content}</Fragment>
        );
      })}
    </>
  );
}

function spanClass(span: AnsiSpan): string {
  const classes: string[] = [];
  if (span.fg !== null) classes.push(`qo-ansi-fg-${span.fg}`);
  if (span.bg !== null) classes.push(`qo-ansi-bg-${span.bg}`);
  if (span.bold) classes.push('qo-ansi-bold');
  return classes.join(' ');
}

function linkFrames(
  text: string,
  frameCount: number | null,
  onFrame: (frame: FrameRef) => void,
): ReactNode {
  const parts = splitFrames(text);
  if (parts.length === 1 && typeof parts[0] === 'string') return text;
  return parts.map((part, i) =>
    typeof part === 'string' || part.executionCount !== frameCount ? (
      typeof part === 'string' ? (
        part
      ) : (
        part.text
      )
    ) : (
      <button
        key={i}
        type="button"
        className="qo-frame-link"
        aria-label={`Go to line ${part.line}, column ${part.column}`}
        onClick={() => onFrame(part)}
      >
        {part.text}
      </button>
    ),
  );
}
