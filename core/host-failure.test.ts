import { describe, expect, it } from 'vitest';
import { HOST_ERROR_KINDS, isHostFailure, isHostReply } from './host-failure';

describe('the host failure envelope', () => {
  it('accepts each kind of the contract, with a message', () => {
    for (const kind of HOST_ERROR_KINDS)
      expect(isHostFailure({ error: { kind, message: 'no' } }), kind).toBe(true);
  });

  it('refuses kinds outside the contract and malformed envelopes', () => {
    const bad: unknown[] = [
      null,
      { error: { kind: '404', message: 'gone' } },
      { error: { kind: 'not-found' } },
      { error: { kind: 'not-found', message: 4 } },
      { error: 'not-found' },
      { kind: 'not-found', message: 'gone' },
    ];
    for (const value of bad) expect(isHostFailure(value), JSON.stringify(value)).toBe(false);
  });

  it('checks the IPC reply: a value, or a failure of a known kind', () => {
    expect(isHostReply({ ok: true, value: { paths: [] } })).toBe(true);
    expect(isHostReply({ ok: false, error: { kind: 'conflict', message: 'changed' } })).toBe(true);
    expect(isHostReply({ ok: true })).toBe(false);
    expect(isHostReply({ ok: false, error: { kind: 'teapot', message: 'x' } })).toBe(false);
    expect(isHostReply({ ok: 'yes', value: 1 })).toBe(false);
  });
});
