/**
 * The versions of the notebook's data files as the worker sees them: the host turns a path or
 * glob into links (`datafiles.resolve`, relayed through the renderer) and a HEAD request to each
 * gives its size and modification time. The kernel reads no file itself (files are the host's
 * DuckDB's: docs/kernel.md, "Where a query runs"); it needs versions to know when a sample or a
 * kept scan must be read again. Links are relative to the page (browser mode serves them under
 * its session path).
 */
import type { DataFileLink } from '../../core/host-contract';
import type { DataFileVersion } from '../platform';

export type ResolveLinks = (pattern: string) => Promise<DataFileLink[]>;

/** `fetch`, as far as this file uses it; `no-store`: a version check must reach the host. */
export type FetchFile = (
  url: string,
  init: { method: 'HEAD'; cache: 'no-store' },
) => Promise<Response>;

export class HttpDataFiles {
  constructor(
    private readonly resolveLinks: ResolveLinks,
    private readonly baseUrl: string,
    private readonly fetchFile: FetchFile = (url, init) => fetch(url, init),
  ) {}

  /** The files that exist now, each with a version that changes when the file does. */
  async list(pattern: string): Promise<DataFileVersion[]> {
    const links = await this.resolveLinks(pattern);
    const versions = await Promise.all(
      links.map(async (link) => {
        const url = new URL(link.url, this.baseUrl).href;
        const response = await this.fetchFile(url, { method: 'HEAD', cache: 'no-store' });
        if (response.status === 404) return null; // a plain path resolves even when missing
        if (!response.ok) throw new Error(`${link.name}: ${httpProblem(response)}`);
        return { name: link.name, version: versionOf(response) };
      }),
    );
    return versions.filter((version): version is DataFileVersion => version !== null);
  }
}

/** Size and modification time, as the Node platform uses; an ETag where the server sends one. */
function versionOf(response: Response): string {
  const headers = response.headers;
  const etag = headers.get('etag');
  if (etag) return etag;
  return `${headers.get('content-length') ?? '?'}:${headers.get('last-modified') ?? '?'}`;
}

function httpProblem(response: Response): string {
  return `the host answered ${response.status} ${response.statusText}`.trimEnd();
}
