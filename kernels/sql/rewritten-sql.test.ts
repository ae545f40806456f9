import { describe, expect, it } from 'vitest';
import { RewrittenSql } from './rewritten-sql';

describe('RewrittenSql', () => {
  it('applies edits and maps offsets of the new text back to the source', () => {
    const source = 'select $1 + $2 from t';
    const query = RewrittenSql.of(source).withEdits([
      { start: 7, end: 9, replacement: 'CAST($1 AS BIGINT)' },
      { start: 12, end: 14, replacement: '$2' },
    ]);
    expect(query.text).toBe('select CAST($1 AS BIGINT) + $2 from t');
    expect(query.source).toBe(source);
    // Before, inside and after a replaced span.
    expect(query.sourceOffset(3)).toBe(3);
    expect(query.sourceOffset(query.text.indexOf('AS'))).toBe(7);
    expect(query.sourceOffset(query.text.indexOf('+'))).toBe(source.indexOf('+'));
    expect(query.sourceOffset(query.text.indexOf('from'))).toBe(source.indexOf('from'));
  });

  it('maps back through several rewritings, one after the other', () => {
    const source = "select $1 from 'x.parquet'\nwhere nosuch";
    const typed = RewrittenSql.of(source).withEdits([
      { start: 7, end: 9, replacement: 'CAST($1 AS DOUBLE)' },
    ]);
    // The second rewriting's spans are offsets into the first one's text.
    const file = typed.text.indexOf("'x.parquet'");
    const query = typed.withEdits([
      { start: file, end: file + "'x.parquet'".length, replacement: 'quarry_files."x.parquet"' },
    ]);
    expect(query.text).toBe(
      'select CAST($1 AS DOUBLE) from quarry_files."x.parquet"\nwhere nosuch',
    );
    expect(query.sourceOffset(query.text.indexOf('nosuch'))).toBe(source.indexOf('nosuch'));
    expect(query.sourceOffset(query.text.indexOf('files'))).toBe(source.indexOf("'x.parquet'"));
  });

  it('without edits is the source itself', () => {
    const query = RewrittenSql.of('select 1').withEdits([]);
    expect(query.text).toBe('select 1');
    expect(query.sourceOffset(5)).toBe(5);
  });
});
