import { beforeEach, describe, expect, it } from 'vitest';
import { HIDDEN_LEASE_MS, SessionLeases, VISIBLE_LEASE_MS } from './session-leases';

let now: number;
let leases: SessionLeases;

beforeEach(() => {
  now = 1_700_000_000_000;
  leases = new SessionLeases(() => now);
});

describe('SessionLeases', () => {
  it('holds a renewed lease until it runs out: shorter for a shown page than a hidden one', () => {
    expect(leases.holds('a', '/w/nb.ipynb')).toBe(false);
    leases.renew('a', '/w/nb.ipynb', true);
    leases.renew('b', '/w/nb.ipynb', false);
    expect(leases.holds('a', '/w/nb.ipynb')).toBe(true);
    expect(leases.holds('a', '/w/other.ipynb')).toBe(false);
    now += VISIBLE_LEASE_MS - 1;
    expect(leases.holds('a', '/w/nb.ipynb')).toBe(true);
    now += 1;
    expect(leases.holds('a', '/w/nb.ipynb')).toBe(false);
    expect(leases.holds('b', '/w/nb.ipynb')).toBe(true);
    now += HIDDEN_LEASE_MS - VISIBLE_LEASE_MS;
    expect(leases.holds('b', '/w/nb.ipynb')).toBe(false);
    // Renewing again brings it back.
    leases.renew('a', '/w/nb.ipynb', true);
    expect(leases.holds('a', '/w/nb.ipynb')).toBe(true);
  });

  it('gives a page one notebook at a time: opening another moves its lease', () => {
    leases.renew('a', '/w/one.ipynb', true);
    leases.renew('a', '/w/two.ipynb', true);
    expect(leases.holds('a', '/w/one.ipynb')).toBe(false);
    expect(leases.holds('a', '/w/two.ipynb')).toBe(true);
  });

  it('drops a released lease at once', () => {
    leases.renew('a', '/w/nb.ipynb', true);
    leases.release('a');
    expect(leases.holds('a', '/w/nb.ipynb')).toBe(false);
    leases.release('never-seen'); // nothing to drop: fine
  });

  it('tells whether another page has the same notebook open', () => {
    expect(leases.heldByOthers('a', '/w/nb.ipynb')).toBe(false);
    leases.renew('a', '/w/nb.ipynb', true);
    expect(leases.heldByOthers('a', '/w/nb.ipynb')).toBe(false); // only itself
    leases.renew('b', '/w/other.ipynb', true);
    expect(leases.heldByOthers('a', '/w/nb.ipynb')).toBe(false); // another notebook
    leases.renew('c', '/w/nb.ipynb', true);
    expect(leases.heldByOthers('a', '/w/nb.ipynb')).toBe(true);
    expect(leases.heldByOthers('c', '/w/nb.ipynb')).toBe(true);
    now += VISIBLE_LEASE_MS;
    expect(leases.heldByOthers('a', '/w/nb.ipynb')).toBe(false);
  });
});
