/**
 * One sample's manifest in the Samples panel: how it was made (source, query, method, size,
 * seed, rows, hash, versions) and its columns with their profile (nulls, distinct values,
 * range, median or most frequent values).
 */
import type { ColumnProfile, SampleManifest } from '../../core/sample/manifest';
import type { SampleListing } from '../../core/sample/preview';
import { sourceText } from './sample-text';

type Sample = Extract<SampleListing, { kind: 'sample' }>;

export function SampleDetails({ sample }: { sample: Sample }) {
  const { manifest } = sample;
  const profiles = new Map(manifest.profile.map((p) => [p.name, p]));
  return (
    <section className="sample-details" aria-label={`Details of ${sample.name}`}>
      <dl>
        <dt>File</dt>
        <dd>{sample.file}</dd>
        <dt>Source</dt>
        <dd>{sourceText(manifest)}</dd>
        <dt>Size</dt>
        <dd>{sizeText(manifest)}</dd>
        <dt>Rows</dt>
        <dd>
          {manifest.rows.actual.toLocaleString('en-US')} of{' '}
          {manifest.rows.source === null
            ? 'unknown'
            : `${manifest.rows.sourceExact ? '' : '≈ '}${manifest.rows.source.toLocaleString('en-US')}`}
          {manifest.rows.skipped > 0 ? ` (${manifest.rows.skipped} malformed skipped)` : ''}
        </dd>
        <dt>sha256</dt>
        <dd className="sample-hash">{manifest.sha256}</dd>
        <dt>Versions</dt>
        <dd>
          {Object.entries(manifest.versions)
            .map(([name, version]) => `${name} ${version}`)
            .join(', ')}
        </dd>
      </dl>
      <table className="sample-table" aria-label={`Columns of ${sample.name}`}>
        <thead>
          <tr>
            <th>Column</th>
            <th>Type</th>
            <th>Nulls</th>
            <th>Distinct</th>
            <th>Range or top</th>
          </tr>
        </thead>
        <tbody>
          {manifest.schema.map((column) => {
            const profile = profiles.get(column.name);
            return (
              <tr key={column.name}>
                <td>{column.name}</td>
                <td>{column.type}</td>
                <td>{profile?.nulls ?? ''}</td>
                <td>{profile?.distinct ?? ''}</td>
                <td>{profile ? spread(profile) : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <details>
        <summary>Query</summary>
        <pre>{manifest.query}</pre>
      </details>
    </section>
  );
}

function sizeText(manifest: SampleManifest): string {
  const size =
    manifest.size.kind === 'rows'
      ? `${manifest.size.rows.toLocaleString('en-US')} rows`
      : `${manifest.size.fraction * 100}%`;
  const strata = manifest.stratify ? `, stratified by ${manifest.stratify.column}` : '';
  return `${size} by ${manifest.method}, seed ${manifest.seed}${strata}`;
}

/** `1 … 998, median 501` for numbers and dates, `FR 51, DE 30` for text. */
function spread(profile: ColumnProfile): string {
  if (profile.top !== null)
    return profile.top
      .slice(0, 3)
      .map((t) => `${t.value} ${t.count}`)
      .join(', ');
  if (profile.min === null && profile.max === null) return '';
  const median = profile.quantiles?.find((q) => q.q === 0.5);
  return `${String(profile.min)} … ${String(profile.max)}${median ? `, median ${median.value}` : ''}`;
}
