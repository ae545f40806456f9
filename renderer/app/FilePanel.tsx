/** The notebook's folder and the recent notebooks: open one, or save this one under a new name. */
import { useEffect, useState } from 'react';
import type { FolderEntry, HostClient } from '../../core/host-contract';

type Props = { host: HostClient; onOpen(path: string): void; onSaveAs(path: string): void };

export function FilePanel({ host, onOpen, onSaveAs }: Props) {
  const [folder, setFolder] = useState('');
  const [entries, setEntries] = useState<FolderEntry[]>([]);
  const [recent, setRecent] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    host.call('folder.list', { path: folder }).then(
      (listing) => {
        setEntries(listing.entries);
        setError(null);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
    host.call('recent.list', {}).then(
      (r) => setRecent(r.paths),
      () => setRecent([]),
    );
  }, [host, folder]);

  const join = (name: string) => (folder ? `${folder}/${name}` : name);
  return (
    <nav className="file-panel" aria-label="Files">
      <div className="file-panel-header">
        <strong>{folder || 'Notebook folder'}</strong>
        <button
          type="button"
          onClick={() => {
            const name = window.prompt('Save as:', join('copy.ipynb'));
            if (name) onSaveAs(name);
          }}
        >
          Save as…
        </button>
      </div>
      {error && <p className="file-panel-error">{error}</p>}
      <ul>
        {folder && (
          <li>
            <button
              type="button"
              className="file-entry"
              onClick={() => setFolder(folder.split('/').slice(0, -1).join('/'))}
            >
              ..
            </button>
          </li>
        )}
        {entries.map((entry) => (
          <li key={entry.name}>
            {entry.kind === 'unreadable' ? (
              // Listed so the name is not a mystery, greyed and inert; the reason on hover.
              <span className="file-entry file-unreadable" title={entry.reason}>
                {entry.name}
              </span>
            ) : (
              <button
                type="button"
                className={`file-entry file-${entry.kind}`}
                disabled={entry.kind === 'file' && !entry.name.endsWith('.ipynb')}
                onClick={() =>
                  entry.kind === 'folder' ? setFolder(join(entry.name)) : onOpen(join(entry.name))
                }
              >
                {entry.kind === 'folder' ? '📁 ' : ''}
                {entry.name}
              </button>
            )}
          </li>
        ))}
      </ul>
      {recent.length > 0 && (
        <>
          <strong>Recent</strong>
          <ul>
            {recent.map((path) => (
              <li key={path}>
                <button type="button" className="file-entry" onClick={() => onOpen(path)}>
                  {path}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </nav>
  );
}
