/**
 * The sample operations with the native sampler (host/sampler/pull-sample.ts, DuckDB): what the
 * app's dialog does, from preview to a pulled, listed sample, in a temporary workspace.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JobEvent } from '../../core/jobs';
import { DEFAULT_SEED, type SampleRequest } from '../../core/sample/request';
import { notebookText, tempFolder } from '../../test/support/host-fixtures';
import { HostError } from './host-error';
import { createHostHandlers, type HostHandlers } from './host-handlers';

let root: string;
let host: HostHandlers;

const request = (path: string): SampleRequest => ({
  source: { kind: 'files', path, format: 'auto' },
  method: 'hash',
  size: { kind: 'rows', rows: 50 },
  seed: DEFAULT_SEED,
  stratify: null,
  where: null,
  timeWindow: null,
  columns: null,
  threads: null,
  onError: 'fail',
});

beforeAll(async () => {
  root = await tempFolder('quarry-native-samples-');
  await mkdir(path.join(root, 'data'));
  await writeFile(path.join(root, 'nb.ipynb'), notebookText());
  const lines = ['id,country'];
  for (let i = 1; i <= 1000; i++) lines.push(`${i},${['FR', 'DE'][i % 2]}`);
  await writeFile(path.join(root, 'data', 'orders.csv'), `${lines.join('\n')}\n`);
  host = createHostHandlers({
    root,
    notebook: 'nb.ipynb',
    stateDir: await tempFolder('quarry-native-samples-state-'),
  });
});

describe('sample operations on the native sampler', () => {
  it('previews, pulls into samples/, and lists the sample with its manifest', async () => {
    const preview = await host['sample.preview']({ request: request('data/orders.csv') });
    expect(preview.columns.map((c) => c.name)).toEqual(['id', 'country']);
    expect(preview.rows.length).toBeGreaterThan(0);
    expect(preview.query).toContain('orders.csv');

    const { jobId, file } = await host['sample.start']({
      request: request('data/orders.csv'),
      name: 'orders',
      force: false,
    });
    const events: JobEvent[] = [];
    let result = null;
    for (let after = 0; events.at(-1)?.kind !== 'finished';) {
      const answer = await host['job.poll']({ jobId, after });
      events.push(...answer.events);
      after = answer.next;
      result = answer.result;
    }
    expect(events.at(-1)).toMatchObject({ outcome: { kind: 'done' } });
    expect(result).toMatchObject({ file, manifest: { rows: { actual: 50, source: 1000 } } });
    expect((await readdir(path.join(root, 'samples'))).sort()).toEqual([
      'orders.manifest.json',
      'orders.parquet',
    ]);
    const { samples } = await host['samples.list']({});
    expect(samples).toEqual([{ kind: 'sample', name: 'orders', file, manifest: result?.manifest }]);

    const again = await host['sample.start']({
      request: request('data/orders.csv'),
      name: 'orders',
      force: false,
    }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(HostError);
    expect(again).toMatchObject({ kind: 'conflict' });
  });

  it('a missing source file is a one-line bad request naming it relative to the workspace', async () => {
    const error = await host['sample.preview']({ request: request('data/nope.csv') }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HostError);
    const { kind, message } = error as HostError;
    expect(kind).toBe('bad-request');
    expect(message).toContain('nope.csv');
    expect(message).not.toContain(root);
    expect(message.split('\n')).toHaveLength(1);
  });

  it('a source outside the workspace is refused', async () => {
    const error = await host['sample.preview']({ request: request('../../etc/passwd') }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: 'bad-request' });
  });
});
