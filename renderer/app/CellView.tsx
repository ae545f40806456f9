/**
 * One cell: a region named `Cell N` (DESIGN.md) with its run button, execution count, status and
 * duration, the editor (or rendered markdown), and the output region.
 */
import { cellKindOf, type Cell } from '../../core/notebook/model';
import { CodeEditor, type EditorCommand } from '../editor/CodeEditor';
import { MarkdownView } from '../markdown/MarkdownView';
import { OutputArea } from '../outputs/OutputArea';
import type { CellRuntime } from '../state/notebook-state';

type Props = {
  cell: Cell;
  cellNumber: number;
  runtime: CellRuntime;
  selected: boolean;
  editing: boolean;
  onSelect(mode: 'command' | 'edit'): void;
  onChange(source: string): void;
  onRun(): void;
  onCommand(command: EditorCommand): void;
};

export function CellView({
  cell,
  cellNumber,
  runtime,
  selected,
  editing,
  onSelect,
  onChange,
  onRun,
  onCommand,
}: Props) {
  const kind = cellKindOf(cell);
  const showEditor = cell.cell_type !== 'markdown' || editing || cell.source.trim() === '';
  const language =
    kind === 'sql' ? 'sql' : kind === 'markdown' || kind === 'raw' ? 'markdown' : 'typescript';
  return (
    <section
      className={`cell cell-${kind}${selected ? ' cell-selected' : ''}${editing && selected ? ' cell-editing' : ''}`}
      role="region"
      aria-label={`Cell ${cellNumber}`}
      onMouseDown={() => !selected && onSelect('command')}
    >
      <div className="cell-gutter">
        <button
          type="button"
          className="cell-run"
          aria-label="Run cell"
          title="Run cell (Ctrl+Enter)"
          onClick={onRun}
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
          <span className="cell-kind">
            {kind === 'typescript' ? 'TypeScript' : kind === 'sql' ? 'SQL' : kind}
          </span>
          <CellStatus runtime={runtime} />
        </div>
        {showEditor ? (
          <CodeEditor
            cellId={cell.id}
            cellNumber={cellNumber}
            source={cell.source}
            language={language}
            focused={selected && editing}
            errorLocation={runtime.errorLocation}
            onChange={onChange}
            onFocus={() => onSelect('edit')}
            onCommand={onCommand}
          />
        ) : (
          <div className="markdown-cell" onDoubleClick={() => onSelect('edit')}>
            <MarkdownView source={cell.source} />
          </div>
        )}
        {cell.cell_type === 'code' && <OutputArea outputs={cell.outputs} cellNumber={cellNumber} />}
      </div>
    </section>
  );
}

function CellStatus({ runtime }: { runtime: CellRuntime }) {
  if (runtime.status === 'idle') return null;
  const duration = runtime.durationMs === null ? '' : ` · ${formatDuration(runtime.durationMs)}`;
  return (
    <span className={`cell-status cell-status-${runtime.status}`} aria-label="Cell status">
      {runtime.status}
      {duration}
    </span>
  );
}

function formatDuration(ms: number): string {
  return ms >= 1000
    ? `${(ms / 1000).toFixed(2)} s`
    : `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}
