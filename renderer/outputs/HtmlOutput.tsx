/** `text/html`, sanitised: see sanitize-html.ts for what a notebook's HTML may not do. */
import { useMemo } from 'react';
import './rendered.css';
import { sanitizeHtml } from './sanitize-html';

export function HtmlOutput({ html }: { html: string }) {
  const clean = useMemo(() => sanitizeHtml(html), [html]);
  return <div className="q-rendered q-html" dangerouslySetInnerHTML={{ __html: clean }} />;
}
