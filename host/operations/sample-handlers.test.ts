import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { HostJobPoll } from '../../core/host-jobs';
import type { JobEvent } from '../../core/jobs';
import type { SamplePreview } from '../../core/sample/preview';
import { DEFAULT_SEED, type SampleRequest } from '../../core/sample/request';
import { notebookText, tempFolder } from '../../test/support/host-fixtures';
import { sampleManifest } from '../../test/support/sample-manifest';
import type { PreviewOptions, PullOptions } from '../sampler/pull-sample';
import { SampleError } from '../sampler/sample-error';
import { HostError } from './host-error';
import { createHostHandlers, dispatchHostRequest, type HostHandlers } from './host-handlers';
import { shownMessage } from './sample-failure';
import type { Sampler } from './sample-handlers';

let root: string;
let outside: string;
let host: HostHandlers;
let calls: { pull: PullOptions[]; preview: PreviewOptions[] };
/** What the fake sampler's pull does; by default it reports progress and writes nothing. */
let pull: Sampler['pull'];

const PREVIEW: SamplePreview = {
  columns: [{ name: 'id', type: 'BIGINT', nullable: false }],
  rows: [[1], [2]],
  sourceRows: { count: 1000, exact: true },
  query: 'SELECT ...',
};

function filesRequest(overrides: Partial<SampleRequest> = {}): SampleRequest {
  return {
    source: { kind: 'files', path: 'orders.csv', format: 'auto' },
    method: 'hash',
    size: { kind: 'rows', rows: 120 },
    seed: DEFAULT_SEED,
    stratify: null,
    where: null,
    timeWindow: null,
    columns: null,
    threads: null,
    onError: 'fail',
    ...overrides,
  };
}

const postgresRequest = (connection: string): SampleRequest =>
  filesRequest({ source: { kind: 'postgres', connection, table: 'orders', query: null } });

beforeEach(async () => {
  root = await tempFolder('quarry-samples-');
  outside = await tempFolder('quarry-samples-outside-');
  await mkdir(path.join(root, 'analysis'));
  await writeFile(path.join(root, 'analysis', 'nb.ipynb'), notebookText());
  calls = { pull: [], preview: [] };
  pull = async (_request, options) => {
    options.onProgress({ done: 120, total: 120, unit: 'rows', message: null });
    return sampleManifest();
  };
  const sampler: Sampler = {
    pull: (request, options) => {
      calls.pull.push(options);
      return pull(request, options);
    },
    preview: async (_request, options) => {
      calls.preview.push(options);
      return PREVIEW;
    },
  };
  host = createHostHandlers({
    root,
    notebook: 'analysis/nb.ipynb',
    stateDir: await tempFolder('quarry-samples-state-'),
    sampler,
    env: { PGHOST: 'db.example' },
  });
});

async function failure(promise: Promise<unknown>): Promise<HostError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HostError);
  const hostError = error as HostError;
  expect(hostError.message.split('\n')).toHaveLength(1);
  expect(hostError.message).not.toContain(root);
  return hostError;
}

async function pollToEnd(jobId: string): Promise<{ events: JobEvent[]; last: HostJobPoll }> {
  const events: JobEvent[] = [];
  for (let after = 0; ;) {
    const last = await host['job.poll']({ jobId, after });
    events.push(...last.events);
    after = last.next;
    if (events.at(-1)?.kind === 'finished') return { events, last };
  }
}

