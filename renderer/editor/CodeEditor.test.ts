// @vitest-environment happy-dom
/**
 * CodeEditor's own logic on a fake Monaco: the live text is readable before React catches up,
 * a language change keeps the one editor (focus and keys), and keys are per editor, so deleting
 * one cell's editor leaves the others' Ctrl+Enter working (problems 1–3 of the typing issue).
 */
import { act, render } from '@testing-library/react';
import { createElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EditorCommand } from './CodeEditor';
import { editors, fakeMonaco } from './fake-monaco';
import { createLiveSources } from './live-sources';

vi.mock('./monaco-setup', () => ({
  monaco: fakeMonaco,
  cellModelUri: (cellId: string, language: string) =>
    fakeMonaco.Uri.parse(`file:///cells/${cellId}.${language}`),
}));

const { CodeEditor } = await import('./CodeEditor');

type Props = Parameters<typeof CodeEditor>[0];

function props(overrides: Partial<Props> = {}): Props {
  return {
    cellId: 'a',
    cellNumber: 1,
    source: '',
    language: 'typescript',
    focused: true,
    errorLocation: null,
    liveSources: createLiveSources(),
    onChange: () => undefined,
    onFocus: () => undefined,
    onCommand: () => undefined,
    ...overrides,
  };
}

beforeEach(() => {
  editors.length = 0;
});

describe('CodeEditor', () => {
  it('offers the typed text to Run before any render has caught up', () => {
    const live = createLiveSources();
    const changes: string[] = [];
    render(
      createElement(CodeEditor, props({ liveSources: live, onChange: (s) => changes.push(s) })),
    );
    editors[0].type('const x = ');
    editors[0].type('41');
    // No re-render with the new source has happened: the live text is still the editor's.
    expect(live.read('a')).toBe('const x = 41');
    expect(changes).toEqual(['const x = ', 'const x = 41']);
  });

  it('keeps one editor, its focus and its text when typing %%sql changes the language', () => {
    const view = render(createElement(CodeEditor, props({ source: '%%sq' })));
    const [editor] = editors;
    editor.focus();
    editor.type('l');
    view.rerender(createElement(CodeEditor, props({ source: '%%sq', language: 'sql' })));
    editor.type('\nselect 1');
    expect(editors).toHaveLength(1);
    expect(editor.focused).toBe(true);
    expect(editor.getModel().language).toBe('sql');
    expect(editor.getValue()).toBe('%%sql\nselect 1');
    expect(editor.models[0].disposed).toBe(true);
  });

  it("binds keys per editor: deleting one cell's editor leaves Ctrl+Enter in another working", () => {
    const commands: [string, EditorCommand][] = [];
    const onCommand = (cellId: string) => (command: EditorCommand) =>
      commands.push([cellId, command]);
    const first = render(
      createElement(CodeEditor, props({ cellId: 'a', onCommand: onCommand('a') })),
    );
    render(createElement(CodeEditor, props({ cellId: 'b', onCommand: onCommand('b') })));
    const [a, b] = editors;
    act(() => first.unmount());
    expect(a.disposed).toBe(true);
    b.press(fakeMonaco.KeyCode.Enter, { ctrlKey: true });
    b.press(fakeMonaco.KeyCode.Enter, { shiftKey: true });
    expect(commands).toEqual([
      ['b', { kind: 'run', advance: false }],
      ['b', { kind: 'run', advance: true }],
    ]);
  });

  it('is read-only in replay mode, and editable again after it', () => {
    const view = render(createElement(CodeEditor, props({ readOnly: true })));
    expect(editors[0].options.readOnly).toBe(true);
    view.rerender(createElement(CodeEditor, props({ readOnly: false })));
    expect(editors[0].options.readOnly).toBe(false);
  });
});
