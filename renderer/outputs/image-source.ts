/**
 * `src` values for image outputs. Raster images arrive as base64 (nbformat wraps it in lines);
 * SVG arrives as markup and is shown through <img> after sanitising, where its scripts and styles
 * could not reach the app even if one slipped through.
 */

export type ImageSize = { width?: number; height?: number };

/** A `data:` URL for base64 image data, or null when the data is not base64. */
export function base64ImageSrc(mime: string, data: string): string | null {
  const base64 = data.replace(/\s+/g, '');
  if (base64 === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return null;
  return `data:${mime};base64,${base64}`;
}

export function svgImageSrc(cleanSvg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(cleanSvg)}`;
}

/** Width and height an output's metadata asks for (nbformat: `metadata[mime].width`). */
export function imageSize(metadata: unknown, mime: string): ImageSize {
  if (typeof metadata !== 'object' || metadata === null) return {};
  const entry: unknown = (metadata as Record<string, unknown>)[mime];
  if (typeof entry !== 'object' || entry === null) return {};
  const { width, height } = entry as Record<string, unknown>;
  const size: ImageSize = {};
  if (typeof width === 'number' && width > 0) size.width = width;
  if (typeof height === 'number' && height > 0) size.height = height;
  return size;
}
