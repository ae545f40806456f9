// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostClient, HostRequests, HostResponses } from '../../core/host-contract';
import type { HostJobPoll, HostJobResult } from '../../core/host-jobs';
import { sampleManifest } from '../../test/support/sample-manifest';
import { HostCallError } from '../host-client/host-bridge';
import { PullSampleDialog } from './PullSampleDialog';

afterEach(cleanup);

type Call = {
  [K in keyof HostRequests]: { operation: K; request: HostRequests[K] };
}[keyof HostRequests];

/** A host whose answers the test sets; every call is recorded. */
function fakeHost(answers: {
  [K in keyof HostResponses]?: (request: HostRequests[K]) => HostResponses[K];
}) {
  const calls: Call[] = [];
  const host: HostClient = {
    call: async <K extends keyof HostRequests>(operation: K, request: HostRequests[K]) => {
      calls.push({ operation, request } as Call);
      const answer = answers[operation] as ((r: HostRequests[K]) => HostResponses[K]) | undefined;
      if (!answer) throw new Error(`unexpected ${operation}`);
      return answer(request);
    },
  };
  return { host, calls };
}

const PREVIEW: HostResponses['sample.preview'] = {
  columns: [
    { name: 'id', type: 'BIGINT', nullable: false },
    { name: 'country', type: 'VARCHAR', nullable: true },
  ],
  rows: [
    [1, 'FR'],
    [2, null],
  ],
  sourceRows: { count: 1000, exact: true },
  query: 'SELECT * FROM read_csv(...) ORDER BY hash(...) LIMIT 120',
};

const RESULT: HostJobResult = {
  kind: 'sample',
  name: 'orders',
  file: 'samples/orders.parquet',
  manifest: sampleManifest(),
};

/** A job that answers a progress event, then, on the next poll, its end with the result. */
function jobPolls(): (request: HostRequests['job.poll']) => HostJobPoll {
  const progress = { done: 60, total: 120, unit: 'rows', message: null };
  return ({ jobId, after }) =>
    after === 0
      ? {
          events: [
            { kind: 'started', jobId, title: 'Pulling orders', action: 'cancel', progress },
            { kind: 'progress', jobId, progress },
          ],
          next: 2,
          result: null,
        }
      : {
          events: [{ kind: 'finished', jobId, outcome: { kind: 'done' } }],
          next: 3,
          result: RESULT,
        };
}

const field = (name: string) => screen.getByLabelText(name, { selector: 'input, select' });
const type = (name: string, value: string) => fireEvent.change(field(name), { target: { value } });

function renderDialog(host: HostClient) {
  const pulled: HostJobResult[] = [];
  let closed = 0;
  render(
    <PullSampleDialog host={host} onPulled={(r) => pulled.push(r)} onClose={() => closed++} />,
  );
  return { pulled, closed: () => closed };
}

