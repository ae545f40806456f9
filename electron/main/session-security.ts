/**
 * Locks down the session the app's window uses. The app needs no permission (camera, location,
 * notifications...) and nothing from the network: everything it loads is `quarry-app://` (the app
 * and its kernel frame), plus the blob: and data: URLs it makes itself (workers, images).
 * Anything else is cancelled before it leaves, so a notebook's HTML output or a bug cannot reach
 * a remote server.
 */
import type { Session } from 'electron';
import { isAppOrigin, isKernelOrigin } from '../shared/app-url';

/** Schemes the page may load besides its own origin; devtools: for the developer tools in dev. */
const LOCAL_SCHEMES: ReadonlySet<string> = new Set(['blob:', 'data:', 'devtools:']);

export function isAllowedRequestUrl(url: string): boolean {
  if (isAppOrigin(url) || isKernelOrigin(url)) return true;
  try {
    return LOCAL_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

export function secureSession(session: Session): void {
  // A request is asked for only after a check said no: deny both, always.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
}
