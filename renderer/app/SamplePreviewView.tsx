/**
 * What `sample.preview` answered: the source's size, its schema, its first rows, and the query
 * the engine will receive for the sample, so a user sees what will be pulled before pulling it.
 */
import type { JsonPrimitive } from '../../core/json';
import type { SamplePreview } from '../../core/sample/preview';

export function SamplePreviewView({ preview }: { preview: SamplePreview }) {
  const { columns, rows, sourceRows, query } = preview;
  return (
    <section className="sample-preview" aria-label="Preview">
      <p className="sample-preview-size">
        {sourceRows === null
          ? 'Source rows: unknown'
          : `Source rows: ${sourceRows.exact ? '' : '≈ '}${sourceRows.count.toLocaleString('en-US')}${sourceRows.exact ? '' : ' (estimate)'}`}
      </p>
      <div className="sample-preview-parts">
        <table className="sample-table" aria-label="Schema">
          <thead>
            <tr>
              <th>Column</th>
              <th>Type</th>
              <th>Nullable</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((column) => (
              <tr key={column.name}>
                <td>{column.name}</td>
                <td>{column.type}</td>
                <td>{column.nullable ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="sample-preview-rows">
          <table className="sample-table" aria-label="First rows">
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.name}>{column.name}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  {row.map((value, j) => (
                    <td key={j}>{shown(value)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <figure className="sample-query" aria-label="Query the engine will receive">
        <figcaption>Query the engine will receive</figcaption>
        <pre>{query}</pre>
      </figure>
    </section>
  );
}

function shown(value: JsonPrimitive): string {
  return value === null ? 'null' : String(value);
}
