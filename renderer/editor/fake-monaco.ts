/**
 * Just enough of Monaco for unit tests of CodeEditor in a DOM without layout (happy-dom): models
 * keyed by URI, editors that hold one model, content and key events, focus. The real editor is
 * covered end to end in Chromium (test/e2e).
 */
type Listener<E> = (event: E) => void;

function emitter<E>() {
  const listeners = new Set<Listener<E>>();
  return {
    on: (listener: Listener<E>) => {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
    fire: (event: E) => listeners.forEach((l) => l(event)),
  };
}

export class FakeModel {
  readonly changed = emitter<void>();
  disposed = false;
  constructor(
    public value: string,
    readonly language: string,
    readonly uri: { toString(): string },
  ) {}
  getValue = () => this.value;
  setValue = (value: string) => {
    this.value = value;
    this.changed.fire();
  };
  getLineCount = () => this.value.split('\n').length;
  getLineMaxColumn = (line: number) => (this.value.split('\n')[line - 1] ?? '').length + 1;
  getFullModelRange = () => ({
    getEndPosition: () => ({ lineNumber: this.getLineCount(), column: 1 }),
  });
  getOffsetAt = () => 0;
  dispose = () => {
    this.disposed = true;
    models.delete(this.uri.toString());
  };
}

export type FakeKeyEvent = {
  keyCode: number;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  preventDefault(): void;
  stopPropagation(): void;
};

export class FakeEditor {
  readonly keys = emitter<FakeKeyEvent>();
  readonly content = emitter<void>();
  readonly focusEvents = emitter<void>();
  private subscription: { dispose(): void } | null = null;
  focused = false;
  disposed = false;
  models: FakeModel[] = [];
  constructor(public model: FakeModel) {
    this.setModel(model);
  }
  getModel = () => this.model;
  getValue = () => this.model.getValue();
  setValue = (value: string) => this.model.setValue(value);
  setModel = (model: FakeModel) => {
    this.subscription?.dispose();
    this.model = model;
    this.models.push(model);
    this.subscription = model.changed.on(() => this.content.fire());
  };
  /** A person typing: the model changes, then the editor says so. */
  type = (text: string) => this.model.setValue(this.model.getValue() + text);
  press = (keyCode: number, mods: Partial<FakeKeyEvent> = {}) => {
    const event: FakeKeyEvent = {
      keyCode,
      ctrlKey: false,
      metaKey: false,
      shiftKey: false,
      altKey: false,
      preventDefault: () => undefined,
      stopPropagation: () => undefined,
      ...mods,
    };
    this.keys.fire(event);
  };
  onKeyDown = (l: Listener<FakeKeyEvent>) => this.keys.on(l);
  onDidChangeModelContent = (l: Listener<void>) => this.content.on(l);
  onDidContentSizeChange = () => ({ dispose: () => undefined });
  onDidFocusEditorText = (l: Listener<void>) => this.focusEvents.on(l);
  getContentHeight = () => 19;
  layout = () => undefined;
  /** The options given after creation (replay mode's `readOnly`). */
  options: Record<string, unknown> = {};
  updateOptions = (options: Record<string, unknown>) => Object.assign(this.options, options);
  setPosition = () => undefined;
  getPosition = () => ({ lineNumber: 1, column: 1 });
  getSelection = () => ({ isEmpty: () => true });
  saveViewState = () => ({ cursor: 'kept' });
  restoreViewState = () => undefined;
  trigger = () => undefined;
  hasTextFocus = () => this.focused;
  focus = () => {
    this.focused = true;
    this.focusEvents.fire();
  };
  getDomNode = () => null;
  createDecorationsCollection = () => ({ clear: () => undefined });
  dispose = () => {
    this.disposed = true;
    this.subscription?.dispose();
  };
}

const models = new Map<string, FakeModel>();
export const editors: FakeEditor[] = [];

export const fakeMonaco = {
  KeyCode: { Enter: 3, Escape: 9, KeyS: 49, Minus: 88, UpArrow: 16, DownArrow: 18 },
  MarkerSeverity: { Error: 8 },
  Range: class {},
  Uri: { parse: (text: string) => ({ toString: () => text }) },
  editor: {
    getModel: (uri: { toString(): string }) => models.get(uri.toString()) ?? null,
    createModel: (value: string, language: string, uri: { toString(): string }) => {
      const model = new FakeModel(value, language, uri);
      models.set(uri.toString(), model);
      return model;
    },
    create: (_container: unknown, options: { model: FakeModel }) => {
      const editor = new FakeEditor(options.model);
      editors.push(editor);
      return editor;
    },
    setModelMarkers: () => undefined,
  },
};
