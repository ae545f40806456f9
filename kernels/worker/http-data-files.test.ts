import { describe, expect, it } from 'vitest';
import type { DataFileLink } from '../../core/host-contract';
import { HttpDataFiles, type FetchFile } from './http-data-files';

const files: Record<string, { body: string; modified: string }> = {
  'http://h:1/s/key/files/data/a.json': {
    body: '[{"a":1}]',
    modified: 'Mon, 01 Jan 2024 00:00:00 GMT',
  },
  'http://h:1/s/key/files/data/b.json': { body: '[]', modified: 'Tue, 02 Jan 2024 00:00:00 GMT' },
};

function setUp(links: Record<string, DataFileLink[]>) {
  const requests: string[] = [];
  const fetchFile: FetchFile = async (url, init) => {
    requests.push(`${init.method} ${url}`);
    const file = files[url];
    if (!file) return new Response(null, { status: 404, statusText: 'Not Found' });
    const headers = { 'content-length': String(file.body.length), 'last-modified': file.modified };
    return new Response(null, { headers });
  };
  const resolve = async (pattern: string) => links[pattern] ?? [];
  return {
    data: new HttpDataFiles(resolve, 'http://h:1/s/key/?token=t', fetchFile),
    requests,
  };
}

describe('HttpDataFiles', () => {
  it('lists existing files with a version from size and modification time', async () => {
    const { data, requests } = setUp({
      'data/*.json': [
        { name: 'data/a.json', url: 'files/data/a.json' },
        { name: 'data/b.json', url: 'files/data/b.json' },
      ],
      'data/missing.json': [{ name: 'data/missing.json', url: 'files/data/missing.json' }],
    });
    expect(await data.list('data/*.json')).toEqual([
      { name: 'data/a.json', version: '9:Mon, 01 Jan 2024 00:00:00 GMT' },
      { name: 'data/b.json', version: '2:Tue, 02 Jan 2024 00:00:00 GMT' },
    ]);
    expect(await data.list('data/missing.json')).toEqual([]);
    expect(requests).toContain('HEAD http://h:1/s/key/files/data/a.json');
  });
});
