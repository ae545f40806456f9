/**
 * The notebook's data files as the worker sees them: URLs the host serves (DESIGN.md, "Data files
 * reach the kernel as URLs the host serves"). The host turns a path or glob into links
 * (`datafiles.resolve`, relayed through the renderer); DuckDB reads CSVs from those URLs lazily
 * with range requests, and the formats the kernel loads itself (Parquet, JSON) are fetched whole.
 * The links are relative to the page (browser mode serves them under its session path).
 */
import type { DataFileLink } from '../../core/host-contract';
import type { DataFile, DataFileVersion } from '../platform';

export type ResolveLinks = (pattern: string) => Promise<DataFileLink[]>;

/** `fetch`, as far as this file uses it; `no-store`: a version check must reach the host. */
export type FetchFile = (
  url: string,
  init: { method?: 'HEAD'; cache: 'no-store' },
) => Promise<Response>;

export class HttpDataFiles {
  /** Name → absolute URL, for every name the host has resolved. */
  private readonly urls = new Map<string, string>();

  constructor(
    private readonly resolveLinks: ResolveLinks,
    private readonly baseUrl: string,
    private readonly fetchFile: FetchFile = (url, init) => fetch(url, init),
  ) {}

  /** The files a path or glob stands for, as absolute URLs (for DuckDB's HTTP file system). */
  async resolve(pattern: string): Promise<DataFile[]> {
    const links = await this.resolveLinks(pattern);
    return links.map((link) => ({ name: link.name, location: this.remember(link) }));
  }

  /** The files that exist now, each with a version that changes when the file does. */
  async list(pattern: string): Promise<DataFileVersion[]> {
    const files = await this.resolve(pattern);
    const versions = await Promise.all(
      files.map(async (file) => {
        const response = await this.fetchFile(file.location, { method: 'HEAD', cache: 'no-store' });
        if (response.status === 404) return null; // a plain path resolves even when missing
        if (!response.ok) throw new Error(`${file.name}: ${httpProblem(response)}`);
        return { name: file.name, version: versionOf(response) };
      }),
    );
    return versions.filter((version): version is DataFileVersion => version !== null);
  }

  async read(name: string): Promise<Uint8Array> {
    const url = this.urls.get(name) ?? (await this.resolve(name))[0]?.location;
    if (!url) throw new Error(`${name}: no such data file`);
    const response = await this.fetchFile(url, { cache: 'no-store' });
    if (!response.ok) throw new Error(`${name}: ${httpProblem(response)}`);
    return new Uint8Array(await response.arrayBuffer());
  }

  private remember(link: DataFileLink): string {
    const url = new URL(link.url, this.baseUrl).href;
    this.urls.set(link.name, url);
    return url;
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
