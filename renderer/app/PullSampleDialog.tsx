/**
 * "Pull sample": a modal dialog that makes a SampleRequest from its fields (sample-form.ts),
 * previews the source (`sample.preview`: first rows, schema, the query the engine will
 * receive) and pulls it into `samples/NAME.parquet` as a host job with a progress bar and
 * Cancel (use-sample-pull.ts). Problems are said in one line and the form keeps what was typed.
 *
 * Keys: Enter in a field previews, Escape closes (not while a pull runs: Cancel it first). A
 * file dropped onto the dialog fills the path with its name, the most a browser tells.
 */
import { useRef, useState, type DragEvent } from 'react';
import type { HostClient } from '../../core/host-contract';
import type { HostJobResult } from '../../core/host-jobs';
import type { SamplePreview } from '../../core/sample/preview';
import { JobProgress } from './JobProgress';
import { EMPTY_SAMPLE_FORM, formRequest, withField, type SampleForm } from './sample-form';
import { SampleFormFields, type FieldRefs } from './SampleFormFields';
import { SamplePreviewView } from './SamplePreviewView';
import { useSamplePull, type PullState } from './use-sample-pull';
import './samples.css';

type Props = {
  host: HostClient;
  /** The pull finished: record the sample, refresh what lists samples. */
  onPulled(result: HostJobResult): void;
  onClose(): void;
};

type Shown =
  { kind: 'none' } | { kind: 'previewing' } | { kind: 'preview'; preview: SamplePreview };

export function PullSampleDialog({ host, onPulled, onClose }: Props) {
  const [form, setForm] = useState<SampleForm>(EMPTY_SAMPLE_FORM);
  const [problem, setProblem] = useState<string | null>(null);
  const [shown, setShown] = useState<Shown>({ kind: 'none' });
  const refs = useRef<FieldRefs>({});
  const pull = useSamplePull(host, onPulled);
  const busy = pull.state.kind === 'starting' || pull.state.kind === 'running';

  /** The request the fields make, or null after saying what is wrong and focusing it. */
  const request = () => {
    const outcome = formRequest(form);
    if (outcome.kind === 'request') {
      setProblem(null);
      return outcome;
    }
    setProblem(outcome.message);
    if (outcome.field !== null) refs.current[outcome.field]?.focus();
    return null;
  };

  const preview = async () => {
    const made = request();
    if (made === null) return;
    setShown({ kind: 'previewing' });
    try {
      const answer = await host.call('sample.preview', { request: made.request });
      setShown({ kind: 'preview', preview: answer });
    } catch (error) {
      setShown({ kind: 'none' });
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  const start = (force: boolean) => {
    const made = request();
    if (made !== null) void pull.start(made.request, made.name, force);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    const name = event.dataTransfer.files[0]?.name ?? event.dataTransfer.getData('text/plain');
    if (!name || busy) return;
    setForm((current) => withField(withField(current, 'sourceKind', 'files'), 'path', name.trim()));
  };

  return (
    <div className="sample-dialog-backdrop">
      <div
        className="sample-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="pull-sample-title"
        onKeyDown={(event) => {
          if (event.key === 'Escape' && !busy) {
            event.stopPropagation();
            onClose();
          }
        }}
        onDragOver={(event) => event.preventDefault()}
        onDrop={onDrop}
      >
        <h2 id="pull-sample-title">Pull sample</h2>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!busy) void preview();
          }}
        >
          <SampleFormFields
            host={host}
            form={form}
            onChange={(field, value) => setForm((current) => withField(current, field, value))}
            refs={refs.current}
            disabled={busy}
          />
          {shown.kind === 'previewing' && <p className="sample-note">Reading the first rows…</p>}
          {shown.kind === 'preview' && <SamplePreviewView preview={shown.preview} />}
          {/* Kept in view at the dialog's foot however far its content scrolls. */}
          <footer className="sample-dialog-footer">
            {problem && (
              <p className="sample-error" role="alert">
                {problem}
              </p>
            )}
            <PullStatus state={pull.state} onCancel={pull.cancel} onOverwrite={() => start(true)} />
            <div className="sample-dialog-buttons">
              <button type="submit" disabled={busy || shown.kind === 'previewing'}>
                Preview
              </button>
              <button type="button" disabled={busy} onClick={() => start(false)}>
                Pull
              </button>
              <button type="button" disabled={busy} onClick={onClose}>
                Close
              </button>
            </div>
          </footer>
        </form>
      </div>
    </div>
  );
}

type StatusProps = { state: PullState; onCancel(): void; onOverwrite(): void };

function PullStatus({ state, onCancel, onOverwrite }: StatusProps) {
  switch (state.kind) {
    case 'idle':
      return null;
    case 'starting':
      return <p className="sample-note">Starting the pull…</p>;
    case 'running':
      return (
        <div className="sample-progress">
          <JobProgress job={state.job} onCancel={onCancel} />
          {state.cancelling && <p className="sample-note">Cancelling…</p>}
        </div>
      );
    case 'done': {
      const rows = state.result.manifest.rows.actual.toLocaleString('en-US');
      return (
        <p className="sample-done" role="status">
          Pulled {rows} rows into {state.result.file}
        </p>
      );
    }
    case 'failed':
      return (
        <div className="sample-error" role="alert">
          {state.message}
          {state.overwrite && (
            <button type="button" onClick={onOverwrite}>
              Overwrite
            </button>
          )}
        </div>
      );
    case 'cancelled':
      return (
        <p className="sample-note" role="status">
          Cancelled: nothing was written.
        </p>
      );
  }
}
