/** How a sample's manifest reads in one line, in the Samples panel and its details. */
import type { SampleManifest } from '../../core/sample/manifest';

/** `120 rows · hash · seed 42 · data/orders.csv · 2026-12-01 18:00 UTC · ab12cd34ef56` */
export function sampleFacts(manifest: SampleManifest): string {
  return [
    `${manifest.rows.actual.toLocaleString('en-US')} rows`,
    manifest.method,
    `seed ${manifest.seed}`,
    sourceText(manifest),
    `${manifest.createdAt.slice(0, 16).replace('T', ' ')} UTC`,
    manifest.sha256.slice(0, 12),
  ].join(' · ');
}

export function sourceText(manifest: SampleManifest): string {
  const { source } = manifest;
  switch (source.kind) {
    case 'files':
      return source.path;
    case 'postgres':
      return `${source.connection} ${source.table ?? 'query'}`;
  }
}
