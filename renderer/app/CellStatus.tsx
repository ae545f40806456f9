/**
 * A cell's run status and time; a running cell's time counts up live, as in JupyterLab. Once it
 * has run SQL, the engine that ran it follows (docs/kernel.md, "Where a query runs"): a short
 * name, with the engine's full label (its version) as the tooltip and the accessible name.
 * Last, whether its outputs are out of date (renderer/state/stale-cells.ts): `stale`, with why as
 * the tooltip, or `edited` when its own code changed since it ran.
 */
import { useEffect, useState } from 'react';
import type { CellEngine } from '../../core/protocol';
import type { CellRuntime } from '../state/notebook-state';
import { describeStaleCause, type Staleness } from '../state/stale-cells';

const TICK_MS = 100;

type Props = { runtime: CellRuntime; staleness: Staleness | null };

export function CellStatus({ runtime, staleness }: Props) {
  const elapsed = useElapsed(runtime.status === 'running' ? runtime.startedAtMs : null);
  if (runtime.status === 'idle') return null;
  const ms = runtime.status === 'running' ? elapsed : runtime.durationMs;
  const duration = ms === null ? '' : ` · ${formatDuration(ms)}`;
  return (
    <span className={`cell-status cell-status-${runtime.status}`} aria-label="Cell status">
      {runtime.status}
      {duration}
      {runtime.engine !== null && <EngineName engine={runtime.engine} />}
      {/* A cell queued or running is about to be brought up to date. */}
      {staleness !== null && runtime.status !== 'queued' && runtime.status !== 'running' && (
        <StaleMark staleness={staleness} />
      )}
    </span>
  );
}

function StaleMark({ staleness }: { staleness: Staleness }) {
  const [word, why] =
    staleness.kind === 'stale'
      ? ['stale', describeStaleCause(staleness.cause)]
      : ['edited', 'the code changed after this cell ran: run it to bring its outputs up to date'];
  return (
    <>
      {' · '}
      <span className={`cell-${word}`} title={why}>
        {word}
      </span>
    </>
  );
}

function EngineName({ engine }: { engine: CellEngine }) {
  const label = `Ran on ${engine.label}`;
  return (
    <>
      {' · '}
      <span className={`cell-engine cell-engine-${engine.where}`} title={label} aria-label={label}>
        {engineShortName(engine.where)}
      </span>
    </>
  );
}

/** What the status line says of an engine; its label, with the version, is the tooltip. */
function engineShortName(where: CellEngine['where']): string {
  switch (where) {
    case 'kernel':
      return 'DuckDB-WASM';
    case 'host':
      return 'native DuckDB (host)';
    case 'both':
      return 'host + kernel';
  }
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
