/**
 * The app's own origin, `quarry-app://app`, shared by the main process (which serves it and
 * checks IPC senders against it) and the tests. The renderer and its kernel worker use the same
 * page-relative URLs as in browser mode (`files/<path>`, `./assets/...`), so they do not know
 * which of the two they run in.
 *
 * Each load of the app page carries a generation (`?generation=N`): when the workspace changes
 * (File › Open… of a notebook in another folder) the page is loaded again with the next
 * generation, and the IPC manager refuses calls from a page still showing an older one, so a
 * stale page can never save its paths relative to the new workspace.
 */
export const APP_SCHEME = 'quarry-app';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/**
 * The kernel frame's host (core/kernel-frame-protocol.ts): another site, so Chromium runs the
 * kernel in a process of its own. It serves the kernel's files and the workspace's data files,
 * never the app page, and it has no IPC (the IPC manager checks for APP_HOST).
 */
export const KERNEL_HOST = 'kernel';
export const KERNEL_ORIGIN = `${APP_SCHEME}://${KERNEL_HOST}`;
/** Workspace files, as browser mode's `/s/KEY/files/` route. */
export const FILES_PATH_PREFIX = '/files/';

const PAGE_PATHS: ReadonlySet<string> = new Set(['/', '/index.html']);

export function appPageUrl(generation: number): string {
  return `${APP_ORIGIN}/index.html?generation=${generation}`;
}

/** True for any URL of the app's origin (pages, assets, data files). */
export function isAppOrigin(url: string): boolean {
  return hostOf(url) === APP_HOST;
}

/** True for any URL of the kernel frame's origin. */
export function isKernelOrigin(url: string): boolean {
  return hostOf(url) === KERNEL_HOST;
}

/** The host of a URL of the app's scheme (no credentials), else null. */
function hostOf(url: string): string | null {
  const parsed = parse(url);
  const ours =
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.username === '' &&
    parsed.password === '';
  return ours ? parsed.host : null;
}

/**
 * The generation of an app page URL, or null when `url` is not the app page: another origin, a
 * data file under /files/ (which the app never shows as a page), or a page without generation.
 */
export function pageGeneration(url: string): number | null {
  if (!isAppOrigin(url)) return null;
  const parsed = parse(url);
  if (parsed === null || !PAGE_PATHS.has(parsed.pathname)) return null;
  const value = parsed.searchParams.get('generation');
  if (value === null || !/^\d{1,15}$/.test(value)) return null;
  return Number(value);
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
