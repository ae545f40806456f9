/**
 * Opens a URL in the user's default browser, for `quarry serve`. Best effort: with no desktop
 * (a server, CI, a container) there is nothing to open, and the printed URL is the fallback.
 */
import { spawn } from 'node:child_process';

export function openInBrowser(url: string): void {
  const [command, args] = browserCommand(url);
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined); // no xdg-open, no display: the URL is on the terminal
    child.unref();
  } catch {
    // spawn can also throw synchronously (bad environment); same answer
  }
}

function browserCommand(url: string): [string, string[]] {
  if (process.platform === 'darwin') return ['open', [url]];
  // `start` is a cmd built-in; its first quoted argument is a window title. The URL holds only
  // base64url and URL characters, none of which cmd treats as special.
  if (process.platform === 'win32') return ['cmd', ['/c', 'start', '""', url]];
  // Linux and the BSDs.
  return ['xdg-open', [url]];
}
