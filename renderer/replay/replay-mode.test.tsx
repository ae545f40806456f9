// @vitest-environment happy-dom
/**
 * Replay mode as App wires it (App itself needs the built editor): the session and the replay
 * hook over a fake host and kernel, the Parameters form, the badges and the diff dialog. The
 * notebook declares `rows`, and its saved outputs came from a run with the default.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useMemo } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostClient, HostRequests, HostResponses } from '../../core/host-contract';
import { createLiveSources } from '../editor/live-sources';
import { createFakeKernelClient, type FakeCellResult } from '../kernel/fake-kernel-client';
import { evaluateArithmetic } from '../kernel/fake-arithmetic';
import type { ExecuteRequest } from '../kernel/kernel-client';
import { NoticeBanner } from '../app/NoticeBanner';
import { useNotebookSession } from '../app/use-notebook-session';
import { notebookJson } from '../../test/notebook-json';
import { ChangeBadge } from './ChangeBadge';
import { NO_SAVE_NOTICE } from './read-only-commands';
import { ReplayPanel } from './ReplayPanel';
import { useReplay } from './use-replay';

afterEach(cleanup);

const result = (text: string) => ({
  output_type: 'execute_result',
  execution_count: 1,
  data: { 'text/plain': text },
  metadata: {},
});
const code = (source: string, outputs: unknown[], tags: string[] = []) => ({
  cell_type: 'code',
  source,
  metadata: tags.length > 0 ? { tags } : {},
  outputs,
  execution_count: outputs.length > 0 ? 1 : null,
});

/** Saved from a run with rows = 3: cell 2 depends on it, cell 3 does not, cell 4 never ran. */
const SAVED = notebookJson([
  code('const rows = 3', [], ['parameters']),
  code('rows * 2', [result('6')]),
  code('10 + 1', [result('11')]),
  code('4 + 4', []),
]);

function hostOf(text: string, saves: string[]): HostClient {
  return {
    call: async <K extends keyof HostRequests>(operation: K) => {
      const answers: { [Op in keyof HostResponses]?: () => HostResponses[Op] } = {
        'workspace.info': () => ({ root: '/w', notebook: 'nb.ipynb' }),
        'notebook.open': () => ({ path: 'nb.ipynb', text, mtimeMs: 1, recovery: null }),
        'notebook.heartbeat': () => ({ openElsewhere: false }),
        'notebook.save': () => {
          saves.push('save');
          return { kind: 'saved', mtimeMs: 2 };
        },
        'recovery.write': () => ({ savedAtMs: 3 }),
      };
      const answer = answers[operation];
      if (!answer) throw new Error(`unexpected ${operation}`);
      return answer() as HostResponses[K];
    },
  };
}

/** A kernel that keeps `const NAME = NUMBER` between cells and evaluates arithmetic over them. */
function scopedKernel() {
  const scope = new Map<string, string>();
  const evaluate = (request: ExecuteRequest): FakeCellResult => {
    const declared = [...request.code.matchAll(/^const (\w+) = ([^;]+);?$/gm)];
    for (const [, name, value] of declared) scope.set(name, value);
    if (declared.length > 0 || request.code.trim() === '') return { status: 'done', outputs: [] };
    const value = evaluateArithmetic(request.code.replace(/\w+/g, (w) => scope.get(w) ?? w));
    return {
      status: 'done',
      outputs: [{ ...result(String(value)), execution_count: request.executionCount }],
    } as FakeCellResult;
  };
  return createFakeKernelClient({ evaluate });
}

let current: { dirty: boolean; outputs: unknown[] } | undefined;

function Window({ host, kernel }: { host: HostClient; kernel: ReturnType<typeof scopedKernel> }) {
  const live = useMemo(createLiveSources, []);
  const session = useNotebookSession(host, kernel, live);
  const replay = useReplay(session, kernel, true);
  const commands = replay.guard(session.commands);
  const cells = session.state.notebook.cells;
  current = {
    dirty: session.state.dirty,
    outputs: cells.map((cell) => (cell.cell_type === 'code' ? cell.outputs : [])),
  };
  return (
    <>
      <button type="button" onClick={() => void commands.save()}>
        Save
      </button>
      <button type="button" onClick={replay.toggle}>
        {replay.active ? 'Exit replay' : 'Replay'}
      </button>
      <NoticeBanner
        notice={session.state.notice}
        onDismiss={() => commands.dispatch({ type: 'notice', notice: null })}
      />
      {replay.active && <ReplayPanel replay={replay} cells={cells} />}
      {cells.map((cell, i) => (
        <section key={cell.id} role="region" aria-label={`Cell ${i + 1}`}>
          <ChangeBadge replay={replay.cell(cell.id)} cellNumber={i + 1} />
          <output>
            {(replay.cell(cell.id).outputs ?? (cell.cell_type === 'code' ? cell.outputs : []))
              .map((o) => (o.output_type === 'execute_result' ? o.data['text/plain'] : ''))
              .join()}
          </output>
        </section>
      ))}
    </>
  );
}

