// @vitest-environment happy-dom
/**
 * A save or an autosave that fails is said in the window (the notice banner names the
 * failure), never swallowed, and the unsaved work stays in the editors. The session hook and
 * the banner as App wires them (App itself needs the built editor).
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostClient, HostRequests, HostResponses } from '../../core/host-contract';
import { createLiveSources, type LiveSources } from '../editor/live-sources';
import { createFakeKernelClient } from '../kernel/fake-kernel-client';
import type { KernelClient } from '../kernel/kernel-client';
import { codeNotebookJson } from '../../test/notebook-json';
import { NoticeBanner } from './NoticeBanner';
import { useNotebookSession } from './use-notebook-session';
import { RECOVERY_INTERVAL_MS } from './use-recovery-autosave';

afterEach(cleanup);

/** A host that opens a notebook and refuses `failing` with a one-line error, as the host does. */
function refusingHost(failing: keyof HostRequests, message: string): HostClient {
  return {
    call: async <K extends keyof HostRequests>(operation: K) => {
      if (operation === failing) throw new Error(message);
      const answers: { [Op in keyof HostResponses]?: () => HostResponses[Op] } = {
        'workspace.info': () => ({ root: '/w', notebook: 'nb.ipynb' }),
        'notebook.open': () => ({
          path: 'nb.ipynb',
          text: codeNotebookJson(['const x = 40']),
          mtimeMs: 1,
          recovery: null,
        }),
        'notebook.heartbeat': () => ({ openElsewhere: false }),
        'notebook.save': () => ({ kind: 'saved', mtimeMs: 2 }),
        'recovery.write': () => ({ savedAtMs: 3 }),
      };
      const answer = answers[operation];
      if (!answer) throw new Error(`unexpected ${operation}`);
      return answer() as HostResponses[K];
    },
  };
}

let session: ReturnType<typeof useNotebookSession> | undefined;

type WindowProps = { host: HostClient; kernel: KernelClient; live: LiveSources };

function Window({ host, kernel, live }: WindowProps) {
  session = useNotebookSession(host, kernel, live);
  const { state, commands } = session;
  return (
    <>
      <button type="button" onClick={() => void commands.save()}>
        Save
      </button>
      <NoticeBanner
        notice={state.notice}
        onDismiss={() => commands.dispatch({ type: 'notice', notice: null })}
      />
    </>
  );
}

async function openWindow(host: HostClient) {
  const live = createLiveSources();
  render(<Window host={host} kernel={createFakeKernelClient()} live={live} />);
  await waitFor(() => expect(session?.state.notebook.cells).toHaveLength(1));
  const cell = session?.state.notebook.cells[0];
  if (!cell) throw new Error('the notebook did not open');
  // The user typed: the editor holds text the file does not have.
  live.attach(cell.id, () => 'const x = 41 // unsaved');
  act(() =>
    session?.commands.dispatch({
      type: 'edit-source',
      cellId: cell.id,
      source: 'const x = 41 // unsaved',
    }),
  );
  return live;
}

describe('save failures in the window', () => {
  it('a failed save shows a banner naming the failure; the edits stay', async () => {
    const live = await openWindow(
      refusingHost('notebook.save', 'nb.ipynb: no space left on the device'),
    );
    await act(async () => screen.getByRole('button', { name: 'Save' }).click());
    expect(screen.getByRole('alert').textContent).toContain(
      'nb.ipynb was not saved: nb.ipynb: no space left on the device',
    );
    expect(session?.state.dirty).toBe(true);
    expect(live.read(session?.state.notebook.cells[0]?.id ?? '')).toBe('const x = 41 // unsaved');
  });

  it('a failed autosave (recovery copy) shows a banner too', async () => {
    await openWindow(refusingHost('recovery.write', 'nb.ipynb: the state folder is read-only'));
    const banner = await screen.findByRole('alert', {}, { timeout: RECOVERY_INTERVAL_MS * 3 });
    expect(banner.textContent).toContain(
      'Autosave failed: nb.ipynb: the state folder is read-only',
    );
    expect(session?.state.dirty).toBe(true);
  });
});
