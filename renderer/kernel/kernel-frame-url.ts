/** Where the kernel frame is, and whom it listens to (core/kernel-frame-protocol.ts). */
import { KERNEL_FRAME_HOSTS, KERNEL_FRAME_PATH } from '../../core/kernel-frame-protocol';

/**
 * The kernel frame's URL for a page at `pageUrl`: the page's folder (browser mode serves the app
 * under a per-server path), `kernel-frame.html`, on the paired host. Null when the page's host
 * has no pair (the app is served from somewhere Quarry does not serve it).
 */
export function kernelFrameUrl(pageUrl: string): string | null {
  const url = new URL(KERNEL_FRAME_PATH, pageUrl);
  const pair = KERNEL_FRAME_HOSTS.find(([page]) => page === url.hostname);
  if (!pair) return null;
  url.hostname = pair[1];
  return url.href;
}

/** The origin a kernel frame at `frameUrl` accepts messages from: its page's. */
export function kernelPageOrigin(frameUrl: string): string | null {
  const url = new URL(frameUrl);
  const pair = KERNEL_FRAME_HOSTS.find(([, frame]) => frame === url.hostname);
  if (!pair) return null;
  url.hostname = pair[0];
  return originOf(url);
}

/** The origin of a URL; for a scheme the URL parser does not know (`quarry-app:`) `URL.origin` is "null". */
export function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}
