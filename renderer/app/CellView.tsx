/**
 * One cell: a region named `Cell N` (DESIGN.md) with its run button, execution count, status and
 * live timer, the editor (or rendered markdown), and the output region. The bars on the left
 * collapse the code and the outputs, as JupyterLab's collapsers do (kept in `jupyter` metadata).
 */
import { isJsonObject } from '../../core/json';
import { cellKindOf, type Cell } from '../../core/notebook/model';
import { CodeEditor, type CellLanguage, type EditorCommand } from '../editor/CodeEditor';
import type { LiveSources } from '../editor/live-sources';
import { MarkdownView } from '../markdown/MarkdownView';
import { OutputArea } from '../outputs/OutputArea';
import type { CellRuntime } from '../state/notebook-state';
import type { Staleness } from '../state/stale-cells';
import { CellStatus } from './CellStatus';
import { JobProgress } from './JobProgress';

type Props = {
  cell: Cell;
  cellNumber: number;
  /** The language of a notebook Quarry does not run (Python), or null for TypeScript. */
  foreignLanguage: string | null;
  runtime: CellRuntime;
  /** Whether its outputs are out of date (stale-cells.ts); null when up to date or never run. */
  staleness: Staleness | null;
  selected: boolean;
  /** Part of a multi-cell selection (Shift+Up/Down). */
  inSelection: boolean;
  editing: boolean;
  liveSources: LiveSources;
  onSelect(mode: 'command' | 'edit'): void;
  onChange(source: string): void;
  onRun(): void;
  onCommand(command: EditorCommand): void;
  onToggleHidden(part: 'source' | 'outputs'): void;
  onCancelJob(jobId: string): void;
};

const KIND_LABELS = { typescript: 'TypeScript', sql: 'SQL', markdown: 'Markdown', raw: 'Raw' };

export function CellView(props: Props) {
  const { cell, cellNumber, runtime, selected, editing } = props;
  const kind = cellKindOf(cell);
  const hidden = hiddenParts(cell);
  // A run in flight shows its own outputs; the document keeps the last finished run's.
  const outputs = cell.cell_type === 'code' ? (runtime.inFlight?.outputs ?? cell.outputs) : [];
  const showEditor = cell.cell_type !== 'markdown' || editing || cell.source.trim() === '';
  const foreignCode = props.foreignLanguage !== null && cell.cell_type === 'code';
  // Another language's code is not checked as TypeScript (every line would be red).
  const language: CellLanguage = foreignCode
    ? 'plaintext'
    : kind === 'sql'
      ? 'sql'
      : kind === 'markdown' || kind === 'raw'
        ? 'markdown'
        : 'typescript';
  const classes = [
    'cell',
    `cell-${kind}`,
    selected || props.inSelection ? 'cell-selected' : '',
    editing && selected ? 'cell-editing' : '',
  ];
  return (
    <section
      className={classes.filter(Boolean).join(' ')}
      role="region"
      aria-label={`Cell ${cellNumber}`}
      data-cell-id={cell.id}
      onMouseDown={() => !selected && props.onSelect('command')}
    >
      <div className="cell-gutter">
        <button
          type="button"
          className="cell-run"
          aria-label="Run cell"
          title="Run cell (Ctrl+Enter)"
          onClick={props.onRun}
        >
          ▶
        </button>
        {cell.cell_type === 'code' && (
          <span className="cell-count" aria-label="Execution count">
            [
            {runtime.status === 'running' || runtime.status === 'queued'
              ? '*'
              : (cell.executionCount ?? ' ')}
            ]
          </span>
        )}
      </div>
      <div className="cell-body">
        <div className="cell-meta">
          <Collapser part="source" hidden={hidden.source} onToggle={props.onToggleHidden} />
          <span className="cell-kind">
            {foreignCode ? props.foreignLanguage : KIND_LABELS[kind]}
          </span>
          <CellStatus runtime={runtime} staleness={props.staleness} />
        </div>
        {hidden.source ? (
          <HiddenPlaceholder part="source" onShow={() => props.onToggleHidden('source')} />
        ) : showEditor ? (
          <CodeEditor
            cellId={cell.id}
            cellNumber={cellNumber}
            source={cell.source}
            language={language}
            focused={selected && editing}
            errorLocation={runtime.errorLocation}
            liveSources={props.liveSources}
            onChange={props.onChange}
            onFocus={() => props.onSelect('edit')}
            onCommand={props.onCommand}
          />
        ) : (
          <div className="markdown-cell" onDoubleClick={() => props.onSelect('edit')}>
            <MarkdownView source={cell.source} attachments={attachmentsOf(cell)} />
          </div>
        )}
        {cell.cell_type === 'code' && (
          <div className="cell-outputs">
            {outputs.length > 0 && (
              <Collapser part="outputs" hidden={hidden.outputs} onToggle={props.onToggleHidden} />
            )}
            {hidden.outputs && outputs.length > 0 ? (
              <HiddenPlaceholder part="outputs" onShow={() => props.onToggleHidden('outputs')} />
            ) : (
              <OutputArea outputs={outputs} cellNumber={cellNumber} />
            )}
          </div>
        )}
        {runtime.jobs.length > 0 && (
          <div className="cell-jobs">
            {runtime.jobs.map((job) => (
              <JobProgress
                key={job.jobId}
                job={job}
                onCancel={() => props.onCancelJob(job.jobId)}
              />
            ))}
          </div>
        )}
      </div>
    </section>
  );
}

function Collapser(props: {
  part: 'source' | 'outputs';
  hidden: boolean;
  onToggle(part: 'source' | 'outputs'): void;
}) {
  const what = props.part === 'source' ? 'code' : 'outputs';
  return (
    <button
      type="button"
      className={`cell-collapser cell-collapser-${props.part}`}
      aria-label={`${props.hidden ? 'Expand' : 'Collapse'} ${what}`}
      aria-expanded={!props.hidden}
      title={`${props.hidden ? 'Expand' : 'Collapse'} ${what}`}
      onClick={() => props.onToggle(props.part)}
    />
  );
}

function HiddenPlaceholder(props: { part: 'source' | 'outputs'; onShow(): void }) {
  return (
    <button type="button" className="cell-hidden" onClick={props.onShow}>
      {props.part === 'source' ? 'Code hidden' : 'Outputs hidden'} · show
    </button>
  );
}

function hiddenParts(cell: Cell): { source: boolean; outputs: boolean } {
  const jupyter = isJsonObject(cell.metadata.jupyter) ? cell.metadata.jupyter : {};
  return { source: jupyter.source_hidden === true, outputs: jupyter.outputs_hidden === true };
}

function attachmentsOf(cell: Cell) {
  return cell.cell_type === 'code' ? undefined : cell.attachments;
}
