import { describe, expect, it } from 'vitest';
import { locateSqlError } from './locate-sql-error';
import { RewrittenSql } from './rewritten-sql';

describe('locateSqlError', () => {
  const query = RewrittenSql.of("select *\nfrom 'data/missing.csv'");
  const fileOffset = query.source.indexOf("'data/missing.csv'");

  it('points a missing file at its literal, as native DuckDB names it', () => {
    const error = locateSqlError(
      new Error('IO Error: No files found that match the pattern "data/missing.csv"'),
      query,
    );
    expect(error.location).toEqual({ query: query.source, offset: fileOffset });
  });

  it("points a missing file at its literal, as the browser build's file system names it", () => {
    const error = locateSqlError(
      new Error(
        "Invalid Error: Opening file 'data/missing.csv' failed with error: Failed to open file: data/missing.csv",
      ),
      query,
    );
    expect(error.location).toEqual({ query: query.source, offset: fileOffset });
  });
});
