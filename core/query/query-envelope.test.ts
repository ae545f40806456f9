import { describe, expect, it } from 'vitest';
import { isHostRequest } from '../host-contract';
import { isHostQueryReply, type HostQueryReply } from './host-query';
import {
  decodeEnvelope,
  decodeQueryReply,
  decodeQueryRun,
  encodeEnvelope,
  encodeQueryReply,
  encodeQueryRun,
  QueryEnvelopeError,
} from './query-envelope';

const ipc = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 1, 2, 250]);

describe('query envelope', () => {
  it('round-trips a copy request with its rows as the body, not in the JSON', () => {
    const payload = {
      request: {
        kind: 'copy' as const,
        queryId: 'q1',
        sql: "COPY (SELECT * FROM t) TO 'out/é 😀.parquet'",
        source: { start: 6, end: 21 },
        ipc,
      },
    };
    const bytes = encodeQueryRun(payload);
    expect(bytes.length).toBeLessThan(4 + 200 + ipc.length);
    const { header } = decodeEnvelope(bytes);
    expect(header).toEqual({ request: { ...payload.request, ipc: undefined } });
    const decoded = decodeQueryRun(bytes);
    expect(decoded).toEqual(payload);
    expect(isHostRequest('query.run', decoded)).toBe(true);
  });

  it('round-trips a query request and a failure with empty bodies', () => {
    const payload = {
      request: { kind: 'query' as const, queryId: 'q2', sql: 'SELECT $1', params: ['ü', 2, null] },
    };
    expect(decodeQueryRun(encodeQueryRun(payload))).toEqual(payload);
    const failure: HostQueryReply = {
      ok: false,
      failure: { kind: 'refused', message: "'/etc/passwd' is outside", position: 14 },
    };
    expect(decodeQueryReply(encodeQueryReply(failure))).toEqual(failure);
  });

  it('round-trips a result, its ipc a view into the received bytes', () => {
    const reply: HostQueryReply = {
      ok: true,
      result: { ipc, rows: 3, engine: 'native DuckDB', durationMs: 1.5, pushdown: null },
    };
    const bytes = encodeQueryReply(reply);
    const decoded = decodeQueryReply(bytes);
    expect(decoded).toEqual(reply);
    expect(isHostQueryReply(decoded)).toBe(true);
    if (isHostQueryReply(decoded) && decoded.ok)
      expect(decoded.result.ipc.buffer).toBe(bytes.buffer);
  });

  it('a long header survives the sliced decoding', () => {
    const header = { text: 'x'.repeat(100_000) };
    expect(decodeEnvelope(encodeEnvelope(header, ipc))).toEqual({ header, body: ipc });
  });

  it('refuses truncated or malformed envelopes', () => {
    expect(() => decodeEnvelope(new Uint8Array([0, 0]))).toThrow(QueryEnvelopeError);
    const bytes = encodeEnvelope({ a: 1 }, ipc);
    expect(() => decodeEnvelope(bytes.subarray(0, 8))).toThrow(/claims 7 bytes/);
    const broken = encodeEnvelope({ a: 1 }, ipc);
    broken[4] = 0x7b + 1;
    expect(() => decodeEnvelope(broken)).toThrow(/not valid JSON/);
  });
});
