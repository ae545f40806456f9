import { describe, expect, it } from 'vitest';
import { currentRunOf, type NotebookState } from './notebook-state';
import { apply, edit, notebookOf, ran } from './run-fixtures';
import { describeStaleCause, staleCells, type Staleness } from './stale-cells';

/** The marks by cell number. */
function marks(state: NotebookState): Record<number, Staleness> {
  const found = staleCells(state.notebook.cells, (id) => currentRunOf(state, id));
  return Object.fromEntries(
    state.notebook.cells.flatMap((cell, i) => {
      const mark = found.get(cell.id);
      return mark ? [[i + 1, mark]] : [];
    }),
  );
}

/** const a = 1 / const b = a + 1 / b * 2 / const c = 5, each run once in order. */
function threeAndOne(): NotebookState {
  let state = notebookOf('const a = 1', 'const b = a + 1', 'b * 2', 'const c = 5');
  state = ran(state, 1, { defines: ['a'] });
  state = ran(state, 2, { defines: ['b'], reads: ['a'] });
  state = ran(state, 3, { reads: ['b'] });
  return ran(state, 4, { defines: ['c'] });
}

describe('staleCells', () => {
  it('marks nothing after a run in order', () => {
    expect(marks(threeAndOne())).toEqual({});
  });

  it('marks the dependants of an edited cell, transitively, and the edited cell as edited', () => {
    const state = edit(threeAndOne(), 1, 'const a = 10');
    expect(marks(state)).toEqual({
      1: { kind: 'edited' },
      2: { kind: 'stale', cause: { upstream: 1, name: 'a', why: 'changed' } },
      3: { kind: 'stale', cause: { upstream: 2, name: 'b', why: 'stale' } },
    });
  });

  it('marks the dependants of a cell that ran again after them', () => {
    const state = ran(threeAndOne(), 2, { defines: ['b'], reads: ['a'] });
    expect(marks(state)).toEqual({
      3: { kind: 'stale', cause: { upstream: 2, name: 'b', why: 'ran-after' } },
    });
  });

  it('clears a mark once the stale cell runs again, and all marks on a restart', () => {
    let state = edit(threeAndOne(), 1, 'const a = 10');
    state = ran(state, 1, { defines: ['a'] });
    state = ran(state, 2, { defines: ['b'], reads: ['a'] });
    expect(marks(state)).toEqual({
      3: { kind: 'stale', cause: { upstream: 2, name: 'b', why: 'ran-after' } },
    });
    state = apply(edit(state, 1, 'const a = 11'), { type: 'kernel-restarted' });
    expect(marks(state)).toEqual({});
  });

  it('links SQL tables and bindings to the cells that read them', () => {
    let state = notebookOf(
      '%%sql\ncreate table customers as select 1',
      '%%sql byPlan\nselect * from customers',
      'byPlan.toRows()',
    );
    state = ran(state, 1, { defines: ['customers'] });
    state = ran(state, 2, { defines: ['byPlan'], reads: ['customers'] });
    state = ran(state, 3, { reads: ['byPlan'] });
    state = edit(state, 1, '%%sql\ncreate table customers as select 2');
    expect(marks(state)[2]).toEqual({
      kind: 'stale',
      cause: { upstream: 1, name: 'customers', why: 'changed' },
    });
    expect(marks(state)[3]).toMatchObject({ kind: 'stale', cause: { upstream: 2 } });
  });

  it('says why in words', () => {
    expect(describeStaleCause({ upstream: 3, name: 'customers', why: 'changed' })).toBe(
      'cell 3 changed after this cell ran: it defines customers, which this cell reads',
    );
    expect(describeStaleCause({ upstream: 1, name: 'a', why: 'ran-after' })).toBe(
      'cell 1 ran after this cell: it defines a, which this cell reads',
    );
  });

  it('ignores cells that did not run in this kernel', () => {
    let state = ran(notebookOf('const a = 1', 'a'), 2, { reads: ['a'] });
    state = apply(state, { type: 'kernel-restarted' });
    state = ran(state, 1, { defines: ['a'] });
    expect(marks(state)).toEqual({});
  });
});
