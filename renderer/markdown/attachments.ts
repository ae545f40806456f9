/**
 * nbformat attachments of markdown cells: `![plot](attachment:plot.png)` names an image kept in
 * the cell's `attachments` (file name → MIME bundle, base64 for raster images). Their references
 * become `data:` URLs before sanitising, so the image shows without any file or network access.
 */
import { isJsonObject, type JsonObject } from '../../core/json';
import { base64ImageSrc, svgImageSrc } from '../outputs/image-source';

const IMAGE_MIMES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
const REFERENCE = /(\ssrc=")attachment:([^"]*)"/g;

export function resolveAttachments(html: string, attachments: JsonObject | undefined): string {
  if (!attachments) return html;
  return html.replace(REFERENCE, (whole, prefix: string, name: string) => {
    const src = attachmentSrc(attachments[safeDecode(name)]);
    return src ? `${prefix}${src}"` : whole;
  });
}

function attachmentSrc(bundle: unknown): string | null {
  if (!isJsonObject(bundle)) return null;
  for (const mime of IMAGE_MIMES) {
    const data = textOf(bundle[mime]);
    if (data !== null) return base64ImageSrc(mime, data);
  }
  const svg = textOf(bundle['image/svg+xml']);
  return svg === null ? null : svgImageSrc(svg);
}

/** Bundles hold a string or, as nbformat writes multi-line text, a list of lines. */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join('');
  return null;
}

function safeDecode(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
