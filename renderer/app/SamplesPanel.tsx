/**
 * The Samples panel: the samples pulled into the workspace (`samples.list`), each with its rows,
 * method, seed, source, creation time and the start of its content hash, and on demand the
 * manifest's details (SampleDetails.tsx). A sample whose manifest cannot be read is listed,
 * greyed, with the reason. Lists again when `refreshKey` changes (after a pull) or on Refresh.
 */
import { useEffect, useState } from 'react';
import type { HostClient } from '../../core/host-contract';
import type { SampleListing } from '../../core/sample/preview';
import { SampleDetails } from './SampleDetails';
import { sampleFacts } from './sample-text';
import './samples.css';

type Props = { host: HostClient; refreshKey: number };

export function SamplesPanel({ host, refreshKey }: Props) {
  const [samples, setSamples] = useState<SampleListing[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let current = true;
    host.call('samples.list', {}).then(
      (listing) => {
        if (!current) return;
        setSamples(listing.samples);
        setError(null);
      },
      (e: unknown) => current && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      current = false;
    };
  }, [host, refreshKey, reloads]);

  return (
    <nav className="file-panel samples-panel" aria-label="Samples">
      <div className="file-panel-header">
        <strong>Samples</strong>
        <button type="button" onClick={() => setReloads((n) => n + 1)}>
          Refresh
        </button>
      </div>
      {error && <p className="file-panel-error">{error}</p>}
      {samples?.length === 0 && (
        <p className="sample-note">No samples yet: pull one with Pull sample.</p>
      )}
      <ul>
        {samples?.map((sample) => (
          <li key={sample.file}>
            {sample.kind === 'unreadable' ? (
              <span className="file-entry file-unreadable" title={sample.problem}>
                {sample.name} <small>({sample.problem})</small>
              </span>
            ) : (
              <>
                <button
                  type="button"
                  className="file-entry sample-entry"
                  aria-expanded={open === sample.file}
                  onClick={() => setOpen((file) => (file === sample.file ? null : sample.file))}
                >
                  <strong>{sample.name}</strong>
                  <span className="sample-facts">{sampleFacts(sample.manifest)}</span>
                </button>
                {open === sample.file && <SampleDetails sample={sample} />}
              </>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
