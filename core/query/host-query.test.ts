import { describe, expect, it } from 'vitest';
import { isHostQueryReply, isHostQueryRequest } from './host-query';

describe('the host query contract', () => {
  it('accepts each kind of request and refuses spans outside the statement', () => {
    const sql = "select * from 'x.parquet' join t using (id)";
    expect(isHostQueryRequest({ kind: 'query', queryId: 'q1', sql, params: [1, 'a', null] })).toBe(
      true,
    );
    const scan = { kind: 'scan', queryId: 'q2', sql, reference: { start: 14, end: 25 } };
    expect(isHostQueryRequest({ ...scan, pushdown: true })).toBe(true);
    expect(isHostQueryRequest({ ...scan, reference: { start: 14, end: 99 }, pushdown: true })).toBe(
      false,
    );
    expect(isHostQueryRequest({ ...scan, reference: { start: 9, end: 3 }, pushdown: true })).toBe(
      false,
    );
    const copy = "copy (select * from t) to 'out.parquet'";
    const source = { start: 5, end: 22 };
    expect(
      isHostQueryRequest({ kind: 'copy', queryId: 'q3', sql: copy, source, ipc: new Uint8Array() }),
    ).toBe(true);
    expect(isHostQueryRequest({ kind: 'copy', queryId: 'q3', sql: copy, source, ipc: [1] })).toBe(
      false,
    );
    expect(isHostQueryRequest({ kind: 'query', queryId: 'q', sql, params: [{}] })).toBe(false);
    expect(isHostQueryRequest({ kind: 'drop', queryId: 'q', sql })).toBe(false);
  });

  it('checks replies, results and failures alike', () => {
    const result = { ipc: new Uint8Array(4), rows: 1, engine: 'e', durationMs: 2, pushdown: null };
    expect(isHostQueryReply({ ok: true, result })).toBe(true);
    expect(
      isHostQueryReply({
        ok: true,
        result: { ...result, pushdown: { columns: null, filters: ['x > 1'] } },
      }),
    ).toBe(true);
    expect(isHostQueryReply({ ok: true, result: { ...result, ipc: 'AAAA' } })).toBe(false);
    const refused = { kind: 'refused', message: 'outside', position: 14 };
    expect(isHostQueryReply({ ok: false, failure: refused })).toBe(true);
    expect(isHostQueryReply({ ok: false, failure: { ...refused, kind: 'nope' } })).toBe(false);
    expect(
      isHostQueryReply({
        ok: false,
        failure: { kind: 'too-large', message: 'm', bytes: 10, limitBytes: 5 },
      }),
    ).toBe(true);
  });
});
