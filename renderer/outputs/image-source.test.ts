import { describe, expect, it } from 'vitest';
import { base64ImageSrc, imageSize, svgImageSrc } from './image-source';

describe('image sources', () => {
  it('builds data URLs from wrapped base64', () => {
    expect(base64ImageSrc('image/png', 'iVBO\nRw0K\n')).toBe('data:image/png;base64,iVBORw0K');
    expect(base64ImageSrc('image/png', '"><script>')).toBeNull();
    expect(base64ImageSrc('image/png', '')).toBeNull();
  });

  it('encodes SVG so it cannot break out of the attribute', () => {
    expect(svgImageSrc('<svg a="1"/>')).toBe(
      'data:image/svg+xml;charset=utf-8,%3Csvg%20a%3D%221%22%2F%3E',
    );
  });

  it('reads the size from metadata', () => {
    expect(imageSize({ 'image/png': { width: 100, height: 'x' } }, 'image/png')).toEqual({
      width: 100,
    });
    expect(imageSize(null, 'image/png')).toEqual({});
  });
});
