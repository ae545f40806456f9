/**
 * A Monaco editor for one cell: grows with its content, shares the notebook's TypeScript program,
 * binds the notebook's keys, offers its live text to Run and Save, and marks the line an error
 * came from. One editor lives as long as its cell: a change of language (typing `%%sql`) swaps
 * the model under it, so focus, cursor and the keys typed meanwhile are kept.
 */
import { useEffect, useRef } from 'react';
import type { CellLocation } from '../../core/protocol';
import { completionListOpen, editorCommandForKey, type EditorCommand } from './editor-keys';
import type { LiveSources } from './live-sources';
import { cellModelUri, monaco } from './monaco-setup';

export type { EditorCommand } from './editor-keys';

/** `plaintext`: code of a notebook in another language, which is not checked as TypeScript. */
export type CellLanguage = 'typescript' | 'sql' | 'markdown' | 'plaintext';

type Props = {
  cellId: string;
  cellNumber: number;
  source: string;
  language: CellLanguage;
  focused: boolean;
  errorLocation: CellLocation | null;
  /** Replay mode: the text cannot be changed; typing says why. */
  readOnly?: boolean;
  liveSources: LiveSources;
  onChange(source: string): void;
  onFocus(): void;
  onCommand(command: EditorCommand): void;
};

const LINE_HEIGHT = 19;

export function CodeEditor(props: Props) {
  const container = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  // Handlers change every render; the editor's listeners read the latest through this ref.
  const latest = useRef(props);
  latest.current = props;
  /** Values this editor reported through onChange that have not come back as props yet. */
  const pending = useRef<string[]>([]);
  /** True while the editor is given a value from outside, which is not the user's edit. */
  const applying = useRef(false);

  useEffect(() => {
    const { cellId, language } = latest.current;
    const editor = monaco.editor.create(container.current as HTMLDivElement, {
      model: modelFor(cellId, language, latest.current.source),
      ariaLabel: `Editor of cell ${latest.current.cellNumber}`,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      lineNumbers: 'on',
      lineNumbersMinChars: 3,
      fontSize: 13,
      lineHeight: LINE_HEIGHT,
      automaticLayout: true,
      renderLineHighlight: 'none',
      overviewRulerLanes: 0,
      scrollbar: { vertical: 'hidden', alwaysConsumeMouseWheel: false },
      fixedOverflowWidgets: true,
      tabSize: 2,
      // Enter takes a completion only when it changes what was typed: someone who typed a whole
      // word and presses Enter wants a new line, not the list's first entry.
      acceptSuggestionOnEnter: 'smart',
    });
    editorRef.current = editor;
    // A new cell's cursor goes after its template (a new SQL cell's `%%sql` line).
    const end = editor.getModel()?.getFullModelRange().getEndPosition();
    if (end) editor.setPosition(end);
    const fit = () => {
      const height = Math.max(LINE_HEIGHT + 10, editor.getContentHeight());
      (container.current as HTMLDivElement).style.height = `${height}px`;
      editor.layout();
    };
    fit();
    const detach = latest.current.liveSources.attach(cellId, () => editor.getValue());
    const subscriptions = [
      editor.onDidContentSizeChange(fit),
      // Keys are handled per editor, not through Monaco's global keybinding registry, whose
      // handlers outlive a deleted cell's editor and then swallow Ctrl+Enter in the others.
      editor.onKeyDown((event) => {
        const command = editorCommandForKey(editor, event);
        if (!command) return;
        event.preventDefault();
        event.stopPropagation();
        // The completion list closes when a cell runs; only when open, as hiding it costs a
        // frame of relayout (measured by bench #5).
        if (completionListOpen(editor)) editor.trigger('quarry', 'hideSuggestWidget', null);
        latest.current.onCommand(command);
      }),
      editor.onDidChangeModelContent(() => {
        if (applying.current) return;
        const value = editor.getValue();
        pending.current.push(value);
        latest.current.onChange(value);
      }),
      editor.onDidFocusEditorText(() => latest.current.onFocus()),
    ];
    return () => {
      detach();
      subscriptions.forEach((s) => s.dispose());
      const model = editor.getModel();
      editor.dispose();
      model?.dispose();
      editorRef.current = null;
    };
    // The editor lives as long as the cell; language and source updates arrive below.
  }, [props.cellId]);

  useEffect(() => {
    // Typing `%%sql` makes a TypeScript cell SQL (and deleting it, the reverse): the text moves
    // to a model of the other language in the same editor, which keeps focus and cursor.
    const editor = editorRef.current;
    const old = editor?.getModel();
    if (
      !editor ||
      !old ||
      old.uri.toString() === cellModelUri(props.cellId, props.language).toString()
    )
      return;
    const view = editor.saveViewState();
    const model = modelFor(props.cellId, props.language, old.getValue());
    applying.current = true;
    editor.setModel(model);
    applying.current = false;
    if (view) editor.restoreViewState(view);
    old.dispose();
  }, [props.cellId, props.language]);

  useEffect(() => {
    // Typing runs ahead of React: a render may carry a value the editor has already moved past.
    // Only a change from elsewhere (paste of a cell, recovery, undo) is written into the editor.
    const editor = editorRef.current;
    const seen = pending.current.indexOf(props.source);
    if (seen !== -1) {
      pending.current.splice(0, seen + 1);
      return;
    }
    pending.current = [];
    if (!editor || editor.getValue() === props.source) return;
    applying.current = true;
    editor.setValue(props.source);
    applying.current = false;
  }, [props.source]);

  useEffect(() => {
    editorRef.current?.updateOptions({
      readOnly: props.readOnly === true,
      readOnlyMessage: { value: 'Replay mode is read-only: Exit replay to edit.' },
    });
  }, [props.readOnly]);

  useEffect(() => {
    if (props.focused && editorRef.current && !editorRef.current.hasTextFocus())
      editorRef.current.focus();
  }, [props.focused]);

  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    const location = props.errorLocation;
    const line = location ? Math.min(location.line, model.getLineCount()) : 0;
    monaco.editor.setModelMarkers(
      model,
      'quarry-kernel',
      location
        ? [
            {
              severity: monaco.MarkerSeverity.Error,
              message: 'The error was raised here',
              startLineNumber: line,
              startColumn: location.column,
              endLineNumber: line,
              endColumn: model.getLineMaxColumn(line),
            },
          ]
        : [],
    );
    const decorations = editor.createDecorationsCollection(
      location
        ? [
            {
              range: new monaco.Range(line, 1, line, 1),
              options: { isWholeLine: true, className: 'cell-error-line' },
            },
          ]
        : [],
    );
    return () => decorations.clear();
  }, [props.errorLocation, props.language]);

  return <div className="code-editor" ref={container} />;
}

function modelFor(
  cellId: string,
  language: CellLanguage,
  source: string,
): monaco.editor.ITextModel {
  const uri = cellModelUri(cellId, language);
  const existing = monaco.editor.getModel(uri);
  if (existing) {
    if (existing.getValue() !== source) existing.setValue(source);
    return existing;
  }
  return monaco.editor.createModel(source, language, uri);
}
