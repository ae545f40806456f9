// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  FolderEntry,
  HostClient,
  HostRequests,
  HostResponses,
} from '../../core/host-contract';
import { FilePanel } from './FilePanel';

afterEach(cleanup);

function listingHost(entries: FolderEntry[]): HostClient {
  return {
    call: async <K extends keyof HostRequests>(operation: K) => {
      const answers: { [Op in keyof HostResponses]?: () => HostResponses[Op] } = {
        'folder.list': () => ({ path: '', entries }),
        'recent.list': () => ({ paths: [] }),
      };
      const answer = answers[operation];
      if (!answer) throw new Error(`unexpected ${operation}`);
      return answer() as HostResponses[K];
    },
  };
}

describe('FilePanel', () => {
  it('shows an unreadable entry greyed and inert, with the reason as its title', async () => {
    const host = listingHost([
      { name: 'nb.ipynb', kind: 'file', size: 10, mtimeMs: 1 },
      { name: 'loop.csv', kind: 'unreadable', reason: 'a symbolic link loop' },
    ]);
    render(<FilePanel host={host} onOpen={() => undefined} onSaveAs={() => undefined} />);
    const loop = await screen.findByText('loop.csv');
    expect(loop.getAttribute('title')).toBe('a symbolic link loop');
    expect(loop.className).toContain('file-unreadable');
    expect(loop.closest('button')).toBeNull();
    expect(screen.getByRole('button', { name: 'nb.ipynb' })).toBeTruthy();
  });
});
