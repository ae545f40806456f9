/**
 * The SQL the kernel sends is not always the SQL the user wrote: the `sql` template turns each
 * value into a typed parameter expression (sql-parameters.ts), and Parquet/JSON file references
 * point at loaded tables (loaded-formats.ts). DuckDB's error positions are offsets into the text
 * sent; this keeps the way back to the text the user wrote, so errors point at their own SQL.
 */

/** A span `[start, end)` of a text and what replaces it. */
export type SqlEdit = { start: number; end: number; replacement: string };

/** Where one edit's span sits before and after the edit. */
type MovedSpan = { start: number; end: number; newStart: number; newEnd: number };

export class RewrittenSql {
  private constructor(
    /** The text as the user wrote it (a `sql` template's values shown as `$1`, `$2`, …). */
    readonly source: string,
    /** The text to send to DuckDB. */
    readonly text: string,
    /** Each rewriting's spans, first rewriting first. */
    private readonly rewrites: readonly MovedSpan[][],
  ) {}

  static of(source: string): RewrittenSql {
    return new RewrittenSql(source, source, []);
  }

  /** This text with `edits` applied; their spans are offsets into `text`, in order, disjoint. */
  withEdits(edits: readonly SqlEdit[]): RewrittenSql {
    if (edits.length === 0) return this;
    let text = '';
    let at = 0;
    const moved: MovedSpan[] = [];
    for (const edit of edits) {
      text += this.text.slice(at, edit.start);
      moved.push({
        start: edit.start,
        end: edit.end,
        newStart: text.length,
        newEnd: text.length + edit.replacement.length,
      });
      text += edit.replacement;
      at = edit.end;
    }
    return new RewrittenSql(this.source, text + this.text.slice(at), [...this.rewrites, moved]);
  }

  /** The part `[start, end)` of `text`, whose offsets still map back to all of `source`. */
  slice(start: number, end: number): RewrittenSql {
    return this.withEdits([
      { start: 0, end: start, replacement: '' },
      { start: end, end: this.text.length, replacement: '' },
    ]);
  }

  /** The offset in `source` that `offset` in `text` came from (a replaced span's start). */
  sourceOffset(offset: number): number {
    return this.rewrites.reduceRight(
      (at: number, spans: readonly MovedSpan[]) => offsetBefore(spans, at),
      offset,
    );
  }
}

function offsetBefore(spans: readonly MovedSpan[], offset: number): number {
  let shift = 0;
  for (const span of spans) {
    if (offset < span.newStart) break;
    if (offset < span.newEnd) return span.start;
    shift = span.end - span.newEnd;
  }
  return offset + shift;
}