describe('sample handlers', () => {
  it('sample.preview reads inside the workspace, from the notebook folder, a few rows', async () => {
    expect(await host['sample.preview']({ request: filesRequest() })).toEqual(PREVIEW);
    expect(calls.preview[0]).toMatchObject({
      allowedRoot: root,
      baseDir: path.join(root, 'analysis'),
      limit: 20,
      env: { PGHOST: 'db.example' },
    });
  });

  it('refuses a request the sampler would refuse, before it runs, naming the option', async () => {
    const zero = filesRequest({ size: { kind: 'rows', rows: 0 } });
    const error = await failure(host['sample.preview']({ request: zero }));
    expect(error.kind).toBe('bad-request');
    expect(error.message).toMatch(/number of rows/);
    expect(
      (await failure(host['sample.start']({ request: zero, name: 'x', force: false }))).kind,
    ).toBe('bad-request');
    expect(calls.preview.length + calls.pull.length).toBe(0);
    // The contract refuses a name that is not a SQL identifier.
    const badName = dispatchHostRequest(host, 'sample.start', {
      request: filesRequest(),
      name: 'my orders',
      force: false,
    });
    expect((await failure(badName)).message).toMatch(/"name" must be a sample name/);
    const badAfter = dispatchHostRequest(host, 'job.poll', { jobId: 'j', after: -1 });
    expect((await failure(badAfter)).message).toMatch(/"after" must be a whole number from 0/);
  });

  it('sample.start pulls into samples/NAME.parquet as a job: progress, then the manifest', async () => {
    const started = await host['sample.start']({
      request: filesRequest(),
      name: 'orders',
      force: false,
    });
    expect(started.file).toBe('samples/orders.parquet');
    const { events, last } = await pollToEnd(started.jobId);
    expect(events.map((e) => e.kind)).toEqual(['started', 'progress', 'finished']);
    expect(events[0]).toMatchObject({
      title: 'Pulling orders',
      progress: { done: 0, unit: 'rows' },
    });
    expect(events.at(-1)).toMatchObject({ outcome: { kind: 'done' } });
    expect(last.result).toEqual({
      kind: 'sample',
      name: 'orders',
      file: 'samples/orders.parquet',
      manifest: sampleManifest(),
    });
    expect(calls.pull[0]).toMatchObject({
      out: path.join(root, 'samples', 'orders.parquet'),
      force: false,
      allowedRoot: root,
      baseDir: path.join(root, 'analysis'),
    });
    expect(await readdir(root)).toContain('samples');
  });

  it('refuses an existing sample unless forced, and a second pull into the same file', async () => {
    await mkdir(path.join(root, 'samples'));
    await writeFile(path.join(root, 'samples', 'orders.parquet'), 'PAR1');
    const taken = await failure(
      host['sample.start']({ request: filesRequest(), name: 'orders', force: false }),
    );
    expect(taken.kind).toBe('conflict');
    expect(taken.message).toBe(
      'samples/orders.parquet already exists: overwrite it, or choose another name',
    );
    expect(calls.pull).toHaveLength(0);

    let release!: () => void;
    pull = () => new Promise((resolve) => (release = () => resolve(sampleManifest())));
    const forced = await host['sample.start']({
      request: filesRequest(),
      name: 'orders',
      force: true,
    });
    expect(calls.pull[0].force).toBe(true);
    const again = await failure(
      host['sample.start']({ request: filesRequest(), name: 'orders', force: true }),
    );
    expect(again).toMatchObject({
      kind: 'conflict',
      message: expect.stringMatching(/being pulled/),
    });
    release();
    expect((await pollToEnd(forced.jobId)).last.result).not.toBeNull();
  });

  it("a source's failure is one line, relative to the workspace, without the password", async () => {
    pull = async () => {
      throw new SampleError(
        'source',
        `cannot read ${root}/analysis/orders.csv: line 3 has 5 columns, not 4 (s3cr%2Et)`,
      );
    };
    const request = postgresRequest('postgres://ana:s3cr%2Et@db.example:5432/shop');
    const { jobId } = await host['sample.start']({ request, name: 'orders', force: false });
    const end = (await pollToEnd(jobId)).events.at(-1);
    expect(end).toMatchObject({
      kind: 'finished',
      outcome: {
        kind: 'error',
        message: 'cannot read analysis/orders.csv: line 3 has 5 columns, not 4 (***)',
      },
    });
  });

  it('cuts any message to its first line', () => {
    expect(shownMessage(`${root}/a.csv: bad\n    at read (/usr/lib/x.js:1:1)`, root, [])).toBe(
      'a.csv: bad',
    );
  });

  it('masks a keyword password and maps the sampler kinds for a preview', async () => {
    host = createHostHandlers({
      root,
      stateDir: await tempFolder('quarry-samples-state-'),
      sampler: {
        pull,
        preview: async () => {
          throw new SampleError('bad-request', "where: column 'amt' not found (password hunter2)");
        },
      },
    });
    const request = postgresRequest("host=db dbname=shop password='hunter2'");
    const error = await failure(host['sample.preview']({ request }));
    expect(error).toMatchObject({
      kind: 'bad-request',
      message: "where: column 'amt' not found (password ***)",
    });
  });

  it('job.cancel aborts the pull; the job ends cancelled', async () => {
    pull = (_request, options) =>
      new Promise((_resolve, reject) =>
        options.signal.addEventListener('abort', () =>
          reject(new SampleError('cancelled', 'cancelled')),
        ),
      );
    const { jobId } = await host['sample.start']({
      request: filesRequest(),
      name: 'big',
      force: false,
    });
    expect(await host['job.cancel']({ jobId })).toEqual({});
    expect((await pollToEnd(jobId)).events.at(-1)).toMatchObject({
      outcome: { kind: 'cancelled' },
    });
    expect((await failure(host['job.poll']({ jobId: 'no-such-job', after: 0 }))).kind).toBe(
      'not-found',
    );
  });

  it('samples.list: each Parquet file with its manifest, damaged ones said so', async () => {
    expect(await host['samples.list']({})).toEqual({ samples: [] });
    const samples = path.join(root, 'samples');
    await mkdir(samples);
    const write = (name: string, text: string) => writeFile(path.join(samples, name), text);
    await write('orders.parquet', 'PAR1');
    await write('orders.manifest.json', JSON.stringify(sampleManifest()));
    await write('bare.parquet', 'PAR1');
    await write('broken.parquet', 'PAR1');
    await write('broken.manifest.json', '{"manifestVersion": 1,');
    await write('old.parquet', 'PAR1');
    await write('old.manifest.json', JSON.stringify({ manifestVersion: 0 }));
    await write('notes.txt', 'not a sample');
    await writeFile(path.join(outside, 'away.parquet'), 'PAR1');
    await symlink(path.join(outside, 'away.parquet'), path.join(samples, 'away.parquet'));
    const { samples: listed } = await host['samples.list']({});
    expect(listed.map((s) => [s.name, s.kind])).toEqual([
      ['bare', 'unreadable'],
      ['broken', 'unreadable'],
      ['old', 'unreadable'],
      ['orders', 'sample'],
    ]);
    expect(listed[0]).toMatchObject({
      file: 'samples/bare.parquet',
      problem: 'its manifest samples/bare.manifest.json is missing',
    });
    expect(listed[1]).toMatchObject({ problem: expect.stringMatching(/not valid JSON/) });
    expect(listed[2]).toMatchObject({ problem: expect.stringMatching(/another version/) });
    expect(listed[3]).toEqual({
      kind: 'sample',
      name: 'orders',
      file: 'samples/orders.parquet',
      manifest: sampleManifest(),
    });
  });

  it('a samples folder that leads out of the workspace is refused', async () => {
    await symlink(outside, path.join(root, 'samples'));
    expect((await failure(host['samples.list']({}))).kind).toBe('forbidden');
    const start = host['sample.start']({ request: filesRequest(), name: 'orders', force: false });
    expect((await failure(start)).kind).toBe('forbidden');
    expect(calls.pull).toHaveLength(0);
  });
});
