import { describe, expect, it } from 'vitest';
import { tokenizeSql } from './sql-tokens';

describe('tokenizeSql', () => {
  it('keeps quotes, comments and quoted identifiers whole', () => {
    const tokens = tokenizeSql(`select 'it''s' as "a ""b""" -- 'x.parquet'\n/* 'y.json' */ from t`);
    expect(tokens.filter((t) => t.kind === 'string').map((t) => t.value)).toEqual(["it's"]);
    expect(tokens.filter((t) => t.kind === 'identifier').map((t) => t.value)).toEqual(['a "b"']);
    expect(tokens.filter((t) => t.kind === 'comment')).toHaveLength(2);
  });
});
