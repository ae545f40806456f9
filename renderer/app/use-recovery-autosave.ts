/**
 * Never lose work, and never cry crash when there was none. While a notebook is open, the page
 * renews its lease on it every few seconds (`notebook.heartbeat`); while it has unsaved edits,
 * a copy goes to the host's recovery store on the same tick, so a crash or a killed process
 * costs at most that much typing. The host offers a copy back only once its page has stopped
 * renewing or said it is going: a second tab on the same notebook hears "open elsewhere"
 * instead of "crashed".
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HostClient, SessionId } from '../../core/host-contract';
import { trimOutputsForFile } from '../../core/notebook/file-outputs';
import { serializeNotebook } from '../../core/notebook/ipynb';
import { withLiveSources, type LiveSources } from '../editor/live-sources';
import type { NotebookState } from '../state/notebook-state';

export const RECOVERY_INTERVAL_MS = 2_000;

export type OtherPages = {
  /** Another tab or window has this notebook open (its edits are not shown here). */
  openElsewhere: boolean;
};

/**
 * `reportFailure` hears (once, until a copy is written again) that the copy could not be made:
 * the notebook cannot be serialized or the host refused it. It is not silent, because without
 * the copy a crash would lose the unsaved work.
 */
export function useRecoveryAutosave(
  host: HostClient,
  state: NotebookState,
  live: LiveSources,
  reportFailure: (text: string) => void,
): OtherPages {
  const latest = useRef(state);
  latest.current = state;
  const written = useRef<string | null>(null);
  const report = useRef(reportFailure);
  report.current = reportFailure;
  const failing = useRef(false);
  // One per page: a reload or a duplicated tab is another page, with its own lease.
  const [session] = useState<SessionId>(() => crypto.randomUUID());
  const [openElsewhere, setOpenElsewhere] = useState(false);

  const renewLease = useCallback(() => {
    const { path } = latest.current;
    if (!path) return setOpenElsewhere(false);
    // A hidden page gets a longer lease (its timers are throttled). Renewed on the tick and on
    // opening only, never on visibilitychange: a closing page turns hidden just before it goes,
    // and that must not stretch its lease.
    const visible = document.visibilityState === 'visible';
    host.call('notebook.heartbeat', { path, session, visible }).then(
      (answer) => latest.current.path === path && setOpenElsewhere(answer.openElsewhere),
      () => undefined, // the next tick renews; until then the last answer stands
    );
  }, [host, session]);

  useEffect(() => {
    const failed = (error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      if (!failing.current)
        report.current(
          `Autosave failed: ${reason}. Your changes are still here but have no recovery copy; save them.`,
        );
      failing.current = true;
    };
    const saveCopy = () => {
      const { dirty, path, notebook } = latest.current;
      if (!dirty || !path) return;
      let text: string;
      try {
        text = serializeNotebook(trimOutputsForFile(withLiveSources(notebook, live)));
      } catch (error) {
        return failed(error);
      }
      if (text === written.current) return;
      written.current = text;
      host.call('recovery.write', { path, text, session }).then(
        () => (failing.current = false),
        (error: unknown) => {
          // Try again on the next tick rather than lose the edit.
          written.current = null;
          failed(error);
        },
      );
    };
    const timer = setInterval(() => {
      renewLease();
      saveCopy();
    }, RECOVERY_INTERVAL_MS);
    // Best effort: a request made while the page unloads may never leave it, and then the
    // lease simply runs out. When it does arrive, a reload is offered its own unsaved work
    // at once instead of after the lease.
    const release = () => void host.call('notebook.release', { session }).catch(() => undefined);
    window.addEventListener('pagehide', release);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pagehide', release);
    };
  }, [host, live, session, renewLease]);

  // A notebook just opened is claimed at once, not a tick later.
  useEffect(renewLease, [state.path, renewLease]);

  return { openElsewhere };
}