async function openInReplay(saves: string[] = []) {
  const kernel = scopedKernel();
  render(<Window host={hostOf(SAVED, saves)} kernel={kernel} />);
  const form = await screen.findByRole('form', { name: 'Parameters' });
  await waitFor(() => expect(within(form).getByLabelText('rows')).toHaveProperty('value', '3'));
  return { kernel, form };
}

const cell = (n: number) => screen.getByRole('region', { name: `Cell ${n}` });

describe('replay mode', () => {
  it('offers a number field for the numeric parameter, showing its default', async () => {
    const { form } = await openInReplay();
    const rows = within(form).getByLabelText('rows');
    expect(rows).toHaveProperty('type', 'number');
    expect(within(form).getByText('default: 3')).toBeTruthy();
  });

  it('says why an input is invalid, next to its field, and does not run it', async () => {
    const { form } = await openInReplay();
    const rows = within(form).getByLabelText('rows');
    fireEvent.change(rows, { target: { value: '' } });
    expect(rows.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(`${rows.id}-error`);
    expect(message?.textContent).not.toBe('');
    expect(screen.getByRole('button', { name: 'Run replay' })).toHaveProperty('disabled', true);
  });

  it('runs with the new parameter and marks each cell changed, same or new', async () => {
    const { kernel, form } = await openInReplay();
    fireEvent.change(within(form).getByLabelText('rows'), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run replay' }));
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Replay progress' }).textContent).toBe(
        '1 of 4 cells changed, 1 new',
      ),
    );
    expect(kernel.calls.restart).toBe(1);
    // The injected cell runs right after the parameters cell.
    expect(kernel.calls.execute.map((r) => r.code)).toEqual([
      'const rows = 3',
      expect.stringMatching(/^const rows = 5;$/m),
      'rows * 2',
      '10 + 1',
      '4 + 4',
    ]);
    expect(within(cell(2)).getByText('changed')).toBeTruthy();
    expect(cell(2).querySelector('output')?.textContent).toBe('10');
    expect(within(cell(3)).getByText('same')).toBeTruthy();
    expect(within(cell(4)).getByText('new')).toBeTruthy();
    expect(within(cell(3)).queryByRole('button', { name: 'Show diff' })).toBeNull();
    // The saved outputs stay in the document, for the comparison and for Exit replay.
    expect(current?.outputs[1]).toEqual([result('6')]);
    expect(current?.dirty).toBe(false);
  });

  it('Show diff opens the diff of the cell, and Escape closes it', async () => {
    const { form } = await openInReplay();
    fireEvent.change(within(form).getByLabelText('rows'), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run replay' }));
    fireEvent.click(await within(cell(2)).findByRole('button', { name: 'Show diff' }));
    const dialog = screen.getByRole('dialog', { name: 'Diff of cell 2' });
    expect(dialog.textContent).toContain('6');
    expect(dialog.textContent).toContain('10');
    expect(dialog.querySelector('.diff-added')).not.toBeNull();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('does not save, and says so; Exit replay shows the saved outputs again', async () => {
    const saves: string[] = [];
    await openInReplay(saves);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert').textContent).toContain(NO_SAVE_NOTICE);
    expect(saves).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Run replay' }));
    await waitFor(() => expect(within(cell(3)).getByText('same')).toBeTruthy());
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Exit replay' })));
    expect(screen.queryByRole('form', { name: 'Parameters' })).toBeNull();
    expect(within(cell(3)).queryByText('same')).toBeNull();
    expect(cell(2).querySelector('output')?.textContent).toBe('6');
    expect(current?.dirty).toBe(false);
  });

  it('a notebook without a parameters cell says so and still runs', async () => {
    const kernel = scopedKernel();
    render(<Window host={hostOf(notebookJson(['1 + 1']), [])} kernel={kernel} />);
    const form = await screen.findByRole('form', { name: 'Parameters' });
    await waitFor(() => expect(within(form).getByText(/no parameters cell/)).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Run replay' }));
    await waitFor(() => expect(within(cell(1)).getByText('new')).toBeTruthy());
  });
});
