/**
 * One output's change as `quarry diff` finds it (core/notebook/diff.ts), for a person: text as
 * removed and added lines, a table's schema, row count and changed values, a chart's data.
 */
import type { JsonValue } from '../../core/json';
import type { ChartDifference, OutputChange, TextHunk, ValueStats } from '../../core/notebook/diff';

export function OutputChangeView({ change }: { change: OutputChange }) {
  const where = change.output === null ? '' : ` (output ${change.output})`;
  switch (change.kind) {
    case 'text':
      return (
        <section className="diff-change">
          <h3>
            {change.what}
            {where}: {change.linesChanged} {change.linesChanged === 1 ? 'line' : 'lines'} changed
          </h3>
          {change.hunks.map((hunk, i) => (
            <TextHunkView key={i} hunk={hunk} />
          ))}
          {change.totalHunks > change.hunks.length && (
            <p className="diff-more">
              … {change.totalHunks - change.hunks.length} more changed places
            </p>
          )}
        </section>
      );
    case 'table':
      return (
        <section className="diff-change">
          <h3>Table{where}</h3>
          <ul>
            {change.schema && (
              <>
                {change.schema.added.length > 0 && (
                  <li>Columns added: {change.schema.added.join(', ')}</li>
                )}
                {change.schema.removed.length > 0 && (
                  <li>Columns removed: {change.schema.removed.join(', ')}</li>
                )}
                {change.schema.retyped.map((r) => (
                  <li key={r.column}>
                    Column {r.column}: {r.baseline} → {r.current}
                  </li>
                ))}
                {change.schema.reordered && <li>Columns in another order</li>}
              </>
            )}
            {change.rows && change.rows.baseline !== change.rows.current && (
              <li>
                Rows: {change.rows.baseline} → {change.rows.current}
              </li>
            )}
          </ul>
          <ValueStatsView stats={change.values} what="values" />
        </section>
      );
    case 'chart':
      return (
        <section className="diff-change">
          <h3>Chart{where}</h3>
          {change.traces && (
            <p>
              Traces: {change.traces.baseline} → {change.traces.current}
            </p>
          )}
          {change.differences.map((difference, i) => (
            <ChartDifferenceView key={i} difference={difference} />
          ))}
        </section>
      );
    case 'image':
      return (
        <section className="diff-change">
          <h3>
            Image {change.mime}
            {where}
          </h3>
          <p>
            Another image: {change.baselineBytes} bytes saved, {change.currentBytes} bytes now.
          </p>
        </section>
      );
    case 'data':
      return (
        <section className="diff-change">
          <h3>
            {change.mime}
            {where}: another value
          </h3>
        </section>
      );
    case 'error':
      return (
        <section className="diff-change">
          <h3>Error{where}</h3>
          <p className="diff-line diff-removed">
            − {change.baseline ? `${change.baseline.ename}: ${change.baseline.evalue}` : 'no error'}
          </p>
          <p className="diff-line diff-added">
            + {change.current ? `${change.current.ename}: ${change.current.evalue}` : 'no error'}
          </p>
        </section>
      );
    case 'added':
    case 'removed':
      return (
        <section className="diff-change">
          <h3>
            {change.what} output {change.kind}
            {where}
          </h3>
        </section>
      );
    case 'kind':
      return (
        <section className="diff-change">
          <h3>
            Output{where} was {change.baseline}, is {change.current}
          </h3>
        </section>
      );
    default:
      return change satisfies never;
  }
}

function TextHunkView({ hunk }: { hunk: TextHunk }) {
  return (
    <div className="diff-hunk" role="group" aria-label={`Lines from ${hunk.baselineLine}`}>
      <p className="diff-hunk-head">
        @@ saved line {hunk.baselineLine}, replay line {hunk.currentLine} @@
      </p>
      {hunk.removed.map((line, i) => (
        <pre key={`r${i}`} className="diff-line diff-removed">
          − {line}
        </pre>
      ))}
      {hunk.removedMore > 0 && <p className="diff-more">… {hunk.removedMore} more removed</p>}
      {hunk.added.map((line, i) => (
        <pre key={`a${i}`} className="diff-line diff-added">
          + {line}
        </pre>
      ))}
      {hunk.addedMore > 0 && <p className="diff-more">… {hunk.addedMore} more added</p>}
    </div>
  );
}

function ChartDifferenceView({ difference }: { difference: ChartDifference }) {
  switch (difference.kind) {
    case 'values':
      return (
        <div>
          <p>
            Trace {difference.trace}, {difference.key}
            {difference.lengths &&
              `: ${difference.lengths.baseline} → ${difference.lengths.current} points`}
          </p>
          <ValueStatsView stats={difference.values} what="points" />
        </div>
      );
    case 'setting':
      return (
        <p>
          {difference.trace === null ? 'Layout' : `Trace ${difference.trace}`} {difference.key}:{' '}
          {show(difference.baseline)} → {show(difference.current)}
        </p>
      );
    default:
      return difference satisfies never;
  }
}

function ValueStatsView({ stats, what }: { stats: ValueStats; what: string }) {
  if (stats.compared === 0) return null;
  const largest = [
    stats.maxAbs === null ? null : `largest change ${stats.maxAbs}`,
    stats.maxRel === null ? null : `${(stats.maxRel * 100).toPrecision(3)}% relative`,
  ].filter((part) => part !== null);
  return (
    <>
      <p>
        {stats.changed === 0
          ? `The ${stats.compared} ${what} both hold are the same`
          : `${stats.changed} of ${stats.compared} ${what} changed`}
        {largest.length > 0 ? ` (${largest.join(', ')})` : ''}
      </p>
      {stats.examples.length > 0 && (
        <table className="diff-values">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Saved</th>
              <th scope="col">Replay</th>
            </tr>
          </thead>
          <tbody>
            {stats.examples.map((example) => (
              <tr key={`${example.row}:${example.column}`}>
                <td>{example.row}</td>
                <td>{example.column}</td>
                <td className="diff-removed">{show(example.baseline)}</td>
                <td className="diff-added">{show(example.current)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function show(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
