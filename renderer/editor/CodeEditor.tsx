/**
 * A Monaco editor for one code cell: grows with its content, shares the notebook's TypeScript
 * program, binds the notebook's run shortcuts, and marks the line an error came from.
 */
import { useEffect, useRef } from 'react';
import type { CellLocation } from '../../core/protocol';
import { cellModelUri, monaco } from './monaco-setup';

export type EditorCommand = 'run-and-advance' | 'run' | 'command-mode' | 'save';

type Props = {
  cellId: string;
  cellNumber: number;
  source: string;
  language: 'typescript' | 'sql' | 'markdown';
  focused: boolean;
  errorLocation: CellLocation | null;
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
    const uri = cellModelUri(props.cellId, props.language);
    const model =
      monaco.editor.getModel(uri) ?? monaco.editor.createModel(props.source, props.language, uri);
    const editor = monaco.editor.create(container.current as HTMLDivElement, {
      model,
      ariaLabel: `Editor of cell ${props.cellNumber}`,
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
    });
    editorRef.current = editor;
    const fit = () => {
      const height = Math.max(LINE_HEIGHT + 10, editor.getContentHeight());
      (container.current as HTMLDivElement).style.height = `${height}px`;
      editor.layout();
    };
    fit();
    const command = (name: EditorCommand) => () => latest.current.onCommand(name);
    editor.addCommand(monaco.KeyMod.Shift | monaco.KeyCode.Enter, command('run-and-advance'));
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, command('run'));
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, command('save'));
    editor.addCommand(
      monaco.KeyCode.Escape,
      command('command-mode'),
      '!suggestWidgetVisible && !findWidgetVisible',
    );
    const subscriptions = [
      editor.onDidContentSizeChange(fit),
      editor.onDidChangeModelContent(() => {
        if (applying.current) return;
        const value = editor.getValue();
        pending.current.push(value);
        latest.current.onChange(value);
      }),
      editor.onDidFocusEditorText(() => latest.current.onFocus()),
    ];
    return () => {
      subscriptions.forEach((s) => s.dispose());
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
    // The editor lives as long as the cell and its language; source updates arrive below.
  }, [props.cellId, props.language]);

  useEffect(() => {
    // Typing runs ahead of React: a render may carry a value the editor has already moved past.
    // Only a change from elsewhere (paste of a cell, recovery) is written into the editor.
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
    if (props.focused && editorRef.current && !editorRef.current.hasTextFocus())
      editorRef.current.focus();
  }, [props.focused]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    const location = props.errorLocation;
    monaco.editor.setModelMarkers(
      model,
      'quarry-kernel',
      location
        ? [
            {
              severity: monaco.MarkerSeverity.Error,
              message: 'The error was raised here',
              startLineNumber: location.line,
              startColumn: location.column,
              endLineNumber: location.line,
              endColumn: model.getLineMaxColumn(location.line),
            },
          ]
        : [],
    );
    const decorations = editorRef.current?.createDecorationsCollection(
      location
        ? [
            {
              range: new monaco.Range(location.line, 1, location.line, 1),
              options: { isWholeLine: true, className: 'cell-error-line' },
            },
          ]
        : [],
    );
    return () => decorations?.clear();
  }, [props.errorLocation]);

  return <div className="code-editor" ref={container} />;
}
