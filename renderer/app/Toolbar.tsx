/** The notebook toolbar; accessible names are DESIGN.md's contract (tests and screen readers). */
import type { KernelState } from '../state/notebook-state';
import type { Panels } from './palette-commands';
import type { NotebookCommands } from './use-notebook-session';

type Props = {
  commands: NotebookCommands;
  kernel: KernelState;
  /** False for a notebook in another language (core/notebook/language.ts): nothing runs. */
  runnable: boolean;
  dirty: boolean;
  path: string | null;
  onTogglePanel: Panels['toggle'];
  onPullSample(): void;
  onClearAllOutputs(): void;
  /** Replay mode (renderer/replay/): read-only, rerun with parameters, compared with the file. */
  replay: { active: boolean; onToggle(): void };
};

export function Toolbar(props: Props) {
  const { commands, kernel, dirty, path, onTogglePanel } = props;
  const busy = kernel.status === 'busy';
  return (
    <header className="toolbar" role="toolbar" aria-label="Notebook">
      <button
        type="button"
        onClick={() => onTogglePanel('files')}
        title="Files in the notebook's folder"
      >
        Files
      </button>
      <button
        type="button"
        onClick={() => onTogglePanel('contents')}
        title="Table of contents: the notebook's headings"
      >
        Contents
      </button>
      <button
        type="button"
        onClick={() => onTogglePanel('find')}
        title="Find and replace in all cells (F)"
      >
        Find
      </button>
      <button
        type="button"
        onClick={() => onTogglePanel('variables')}
        title="The kernel's variables: type, shape, size"
      >
        Variables
      </button>
      <button
        type="button"
        onClick={() => onTogglePanel('samples')}
        title="The samples pulled into the workspace's samples folder"
      >
        Samples
      </button>
      <button
        type="button"
        onClick={props.onPullSample}
        title="Pull a reproducible sample of a file, folder or PostgreSQL table"
      >
        Pull sample
      </button>
      <button
        type="button"
        onClick={props.replay.onToggle}
        disabled={!props.runnable}
        title="Rerun the notebook read-only with other parameters and see what changed"
      >
        {props.replay.active ? 'Exit replay' : 'Replay'}
      </button>
      <span className="toolbar-title" title={path ?? 'unsaved notebook'}>
        {path ?? 'Untitled'}
        {dirty ? ' •' : ''}
      </span>
      <button type="button" onClick={() => void commands.save()} title="Save (Ctrl+S)">
        Save
      </button>
      <span className="toolbar-gap" />
      <button
        type="button"
        onClick={() => commands.addCell('code')}
        title="Add a TypeScript cell below the selected one (B)"
      >
        Add code cell
      </button>
      <button type="button" onClick={() => commands.addCell('sql')}>
        Add SQL cell
      </button>
      <button type="button" onClick={() => commands.addCell('markdown')}>
        Add markdown cell
      </button>
      <span className="toolbar-gap" />
      <button
        type="button"
        onClick={commands.runAll}
        disabled={!props.runnable || kernel.status === 'starting' || kernel.status === 'failed'}
      >
        Run all
      </button>
      <button
        type="button"
        onClick={() => void commands.restartAndRunAll()}
        disabled={!props.runnable || kernel.status === 'starting' || kernel.status === 'restarting'}
        title="Restart the kernel, then run every cell from the top (Ctrl+Shift+Enter)"
      >
        Restart and run all
      </button>
      <button type="button" onClick={props.onClearAllOutputs} title="Clear every cell's outputs">
        Clear all outputs
      </button>
      <button
        type="button"
        onClick={commands.interrupt}
        disabled={!busy}
        title="Stop the running cell"
      >
        Interrupt
      </button>
      <button
        type="button"
        onClick={() => void commands.restart()}
        disabled={kernel.status === 'restarting'}
      >
        Restart kernel
      </button>
      <span
        className={`kernel-status kernel-${kernel.status}`}
        role="status"
        aria-label="Kernel status"
      >
        {kernelLabel(kernel)}
      </span>
    </header>
  );
}

function kernelLabel(kernel: KernelState): string {
  switch (kernel.status) {
    case 'starting':
      return 'Kernel starting…';
    case 'idle':
      // TF.js loads when a cell first uses it: its backend is shown from then on.
      return kernel.info?.tfBackend
        ? `Kernel idle · TF.js ${kernel.info.tfBackend}`
        : 'Kernel idle';
    case 'busy':
      return 'Kernel busy';
    case 'restarting':
      return 'Kernel restarting…';
    case 'failed':
      return 'Kernel failed';
    case 'stopped':
      return 'Kernel stopped';
  }
}
