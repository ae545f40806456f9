/**
 * Never lose work: while a notebook has unsaved edits, a copy goes to the host's recovery store
 * every few seconds, so a crash or a killed process costs at most that much typing.
 */
import { useEffect, useRef } from 'react';
import type { HostClient } from '../../core/host-contract';
import { trimOutputsForFile } from '../../core/notebook/file-outputs';
import { serializeNotebook } from '../../core/notebook/ipynb';
import { withLiveSources, type LiveSources } from '../editor/live-sources';
import type { NotebookState } from '../state/notebook-state';

export const RECOVERY_INTERVAL_MS = 2_000;

export function useRecoveryAutosave(
  host: HostClient,
  state: NotebookState,
  live: LiveSources,
): void {
  const latest = useRef(state);
  latest.current = state;
  const written = useRef<string | null>(null);

  useEffect(() => {
    const timer = setInterval(() => {
      const { dirty, path, notebook } = latest.current;
      if (!dirty || !path) return;
      const text = serializeNotebook(trimOutputsForFile(withLiveSources(notebook, live)));
      if (text === written.current) return;
      written.current = text;
      host.call('recovery.write', { path, text }).catch(() => {
        // Try again on the next tick rather than lose the edit.
        written.current = null;
      });
    }, RECOVERY_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [host, live]);
}
