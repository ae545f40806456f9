/**
 * A display_data / execute_result output: the richest MIME type of its bundle (see mime.ts) with
 * the renderer for it. Parsed data is memoised per bundle so a re-render of the notebook does not
 * re-parse a table or redraw a chart.
 */
import { useMemo } from 'react';
import type { MimeBundle } from '../../core/outputs';
import { MarkdownView } from '../markdown/MarkdownView';
import { HtmlOutput } from './HtmlOutput';
import { imageSize } from './image-source';
import { ImageOutput } from './ImageOutput';
import { pickMime, textOf } from './mime';
import { PlainText } from './PlainText';
import { PlotlyChart } from './PlotlyChart';
import { parseFigure } from './plotly-figure';
import { parseTable } from './table/table-model';
import { TableView } from './table/TableView';

export type MimeOutputProps = { data: MimeBundle; metadata: unknown };

export function MimeOutput({ data, metadata }: MimeOutputProps) {
  const mime = useMemo(() => pickMime(data), [data]);
  const value = mime === null ? undefined : data[mime];
  // Both parses are cheap checks; memoised so the chart and table keep their identity.
  const figure = useMemo(
    () => (mime === 'application/vnd.plotly.v1+json' ? parseFigure(value) : null),
    [mime, value],
  );
  const table = useMemo(
    () => (mime === 'application/vnd.dataresource+json' ? parseTable(value) : null),
    [mime, value],
  );

  if (figure) return <PlotlyChart figure={figure} />;
  if (table) return <TableView table={table} />;
  const text = textOf(value);
  switch (mime) {
    case 'image/png':
    case 'image/jpeg':
    case 'image/svg+xml':
      return (
        <ImageOutput
          mime={mime}
          data={text ?? ''}
          alt={altText(data)}
          size={imageSize(metadata, mime)}
        />
      );
    case 'text/html':
      return <HtmlOutput html={text ?? ''} />;
    case 'text/markdown':
      return <MarkdownView source={text ?? ''} />;
    case 'text/plain':
      return <PlainText text={text ?? ''} />;
    // A figure or table its parser refused (pickMime checks the same), or nothing usable.
    case 'application/vnd.plotly.v1+json':
    case 'application/vnd.dataresource+json':
    case null: {
      const types = Object.keys(data);
      return (
        <p className="qo-note">
          {types.length === 0
            ? 'Empty output.'
            : `No renderer for this output (${types.slice(0, 5).join(', ')}).`}
        </p>
      );
    }
  }
}

/** The bundle's plain text describes the image (matplotlib: "<Figure size 640x480 …>"). */
function altText(data: MimeBundle): string {
  const text = textOf(data['text/plain'])?.trim();
  return text && text.length <= 200 ? text : 'Output image';
}
