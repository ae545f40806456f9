/**
 * A rendered markdown cell (also used for `text/markdown` outputs): GitHub-flavoured markdown
 * with `$…$` / `$$…$$` math, sanitised like every other HTML the app shows.
 */
import 'katex/dist/katex.min.css';
import { useMemo } from 'react';
import type { JsonObject } from '../../core/json';
import '../outputs/outputs.css';
import '../outputs/rendered.css';
import { renderMarkdown } from './render-markdown';

export type MarkdownViewProps = {
  source: string;
  /** A markdown cell's nbformat attachments, for `attachment:NAME` images. */
  attachments?: JsonObject;
  className?: string;
};

export function MarkdownView({ source, attachments, className }: MarkdownViewProps) {
  // Rendering runs marked, KaTeX and DOMPurify: only again when the text changes.
  const html = useMemo(() => renderMarkdown(source, attachments), [source, attachments]);
  return (
    <div
      className={['q-rendered', 'q-markdown', className].filter(Boolean).join(' ')}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
