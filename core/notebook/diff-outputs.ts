/**
 * One cell's outputs compared, by kind:
 *
 * - streams: all of the cell's stdout as one text, stderr as another (where a display falls
 *   between two prints is not a difference), line diffs;
 * - errors: the first error's `ename` and `evalue` (tracebacks hold paths and frames);
 * - displays and results, paired in order: each by its richest representation only (a table
 *   by its data, not by the HTML and text renderings the kernel adds to the same bundle), see
 *   `representation`.
 *
 * Execution counts, output metadata (runtime-only details such as image sizes) and transient
 * display ids are never compared.
 */
import { MIME, type MimeBundle, type Output } from '../outputs';
import { diffChart } from './diff-chart';
import { diffTable } from './diff-table';
import { diffText } from './diff-text';
import type { DiffTolerance, ErrorChange, OutputChange, OutputKind } from './diff-types';
import { sameValue } from './diff-values';

const IMAGE_MIMES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml'];
/** Text representations, the richest first. */
const TEXT_MIMES = [MIME.markdown, MIME.html, 'text/latex', MIME.text];

type Representation = {
  kind: Exclude<OutputKind, 'stream' | 'error'>;
  mime: string;
  data: unknown;
};

type Rich = { output: number; bundle: MimeBundle };

/** The changes between two lists of one cell's outputs; empty when they are the same. */
export function diffOutputs(
  baseline: Output[],
  current: Output[],
  tolerance: DiffTolerance,
): OutputChange[] {
  const changes: OutputChange[] = [];
  for (const name of ['stdout', 'stderr'] as const) {
    const text = diffText(streamText(baseline, name), streamText(current, name), tolerance);
    if (text) changes.push({ kind: 'text', output: null, what: name, ...text });
  }
  const error = diffErrors(baseline, current);
  if (error) changes.push(error);
  const richA = richOutputs(baseline);
  const richB = richOutputs(current);
  for (let i = 0; i < Math.max(richA.length, richB.length); i++) {
    const a = richA[i];
    const b = richB[i];
    if (a === undefined)
      changes.push({ kind: 'added', output: b.output, what: representation(b.bundle).kind });
    else if (b === undefined)
      changes.push({ kind: 'removed', output: a.output, what: representation(a.bundle).kind });
    else {
      const change = diffRepresentations(
        representation(a.bundle),
        representation(b.bundle),
        tolerance,
        b.output,
      );
      if (change) changes.push(change);
    }
  }
  return changes;
}

function streamText(outputs: Output[], name: 'stdout' | 'stderr'): string {
  let text = '';
  for (const o of outputs) if (o.output_type === 'stream' && o.name === name) text += o.text;
  return text;
}

function richOutputs(outputs: Output[]): Rich[] {
  const rich: Rich[] = [];
  outputs.forEach((o, i) => {
    if (o.output_type === 'display_data' || o.output_type === 'execute_result')
      rich.push({ output: i + 1, bundle: o.data });
  });
  return rich;
}

function diffErrors(baseline: Output[], current: Output[]): ErrorChange | null {
  const find = (outputs: Output[]) => {
    const at = outputs.findIndex((o) => o.output_type === 'error');
    const error = outputs[at];
    return error?.output_type === 'error'
      ? { output: at + 1, error: { ename: error.ename, evalue: error.evalue } }
      : null;
  };
  const a = find(baseline);
  const b = find(current);
  if (a?.error.ename === b?.error.ename && a?.error.evalue === b?.error.evalue) return null;
  return {
    kind: 'error',
    output: (b ?? a)?.output ?? null,
    baseline: a?.error ?? null,
    current: b?.error ?? null,
  };
}

/** What an output is compared by: its table, chart, image, text or other data. */
export function representation(bundle: MimeBundle): Representation {
  if (bundle[MIME.table] !== undefined)
    return { kind: 'table', mime: MIME.table, data: bundle[MIME.table] };
  if (bundle[MIME.plotly] !== undefined)
    return { kind: 'chart', mime: MIME.plotly, data: bundle[MIME.plotly] };
  for (const mime of IMAGE_MIMES)
    if (bundle[mime] !== undefined) return { kind: 'image', mime, data: bundle[mime] };
  const other = Object.keys(bundle)
    .sort()
    .find((mime) => !TEXT_MIMES.includes(mime));
  if (other !== undefined && typeof bundle[other] !== 'string')
    return { kind: 'data', mime: other, data: bundle[other] };
  for (const mime of TEXT_MIMES)
    if (typeof bundle[mime] === 'string') return { kind: 'text', mime, data: bundle[mime] };
  if (other !== undefined) return { kind: 'text', mime: other, data: bundle[other] };
  return { kind: 'text', mime: MIME.text, data: '' };
}

function diffRepresentations(
  a: Representation,
  b: Representation,
  tolerance: DiffTolerance,
  output: number,
): OutputChange | null {
  if (a.kind !== b.kind) return { kind: 'kind', output, baseline: a.kind, current: b.kind };
  switch (b.kind) {
    case 'table':
      return diffTable(a.data, b.data, tolerance, output);
    case 'chart':
      return diffChart(a.data, b.data, tolerance, output);
    case 'image': {
      const bytesA = imageBytes(a.data);
      const bytesB = imageBytes(b.data);
      if (a.mime === b.mime && bytesA.content === bytesB.content) return null;
      return {
        kind: 'image',
        output,
        mime: b.mime,
        baselineBytes: bytesA.size,
        currentBytes: bytesB.size,
      };
    }
    case 'text': {
      const text = diffText(String(a.data), String(b.data), tolerance);
      return text ? { kind: 'text', output, what: b.mime, ...text } : null;
    }
    case 'data':
      return a.mime === b.mime && sameValue(a.data, b.data, tolerance)
        ? null
        : { kind: 'data', output, mime: b.mime };
  }
}

/** An image's content (base64 without the line breaks a file may hold, or SVG text) and size. */
function imageBytes(data: unknown): { content: string; size: number } {
  const text = typeof data === 'string' ? data : JSON.stringify(data ?? null);
  if (text.trimStart().startsWith('<')) return { content: text, size: text.length };
  const content = text.replace(/\s+/g, '');
  const padding = content.endsWith('==') ? 2 : content.endsWith('=') ? 1 : 0;
  return { content, size: Math.floor((content.length * 3) / 4) - padding };
}
