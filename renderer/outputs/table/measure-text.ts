/**
 * Measures text in the table's fonts with a canvas, so column widths fit whatever font the
 * platform resolves `--qo-font-ui` to (DejaVu Sans is far wider than Segoe UI).
 */
import { estimateText, type TextMeasure } from './column-widths';

let cached: TextMeasure | null = null;

export function canvasMeasure(): TextMeasure {
  if (cached) return cached;
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return estimateText;
  const style = getComputedStyle(document.documentElement);
  const ui = style.getPropertyValue('--qo-font-ui').trim() || 'system-ui, sans-serif';
  const mono = style.getPropertyValue('--qo-font-mono').trim() || 'monospace';
  // Keep in step with table.css: cells 12px, names 600 12px, badges 10px monospace.
  const fonts = { cell: `12px ${ui}`, name: `600 12px ${ui}`, badge: `10px ${mono}` };
  const widths = new Map<string, number>();
  const measure: TextMeasure = (text, font) => {
    const key = `${font}\u0000${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      context.font = fonts[font];
      width = context.measureText(text).width;
      if (widths.size < 5000) widths.set(key, width);
    }
    return width;
  };
  cached = measure;
  return measure;
}
