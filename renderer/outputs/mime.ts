/**
 * Which MIME type of a bundle to show. Bundles come from notebook files that other tools wrote,
 * so a type is chosen only when its data has a shape we can render; a malformed rich entry falls
 * through to the next richest one instead of breaking the output.
 */
import type { MimeBundle } from '../../core/outputs';
import { isFigure } from './plotly-figure';
import { isTableResource } from './table/table-model';

/** Richest first: what the output area prefers when a bundle offers several. */
export const MIME_ORDER = [
  'application/vnd.plotly.v1+json',
  'application/vnd.dataresource+json',
  'image/png',
  'image/jpeg',
  'image/svg+xml',
  'text/html',
  'text/markdown',
  'text/plain',
] as const;

export type RenderableMime = (typeof MIME_ORDER)[number];

/** The richest type in `bundle` whose data is usable, or null when none is. */
export function pickMime(bundle: MimeBundle): RenderableMime | null {
  for (const mime of MIME_ORDER) {
    if (Object.prototype.hasOwnProperty.call(bundle, mime) && isUsable(mime, bundle[mime]))
      return mime;
  }
  return null;
}

function isUsable(mime: RenderableMime, value: unknown): boolean {
  switch (mime) {
    case 'application/vnd.plotly.v1+json':
      return isFigure(value);
    case 'application/vnd.dataresource+json':
      return isTableResource(value);
    // Images come base64-encoded, SVG as its text.
    case 'image/png':
    case 'image/jpeg':
    case 'image/svg+xml':
    case 'text/html':
    case 'text/markdown':
    case 'text/plain':
      return textOf(value) !== null;
  }
}

/**
 * Text data as one string. nbformat stores multi-line strings as arrays of lines; the codec joins
 * them, but a bundle built elsewhere may still hold the array.
 */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((line) => typeof line === 'string'))
    return value.join('');
  return null;
}
