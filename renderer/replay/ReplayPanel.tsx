/**
 * Replay mode's bar under the toolbar: the `Parameters` form, `Run replay` (disabled while a
 * field does not parse), Cancel while it runs, its progress, and the summary of what changed.
 */
import type { Cell } from '../../core/notebook/model';
import { summaryLine } from './change-badges';
import { ParameterInput } from './ParameterInput';
import type { Replay, ReplayPhase } from './use-replay';
import './replay.css';

type Props = { replay: Replay; cells: Cell[] };

export function ReplayPanel({ replay, cells }: Props) {
  const { form, texts, check, phase } = replay;
  const busy = phase.kind === 'restarting' || phase.kind === 'running';
  const errors = check.ok ? {} : check.errors;
  return (
    <section className="replay-panel" aria-label="Replay">
      <form
        className="replay-form"
        aria-label="Parameters"
        onSubmit={(event) => {
          event.preventDefault();
          replay.start();
        }}
      >
        <p className="replay-intro">
          Replay: the notebook is read-only. Run it with these parameters and compare each
          cell&apos;s outputs with the saved ones.
        </p>
        {form.cellIndex === null ? (
          <p className="replay-no-parameters">
            This notebook has no parameters cell (a code cell tagged <code>parameters</code>): it
            replays as saved.
          </p>
        ) : form.fields.length === 0 ? (
          <p className="replay-no-parameters">
            The parameters cell (cell {form.cellIndex + 1}) declares no parameters.
          </p>
        ) : (
          <div className="replay-fields">
            {form.fields.map((field) => (
              <ParameterInput
                key={field.name}
                field={field}
                text={texts[field.name] ?? field.defaultText}
                error={errors[field.name] ?? null}
                disabled={busy}
                onChange={(text) => replay.setText(field.name, text)}
              />
            ))}
          </div>
        )}
        <div className="replay-actions">
          <button type="submit" disabled={!check.ok || busy}>
            Run replay
          </button>
          {busy && (
            <button type="button" onClick={replay.cancel} title="Interrupt the running cell">
              Cancel
            </button>
          )}
          <span className="replay-progress" role="status" aria-label="Replay progress">
            {progressText(phase, replay.comparisons, cells)}
          </span>
        </div>
      </form>
    </section>
  );
}

function progressText(
  phase: ReplayPhase,
  comparisons: Replay['comparisons'],
  cells: Cell[],
): string {
  switch (phase.kind) {
    case 'ready':
      return '';
    case 'restarting':
      return 'Restarting the kernel…';
    case 'running':
      return `Running cell ${phase.current} of ${phase.total}… ${summaryLine(comparisons)}`;
    case 'ended': {
      const summary = summaryLine(comparisons);
      switch (phase.status) {
        case 'done':
          return summary;
        case 'cancelled':
          return `Cancelled. ${summary}`;
        case 'error': {
          const at = cells.findIndex((cell) => cell.id === phase.failedCellId);
          const where = at === -1 ? 'the injected parameters' : `cell ${at + 1}`;
          return `Stopped at ${where}: it failed. ${summary}`;
        }
        default:
          return phase.status satisfies never;
      }
    }
    default:
      return phase satisfies never;
  }
}
