import { describe, expect, it } from 'vitest';
import { commandForKey, type KeyInput } from './command-keys';

const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  shift: false,
  ctrlOrMeta: false,
  alt: false,
  ...extra,
});

describe('command-mode keys (Jupyter style)', () => {
  it('maps A, B, M, Y, C, V, arrows and J/K', () => {
    expect(commandForKey(key('a'), false)).toEqual({ kind: 'insert', position: 'above' });
    expect(commandForKey(key('B'), false)).toEqual({ kind: 'insert', position: 'below' });
    expect(commandForKey(key('m'), false)).toEqual({ kind: 'change-kind', to: 'markdown' });
    expect(commandForKey(key('y'), false)).toEqual({ kind: 'change-kind', to: 'code' });
    expect(commandForKey(key('c'), false)).toEqual({ kind: 'copy' });
    expect(commandForKey(key('v'), false)).toEqual({ kind: 'paste' });
    expect(commandForKey(key('ArrowUp'), false)).toEqual({
      kind: 'select',
      delta: -1,
      extend: false,
    });
    expect(commandForKey(key('j'), false)).toEqual({ kind: 'select', delta: 1, extend: false });
  });

  it('maps Ctrl/Cmd+Shift+Enter to Restart and run all, Shift+Enter and Ctrl+Enter to running', () => {
    expect(commandForKey(key('Enter', { shift: true, ctrlOrMeta: true }), false)).toEqual({
      kind: 'restart-and-run-all',
    });
    expect(commandForKey(key('Enter', { shift: true }), false)).toEqual({
      kind: 'run',
      advance: true,
    });
    expect(commandForKey(key('Enter', { ctrlOrMeta: true }), false)).toEqual({
      kind: 'run',
      advance: false,
    });
  });

  it('maps the structural commands: undo/redo, merge, raw, outputs, find, multi-select', () => {
    expect(commandForKey(key('z'), false)).toEqual({ kind: 'undo' });
    expect(commandForKey(key('Z', { shift: true }), false)).toEqual({ kind: 'redo' });
    expect(commandForKey(key('z', { ctrlOrMeta: true }), false)).toEqual({ kind: 'undo' });
    expect(commandForKey(key('z', { ctrlOrMeta: true, shift: true }), false)).toEqual({
      kind: 'redo',
    });
    expect(commandForKey(key('M', { shift: true }), false)).toEqual({ kind: 'merge' });
    expect(commandForKey(key('r'), false)).toEqual({ kind: 'change-kind', to: 'raw' });
    expect(commandForKey(key('o'), false)).toEqual({ kind: 'toggle-outputs' });
    expect(commandForKey(key('f'), false)).toEqual({ kind: 'find' });
    expect(commandForKey(key('ArrowDown', { shift: true }), false)).toEqual({
      kind: 'select',
      delta: 1,
      extend: true,
    });
    expect(commandForKey(key('A', { shift: true }), false)).toBeNull();
  });

  it('deletes on D D only', () => {
    expect(commandForKey(key('d'), false)).toEqual({ kind: 'pending-delete' });
    expect(commandForKey(key('d'), true)).toEqual({ kind: 'delete' });
  });

  it('runs with Shift+Enter (advance) and Ctrl/Cmd+Enter (in place), edits with Enter, saves with Ctrl/Cmd+S', () => {
    expect(commandForKey(key('Enter', { shift: true }), false)).toEqual({
      kind: 'run',
      advance: true,
    });
    expect(commandForKey(key('Enter', { ctrlOrMeta: true }), false)).toEqual({
      kind: 'run',
      advance: false,
    });
    expect(commandForKey(key('Enter'), false)).toEqual({ kind: 'edit' });
    expect(commandForKey(key('s', { ctrlOrMeta: true }), false)).toEqual({ kind: 'save' });
    expect(commandForKey(key('P', { ctrlOrMeta: true, shift: true }), false)).toEqual({
      kind: 'palette',
    });
  });

  it('ignores other keys and browser shortcuts', () => {
    expect(commandForKey(key('x'), false)).toBeNull();
    expect(commandForKey(key('a', { ctrlOrMeta: true }), false)).toBeNull();
    expect(commandForKey(key('b', { alt: true }), false)).toBeNull();
  });
});
