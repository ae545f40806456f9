// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostClient, HostResponses } from '../../core/host-contract';
import type { SampleListing } from '../../core/sample/preview';
import { sampleManifest } from '../../test/support/sample-manifest';
import { SamplesPanel } from './SamplesPanel';

afterEach(cleanup);

function listingHost(listings: SampleListing[][]): { host: HostClient; lists: () => number } {
  let lists = 0;
  const host: HostClient = {
    call: async <K extends keyof HostResponses>(operation: K) => {
      if (operation !== 'samples.list') throw new Error(`unexpected ${operation}`);
      const samples = listings[Math.min(lists, listings.length - 1)];
      lists++;
      return { samples } as HostResponses[K];
    },
  };
  return { host, lists: () => lists };
}

const orders: SampleListing = {
  kind: 'sample',
  name: 'orders',
  file: 'samples/orders.parquet',
  manifest: sampleManifest(),
};
const damaged: Extract<SampleListing, { kind: 'unreadable' }> = {
  kind: 'unreadable',
  name: 'old',
  file: 'samples/old.parquet',
  problem: 'its manifest samples/old.manifest.json is missing',
};

describe('SamplesPanel', () => {
  it('lists each sample with rows, method, seed, source, time and hash; details on click', async () => {
    const { host } = listingHost([[orders, damaged]]);
    render(<SamplesPanel host={host} refreshKey={0} />);
    const entry = await screen.findByRole('button', { name: /orders/ });
    expect(entry.textContent).toContain(
      '120 rows · hash · seed 42 · data/orders.csv · 2026-12-01 18:00 UTC · ab12cd34ab12',
    );
    const old = screen.getByText(/^old/);
    expect(old.getAttribute('title')).toBe(damaged.problem);
    expect(old.closest('button')).toBeNull();

    fireEvent.click(entry);
    expect(entry.getAttribute('aria-expanded')).toBe('true');
    const details = screen.getByRole('region', { name: 'Details of orders' });
    expect(details.textContent).toContain('120 of 1,000');
    expect(details.textContent).toContain('ab12cd34'.repeat(8));
    const columns = within(details).getByRole('table', { name: 'Columns of orders' });
    expect(columns.textContent).toContain('1 … 998, median 501');
    expect(columns.textContent).toContain('FR 51');
    fireEvent.click(entry);
    expect(screen.queryByRole('region', { name: 'Details of orders' })).toBeNull();
  });

  it('says when there are none, and lists again after a pull (refreshKey) or on Refresh', async () => {
    const { host, lists } = listingHost([[], [orders], [orders, damaged]]);
    const { rerender } = render(<SamplesPanel host={host} refreshKey={0} />);
    await screen.findByText(/No samples yet/);
    rerender(<SamplesPanel host={host} refreshKey={1} />);
    await screen.findByRole('button', { name: /orders/ });
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await screen.findByText(/^old/);
    expect(lists()).toBe(3);
  });
});
