/**
 * Jupyter-style command mode: which key does what when no editor has focus. A pure mapping, so
 * the shortcuts are tested without a browser; the app carries the commands out.
 */
export type KeyCommand =
  | { kind: 'insert'; position: 'above' | 'below' }
  | { kind: 'delete' }
  | { kind: 'change-kind'; to: 'code' | 'markdown' | 'raw' }
  | { kind: 'edit' }
  | { kind: 'select'; delta: -1 | 1; extend: boolean }
  | { kind: 'run'; advance: boolean }
  /** Ctrl/Cmd+Shift+Enter: "Restart and run all" (Enter runs; the modifiers make it everything). */
  | { kind: 'restart-and-run-all' }
  | { kind: 'save' }
  | { kind: 'copy' }
  | { kind: 'paste' }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'merge' }
  | { kind: 'toggle-outputs' }
  | { kind: 'find' }
  | { kind: 'palette' }
  | { kind: 'pending-delete' };

export type KeyInput = { key: string; shift: boolean; ctrlOrMeta: boolean; alt: boolean };

/** `previousWasD`: the last key in command mode was a lone D (DD deletes). */
export function commandForKey(input: KeyInput, previousWasD: boolean): KeyCommand | null {
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  if (input.ctrlOrMeta && input.shift && key === 'p') return { kind: 'palette' };
  if (input.ctrlOrMeta && key === 's') return { kind: 'save' };
  if (input.ctrlOrMeta && key === 'z') return { kind: input.shift ? 'redo' : 'undo' };
  if (input.ctrlOrMeta && key === 'y') return { kind: 'redo' };
  if (key === 'Enter') {
    if (input.shift && input.ctrlOrMeta) return { kind: 'restart-and-run-all' };
    if (input.shift) return { kind: 'run', advance: true };
    if (input.ctrlOrMeta) return { kind: 'run', advance: false };
    return { kind: 'edit' };
  }
  if (input.ctrlOrMeta || input.alt) return null;
  switch (key) {
    case 'ArrowUp':
    case 'k':
      return { kind: 'select', delta: -1, extend: input.shift };
    case 'ArrowDown':
    case 'j':
      return { kind: 'select', delta: 1, extend: input.shift };
    case 'z':
      return { kind: input.shift ? 'redo' : 'undo' };
    case 'm':
      return input.shift ? { kind: 'merge' } : { kind: 'change-kind', to: 'markdown' };
  }
  if (input.shift) return null;
  switch (key) {
    case 'a':
      return { kind: 'insert', position: 'above' };
    case 'b':
      return { kind: 'insert', position: 'below' };
    case 'd':
      return previousWasD ? { kind: 'delete' } : { kind: 'pending-delete' };
    case 'y':
      return { kind: 'change-kind', to: 'code' };
    case 'r':
      return { kind: 'change-kind', to: 'raw' };
    case 'c':
      return { kind: 'copy' };
    case 'v':
      return { kind: 'paste' };
    case 'o':
      return { kind: 'toggle-outputs' };
    case 'f':
      return { kind: 'find' };
    default:
      return null;
  }
}
