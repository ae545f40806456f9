import { describe, expect, it } from 'vitest';
import { kernelFrameUrl, kernelPageOrigin } from './kernel-frame-url';

describe('kernel frame URL', () => {
  it('is the page’s folder on the other loopback name, the same port', () => {
    expect(kernelFrameUrl('http://127.0.0.1:4100/s/KEY/?token=T')).toBe(
      'http://localhost:4100/s/KEY/kernel-frame.html',
    );
    expect(kernelFrameUrl('http://localhost:4100/s/KEY/index.html#x')).toBe(
      'http://127.0.0.1:4100/s/KEY/kernel-frame.html',
    );
  });

  it('is the `kernel` host in the desktop app', () => {
    expect(kernelFrameUrl('quarry-app://app/index.html?generation=3')).toBe(
      'quarry-app://kernel/kernel-frame.html',
    );
  });

  it('a page elsewhere has none', () => {
    expect(kernelFrameUrl('https://example.com/index.html')).toBeNull();
  });

  it('the frame listens to its page’s origin only', () => {
    expect(kernelPageOrigin('http://localhost:4100/s/KEY/kernel-frame.html')).toBe(
      'http://127.0.0.1:4100',
    );
    expect(kernelPageOrigin('http://127.0.0.1:4100/s/KEY/kernel-frame.html')).toBe(
      'http://localhost:4100',
    );
    expect(kernelPageOrigin('quarry-app://kernel/kernel-frame.html')).toBe('quarry-app://app');
    expect(kernelPageOrigin('https://example.com/kernel-frame.html')).toBeNull();
  });
});
