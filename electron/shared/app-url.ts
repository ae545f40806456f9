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
/** Workspace files, as browser mode's `/s/KEY/files/` route. */
export const FILES_PATH_PREFIX = '/files/';

const PAGE_PATHS: ReadonlySet<string> = new Set(['/', '/index.html']);

export function appPageUrl(generation: number): string {
  return `${APP_ORIGIN}/index.html?generation=${generation}`;
}

/** True for any URL of the app's origin (pages, assets, data files). */
export function isAppOrigin(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
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
