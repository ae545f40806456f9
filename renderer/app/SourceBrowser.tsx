/**
 * The dialog's Browse list: the workspace's folders and files (`folder.list`), to fill the
 * source path without typing it. A file or the folder shown can be chosen (a folder of
 * partitioned files is a source too).
 */
import { useEffect, useState } from 'react';
import type { FolderEntry, HostClient } from '../../core/host-contract';

type Props = { host: HostClient; onChoose(path: string): void };

export function SourceBrowser({ host, onChoose }: Props) {
  const [folder, setFolder] = useState('');
  const [entries, setEntries] = useState<FolderEntry[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    host.call('folder.list', { path: folder }).then(
      (listing) => {
        if (!current) return;
        setEntries(listing.entries);
        setError(null);
      },
      (e: unknown) => current && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      current = false;
    };
  }, [host, folder]);

  const join = (name: string) => (folder ? `${folder}/${name}` : name);
  return (
    <div className="source-browser">
      <div className="source-browser-header">
        <span>{folder || 'Workspace'}</span>
        {folder && (
          <button type="button" onClick={() => onChoose(folder)}>
            Use this folder
          </button>
        )}
      </div>
      {error && <p className="sample-error">{error}</p>}
      <ul aria-label="Workspace files">
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
        {entries.map((entry) =>
          entry.kind === 'unreadable' ? (
            <li key={entry.name}>
              <span className="file-entry file-unreadable" title={entry.reason}>
                {entry.name}
              </span>
            </li>
          ) : (
            <li key={entry.name}>
              <button
                type="button"
                className={`file-entry file-${entry.kind}`}
                onClick={() =>
                  entry.kind === 'folder' ? setFolder(join(entry.name)) : onChoose(join(entry.name))
                }
              >
                {entry.kind === 'folder' ? '📁 ' : ''}
                {entry.name}
              </button>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}
