/** Every command of the notebook by name, for the palette (Ctrl/Cmd+Shift+P). */
import type { CellActions } from './cell-actions';
import type { PaletteCommand } from './CommandPalette';
import type { NotebookCommands } from './use-notebook-session';

export type Panels = {
  toggle(panel: 'files' | 'find' | 'contents' | 'variables' | 'samples'): void;
};

/** Dialogs the palette opens. */
export type Dialogs = { pullSample(): void };

export function paletteCommands(
  commands: NotebookCommands,
  actions: CellActions,
  panels: Panels,
  dialogs: Dialogs,
  selected: string | null,
): PaletteCommand[] {
  return [
    { label: 'Run all', run: commands.runAll },
    {
      label: 'Restart and run all',
      shortcut: 'Ctrl+Shift+Enter',
      run: () => void commands.restartAndRunAll(),
    },
    { label: 'Run selected cell', shortcut: 'Ctrl+Enter', run: () => actions.run(false) },
    {
      label: 'Run selected cell and select below',
      shortcut: 'Shift+Enter',
      run: () => actions.run(true),
    },
    { label: 'Run cells above', run: () => selected && commands.runAbove(selected) },
    { label: 'Run selected cell and below', run: () => selected && commands.runBelow(selected) },
    { label: 'Interrupt', run: commands.interrupt },
    { label: 'Restart kernel', run: () => void commands.restart() },
    { label: 'Save', shortcut: 'Ctrl+S', run: () => void commands.save() },
    { label: 'Add code cell', shortcut: 'B', run: () => commands.addCell('code') },
    { label: 'Add SQL cell', run: () => commands.addCell('sql') },
    { label: 'Add markdown cell', run: () => commands.addCell('markdown') },
    { label: 'Change cell to code', shortcut: 'Y', run: () => actions.changeKind('code') },
    { label: 'Change cell to markdown', shortcut: 'M', run: () => actions.changeKind('markdown') },
    { label: 'Change cell to raw', shortcut: 'R', run: () => actions.changeKind('raw') },
    { label: 'Delete cells', shortcut: 'D D', run: actions.delete },
    { label: 'Undo cell operation', shortcut: 'Z', run: actions.undo },
    { label: 'Redo cell operation', shortcut: 'Shift+Z', run: actions.redo },
    { label: 'Merge selected cells', shortcut: 'Shift+M', run: actions.merge },
    { label: 'Copy cells', shortcut: 'C', run: actions.copy },
    { label: 'Paste cells below', shortcut: 'V', run: actions.paste },
    { label: 'Move cells up', run: () => actions.move(-1) },
    { label: 'Move cells down', run: () => actions.move(1) },
    { label: 'Collapse or expand outputs', shortcut: 'O', run: actions.toggleOutputs },
    { label: 'Collapse or expand code', run: actions.toggleSource },
    { label: 'Clear cell output', run: actions.clearOutputs },
    { label: 'Clear all outputs', run: actions.clearAllOutputs },
    { label: 'Find and replace', shortcut: 'F', run: () => panels.toggle('find') },
    { label: 'Table of contents', run: () => panels.toggle('contents') },
    { label: 'Show files', run: () => panels.toggle('files') },
    { label: 'Show variables', run: () => panels.toggle('variables') },
    { label: 'Pull sample', run: dialogs.pullSample },
    { label: 'Show samples', run: () => panels.toggle('samples') },
  ];
}
