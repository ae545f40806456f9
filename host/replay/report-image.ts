/**
 * Images as `data:` URLs, the only images the report's policy allows. Raster images come
 * base64-encoded (nbformat wraps the text in lines); SVG comes as markup and is shown through
 * <img>, where a browser runs none of its script and loads none of its references.
 */
const RASTER = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
const SVG = 'image/svg+xml';

/** The MIME types of images the report shows, richest first. */
export const IMAGE_MIMES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', SVG] as const;

export function imageSrc(mime: string, data: unknown): string | null {
  const text = textOf(data);
  if (text === null) return null;
  if (mime === SVG) return `data:${SVG};charset=utf-8,${encodeURIComponent(text)}`;
  if (!RASTER.has(mime)) return null;
  const base64 = text.replace(/\s+/g, '');
  return base64 !== '' && /^[A-Za-z0-9+/]+={0,2}$/.test(base64)
    ? `data:${mime};base64,${base64}`
    : null;
}

/** Bundle text: a string, or (from some writers) still a list of lines. */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((line) => typeof line === 'string'))
    return value.join('');
  return null;
}
