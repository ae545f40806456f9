/**
 * One cell output as report HTML, by kind. A bundle shows its richest type the report can draw
 * (the app's order, renderer/outputs/mime.ts); a malformed rich entry falls through to the next.
 */
import type { JsonObject } from '../../core/json';
import { MIME, type ErrorOutput, type MimeBundle, type Output } from '../../core/outputs';
import { stripAnsi } from './report-ansi';
import { readFigure, renderChart } from './report-chart';
import { escapeHtml } from './report-escape';
import { sandboxedFrame } from './report-frame';
import { IMAGE_MIMES, imageSrc, textOf } from './report-image';
import { renderMarkdown } from './report-markdown';
import { FRAME_HTML_CSS } from './report-style';
import { readTable, renderTable } from './report-table';

/** What the page needs to know about what its outputs used. */
export type RenderNeeds = { charts: number };

export function renderOutput(output: Output, cell: number, needs: RenderNeeds): string {
  switch (output.output_type) {
    case 'stream':
      return `<pre class="qr-stream qr-${output.name}">${escapeHtml(stripAnsi(output.text))}</pre>`;
    case 'error':
      return renderError(output);
    case 'display_data':
    case 'execute_result':
      return renderBundle(output.data, output.metadata, cell, needs);
  }
}

function renderError(error: ErrorOutput): string {
  const traceback = stripAnsi(error.traceback.join('\n'));
  return (
    `<div class="qr-error"><p><strong>${escapeHtml(error.ename)}</strong>: ${escapeHtml(error.evalue)}</p>` +
    (traceback.trim() === '' ? '' : `<pre>${escapeHtml(traceback)}</pre>`) +
    `</div>`
  );
}

function renderBundle(
  bundle: MimeBundle,
  metadata: JsonObject,
  cell: number,
  needs: RenderNeeds,
): string {
  const has = (mime: string) => Object.prototype.hasOwnProperty.call(bundle, mime);
  if (has(MIME.plotly)) {
    const figure = readFigure(bundle[MIME.plotly]);
    if (figure) {
      needs.charts += 1;
      return renderChart(figure);
    }
  }
  if (has(MIME.table)) {
    const table = readTable(bundle[MIME.table]);
    if (table) return renderTable(table);
  }
  for (const mime of IMAGE_MIMES) {
    const src = has(mime) ? imageSrc(mime, bundle[mime]) : null;
    if (src !== null) return renderImage(src, mime, metadata, cell);
  }
  const html = has(MIME.html) ? textOf(bundle[MIME.html]) : null;
  if (html !== null) return sandboxedFrame(html, `HTML output of cell ${cell}`, FRAME_HTML_CSS);
  const markdown = has(MIME.markdown) ? textOf(bundle[MIME.markdown]) : null;
  if (markdown !== null) return renderMarkdown(markdown, `Markdown output of cell ${cell}`);
  const text = has(MIME.text) ? textOf(bundle[MIME.text]) : null;
  if (text !== null) return `<pre class="qr-text">${escapeHtml(stripAnsi(text))}</pre>`;
  if (has(MIME.json)) {
    const json = JSON.stringify(bundle[MIME.json], null, 2) ?? 'undefined';
    return `<pre class="qr-text">${escapeHtml(json)}</pre>`;
  }
  const types = Object.keys(bundle).join(', ') || 'no data';
  return `<p class="qr-missing">An output the report cannot show (${escapeHtml(types)}).</p>`;
}

/** Width and height as the output's metadata asks (nbformat: `metadata[mime].width`). */
function renderImage(src: string, mime: string, metadata: JsonObject, cell: number): string {
  const size = metadata[mime];
  const dimension = (key: 'width' | 'height') => {
    const value =
      typeof size === 'object' && size !== null && !Array.isArray(size) ? size[key] : null;
    return typeof value === 'number' && value > 0 ? ` ${key}="${Math.round(value)}"` : '';
  };
  return `<img class="qr-image" src="${escapeHtml(src)}" alt="Image output of cell ${cell}"${dimension('width')}${dimension('height')}>`;
}
