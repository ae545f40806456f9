/**
 * Where Quarry keeps per-user state that is not part of any document: recovery copies of
 * unsaved work and the recent-files list. It lives outside every workspace, so a notebook
 * folder (often a git checkout) never collects Quarry's bookkeeping.
 */
import { homedir } from 'node:os';
import path from 'node:path';

/** `$QUARRY_STATE_DIR` when set (tests, portable installs), else `~/.quarry`. */
export function defaultStateDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.QUARRY_STATE_DIR;
  if (configured !== undefined && configured !== '') return path.resolve(configured);
  return path.join(homedir(), '.quarry');
}
