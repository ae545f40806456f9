/** PNG, JPEG and SVG outputs as <img>, with the bundle's text as alt text when it has one. */
import { useMemo } from 'react';
import { base64ImageSrc, svgImageSrc, type ImageSize } from './image-source';
import { sanitizeSvg } from './sanitize-html';
import './rich-outputs.css';

export type ImageOutputProps = {
  mime: 'image/png' | 'image/jpeg' | 'image/svg+xml';
  data: string;
  alt: string;
  size: ImageSize;
};

export function ImageOutput({ mime, data, alt, size }: ImageOutputProps) {
  const src = useMemo(
    () => (mime === 'image/svg+xml' ? svgImageSrc(sanitizeSvg(data)) : base64ImageSrc(mime, data)),
    [mime, data],
  );
  if (src === null) return <p className="qo-note">This image output holds no valid image data.</p>;
  return <img className="qo-image" src={src} alt={alt} width={size.width} height={size.height} />;
}
