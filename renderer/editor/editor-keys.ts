/**
 * The notebook's keys inside a cell editor (Jupyter's edit mode): run, save, leave to command
 * mode, split at the cursor, and moving to the neighbouring cell from the editor's first or last
 * line. Keys a Monaco widget needs (the completion list, find) are left to Monaco.
 */
import { monaco } from './monaco-setup';

export type EditorCommand =
  | { kind: 'run'; advance: boolean }
  | { kind: 'save' }
  | { kind: 'command-mode' }
  | { kind: 'split'; offsets: number[] }
  | { kind: 'leave'; direction: -1 | 1 };

type Editor = monaco.editor.IStandaloneCodeEditor;

export function editorCommandForKey(
  editor: Editor,
  event: monaco.IKeyboardEvent,
): EditorCommand | null {
  const ctrlOrMeta = event.ctrlKey || event.metaKey;
  const { KeyCode } = monaco;
  if (event.altKey) return null;
  // Monaco's KeyCode has a member per key of the keyboard; every other key is the editor's own.
  // eslint-disable-next-line @typescript-eslint/switch-exhaustiveness-check
  switch (event.keyCode) {
    case KeyCode.Enter:
      if (event.shiftKey && !ctrlOrMeta) return { kind: 'run', advance: true };
      if (ctrlOrMeta && !event.shiftKey) return { kind: 'run', advance: false };
      return null;
    case KeyCode.KeyS:
      return ctrlOrMeta && !event.shiftKey ? { kind: 'save' } : null;
    case KeyCode.Minus:
      return ctrlOrMeta && event.shiftKey
        ? { kind: 'split', offsets: selectionOffsets(editor) }
        : null;
    case KeyCode.Escape:
      return widgetOpen(editor) ? null : { kind: 'command-mode' };
    case KeyCode.UpArrow:
    case KeyCode.DownArrow:
      return ctrlOrMeta || event.shiftKey
        ? null
        : leaving(editor, event.keyCode === KeyCode.UpArrow);
    default:
      return null;
  }
}

/** ArrowUp on the first line or ArrowDown on the last moves to the cell above or below. */
function leaving(editor: Editor, up: boolean): EditorCommand | null {
  const model = editor.getModel();
  const position = editor.getPosition();
  if (!model || !position || widgetOpen(editor) || !editor.getSelection()?.isEmpty()) return null;
  if (up && position.lineNumber === 1) return { kind: 'leave', direction: -1 };
  if (!up && position.lineNumber === model.getLineCount()) return { kind: 'leave', direction: 1 };
  return null;
}

function selectionOffsets(editor: Editor): number[] {
  const model = editor.getModel();
  const selection = editor.getSelection();
  if (!model || !selection) return [];
  const ends = [selection.getStartPosition(), selection.getEndPosition()];
  return ends.map((p) => model.getOffsetAt(p));
}

const OPEN_WIDGETS =
  '.suggest-widget.visible, .find-widget.visible, .parameter-hints-widget.visible';

export function completionListOpen(editor: Editor): boolean {
  return editor.getDomNode()?.querySelector('.suggest-widget.visible') != null;
}

/** The completion list, parameter hints or find widget is open and owns Escape and arrows. */
function widgetOpen(editor: Editor): boolean {
  const node = editor.getDomNode();
  return node !== null && node.querySelector(OPEN_WIDGETS) !== null;
}
