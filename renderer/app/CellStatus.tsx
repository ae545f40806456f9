/** A cell's run status and time; a running cell's time counts up live, as in JupyterLab. */
import { useEffect, useState } from 'react';
import type { CellRuntime } from '../state/notebook-state';

const TICK_MS = 100;

export function CellStatus({ runtime }: { runtime: CellRuntime }) {
  const elapsed = useElapsed(runtime.status === 'running' ? runtime.startedAtMs : null);
  if (runtime.status === 'idle') return null;
  const ms = runtime.status === 'running' ? elapsed : runtime.durationMs;
  const duration = ms === null ? '' : ` · ${formatDuration(ms)}`;
  return (
    <span className={`cell-status cell-status-${runtime.status}`} aria-label="Cell status">
      {runtime.status}
      {duration}
    </span>
  );
}

/** Milliseconds since `since`, refreshed every tick; null when not counting. */
export function useElapsed(since: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [since]);
  return since === null ? null : Math.max(0, now - since);
}

export function formatDuration(ms: number): string {
  return ms >= 1000
    ? `${(ms / 1000).toFixed(2)} s`
    : `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}