describe('PullSampleDialog', () => {
  it('is a dialog named Pull sample, with the focus in the path; Enter previews', async () => {
    const { host, calls } = fakeHost({ 'sample.preview': () => PREVIEW });
    renderDialog(host);
    expect(screen.getByRole('dialog', { name: 'Pull sample' })).toBeTruthy();
    expect(document.activeElement).toBe(field('Path'));
    type('Path', 'data/orders.csv');
    expect((field('Name') as HTMLInputElement).value).toBe('orders');
    type('Size', '120');
    fireEvent.submit(field('Size').closest('form')!);
    const preview = await screen.findByRole('region', { name: 'Preview' });
    expect(calls[0]).toMatchObject({
      operation: 'sample.preview',
      request: {
        request: {
          source: { kind: 'files', path: 'data/orders.csv' },
          size: { kind: 'rows', rows: 120 },
        },
      },
    });
    expect(preview.textContent).toContain('Source rows: 1,000');
    expect(screen.getByRole('table', { name: 'Schema' }).textContent).toContain('VARCHAR');
    expect(screen.getByRole('table', { name: 'First rows' }).textContent).toContain('FR');
    expect(
      screen.getByRole('figure', { name: 'Query the engine will receive' }).textContent,
    ).toContain('ORDER BY hash');
  });

  it('says a problem in one line, focuses its field and keeps what was typed', async () => {
    const { host, calls } = fakeHost({});
    renderDialog(host);
    type('Path', 'data/orders.csv');
    type('Size', 'lots');
    type('Where', "country = 'FR'");
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Size: a number of rows/);
    expect(document.activeElement).toBe(field('Size'));
    expect((field('Where') as HTMLInputElement).value).toBe("country = 'FR'");
    expect(calls).toHaveLength(0);
  });

  it("shows the host's refusal of a preview in one line, the form kept", async () => {
    const { host } = fakeHost({
      'sample.preview': () => {
        throw new HostCallError('bad-request', 'data/nope.csv: no such file');
      },
    });
    renderDialog(host);
    type('Path', 'data/nope.csv');
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect((await screen.findByRole('alert')).textContent).toBe('data/nope.csv: no such file');
    expect((field('Path') as HTMLInputElement).value).toBe('data/nope.csv');
  });

  it('Pull follows the job to its end: progress with Cancel, then the rows and file', async () => {
    const { host, calls } = fakeHost({
      'sample.start': () => ({ jobId: 'job-1', file: 'samples/orders.parquet' }),
      'job.poll': jobPolls(),
    });
    const { pulled } = renderDialog(host);
    type('Path', 'data/orders.csv');
    fireEvent.click(screen.getByRole('button', { name: 'Pull' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'Pulled 120 rows into samples/orders.parquet',
    );
    expect(pulled).toEqual([RESULT]);
    expect(calls.map((c) => c.operation)).toEqual(['sample.start', 'job.poll', 'job.poll']);
    expect(calls[0].request).toMatchObject({ name: 'orders', force: false });
    expect(screen.getByRole('button', { name: 'Close' })).toBeTruthy();
  });

  it('shows the progress bar while the job runs, and Cancel asks the host to stop it', async () => {
    let finish!: () => void;
    const ended = new Promise<void>((resolve) => (finish = resolve));
    const progress = { done: 30, total: 120, unit: 'rows', message: null };
    const { host, calls } = fakeHost({
      'sample.start': () => ({ jobId: 'job-2', file: 'samples/orders.parquet' }),
      'job.poll': ({ jobId, after }) => {
        if (after === 0)
          return {
            events: [
              { kind: 'started', jobId, title: 'Pulling orders', action: 'cancel', progress },
            ],
            next: 1,
            result: null,
          };
        // The host answers the next poll once the job ends (it waits, as its long poll does).
        return ended.then(() => ({
          events: [{ kind: 'finished', jobId, outcome: { kind: 'cancelled' } }],
          next: 2,
          result: null,
        })) as unknown as HostJobPoll;
      },
      'job.cancel': () => {
        finish();
        return {};
      },
    });
    const { closed } = renderDialog(host);
    type('Path', 'data/orders.csv');
    fireEvent.click(screen.getByRole('button', { name: 'Pull' }));
    const bar = await screen.findByRole('progressbar', { name: 'Pulling orders' });
    expect(bar.getAttribute('aria-valuenow')).toBe('30');
    expect((screen.getByRole('button', { name: 'Close' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    fireEvent.keyDown(field('Path'), { key: 'Escape' });
    expect(closed()).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel Pulling orders' }));
    expect((await screen.findByRole('status')).textContent).toBe('Cancelled: nothing was written.');
    expect(calls.find((c) => c.operation === 'job.cancel')?.request).toEqual({ jobId: 'job-2' });
  });

  it('an existing sample is a conflict the dialog offers to overwrite', async () => {
    const { host, calls } = fakeHost({
      'sample.start': ({ force }) => {
        if (!force)
          throw new HostCallError(
            'conflict',
            'samples/orders.parquet already exists: overwrite it, or choose another name',
          );
        return { jobId: 'job-3', file: 'samples/orders.parquet' };
      },
      'job.poll': jobPolls(),
    });
    renderDialog(host);
    type('Path', 'data/orders.csv');
    fireEvent.click(screen.getByRole('button', { name: 'Pull' }));
    expect((await screen.findByRole('alert')).textContent).toContain('already exists');
    fireEvent.click(screen.getByRole('button', { name: 'Overwrite' }));
    await screen.findByRole('status');
    const starts = calls.filter((c) => c.operation === 'sample.start');
    expect(starts.map((c) => (c.request as HostRequests['sample.start']).force)).toEqual([
      false,
      true,
    ]);
  });

  it('PostgreSQL: the password goes into the request only, never into storage', async () => {
    const { host, calls } = fakeHost({ 'sample.preview': () => PREVIEW });
    renderDialog(host);
    fireEvent.change(field('Source kind'), { target: { value: 'postgres' } });
    expect(document.activeElement).toBe(field('Host'));
    expect(field('Password').getAttribute('type')).toBe('password');
    type('Host', 'db');
    type('Database', 'shop');
    type('User', 'ana');
    type('Password', 'hunter2');
    type('Table or query', 'public.orders');
    expect((field('Name') as HTMLInputElement).value).toBe('orders');
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByRole('region', { name: 'Preview' });
    expect(calls[0].request).toMatchObject({
      request: {
        source: {
          kind: 'postgres',
          connection: 'postgres://ana:hunter2@db/shop',
          table: 'public.orders',
        },
      },
    });
    expect(localStorage.length + sessionStorage.length).toBe(0);
  });

  it('Escape closes; Browse fills the path; a dropped file fills it with its name', async () => {
    const { host } = fakeHost({
      'folder.list': ({ path }) => ({
        path,
        entries:
          path === ''
            ? [{ name: 'data', kind: 'folder', size: 0, mtimeMs: 1 }]
            : [{ name: 'trips.parquet', kind: 'file', size: 10, mtimeMs: 1 }],
      }),
    });
    const { closed } = renderDialog(host);
    fireEvent.click(screen.getByRole('button', { name: 'Browse' }));
    fireEvent.click(await screen.findByRole('button', { name: '📁 data' }));
    fireEvent.click(await screen.findByRole('button', { name: 'trips.parquet' }));
    expect((field('Path') as HTMLInputElement).value).toBe('data/trips.parquet');
    expect((field('Name') as HTMLInputElement).value).toBe('trips');
    const dialog = screen.getByRole('dialog', { name: 'Pull sample' });
    await act(async () => {
      fireEvent.drop(dialog, {
        dataTransfer: { files: [{ name: 'events.ndjson' }], getData: () => '' },
      });
    });
    await waitFor(() => expect((field('Path') as HTMLInputElement).value).toBe('events.ndjson'));
    fireEvent.keyDown(field('Path'), { key: 'Escape' });
    expect(closed()).toBe(1);
  });
});
