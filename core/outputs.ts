/**
 * Cell outputs, in the shape nbformat 4 stores them (snake_case keys, as in the file), so the
 * kernel, the UI and the codec share one representation. Multi-line strings are kept joined in
 * memory; the codec splits them into lines when it writes a file.
 *
 * `extra` holds the keys of an output read from a file that Quarry does not know (written by
 * another tool or a later nbformat), so saving gives them back untouched. It is not a file key:
 * the codec writes its entries beside the known ones. Outputs made by the kernel leave it out.
 */
import type { JsonObject } from './json';

/** MIME type → data. Text types hold a string; JSON types hold the JSON value itself. */
export type MimeBundle = { [mime: string]: unknown };

export type StreamOutput = {
  output_type: 'stream';
  name: 'stdout' | 'stderr';
  text: string;
  extra?: JsonObject;
};
export type DisplayDataOutput = {
  output_type: 'display_data';
  data: MimeBundle;
  metadata: JsonObject;
  /**
   * Jupyter's transient `display_id`: the handle that `display()` returns replaces this output
   * in place (`display-update`, core/protocol.ts). Runtime only, as in Jupyter: the codec writes
   * known keys, so a saved file holds the output's last version without it.
   */
  transient?: { display_id: string };
  extra?: JsonObject;
};
export type ExecuteResultOutput = {
  output_type: 'execute_result';
  data: MimeBundle;
  metadata: JsonObject;
  execution_count: number | null;
  extra?: JsonObject;
};
export type ErrorOutput = {
  output_type: 'error';
  ename: string;
  evalue: string;
  traceback: string[];
  extra?: JsonObject;
};

export type Output = StreamOutput | DisplayDataOutput | ExecuteResultOutput | ErrorOutput;

/** The MIME types Quarry writes (DESIGN.md, "Notebook file"). */
export const MIME = {
  text: 'text/plain',
  html: 'text/html',
  markdown: 'text/markdown',
  png: 'image/png',
  table: 'application/vnd.dataresource+json',
  plotly: 'application/vnd.plotly.v1+json',
  json: 'application/json',
} as const;

/**
 * Adds an output as it streams in to a cell's outputs, the way the kernel stores them: stream
 * text continues the previous output when it is the same stream, as Jupyter front ends show it.
 */
export function appendOutput(outputs: Output[], piece: Output): void {
  const last = outputs[outputs.length - 1];
  if (piece.output_type === 'stream' && last?.output_type === 'stream' && last.name === piece.name)
    last.text += piece.text;
  else outputs.push(piece.output_type === 'stream' ? { ...piece } : piece);
}

/**
 * `outputs` with the display whose `transient.display_id` is `displayId` replaced by `output`
 * (a display handle's update); the same array when none has that id.
 */
export function replaceDisplay(
  outputs: Output[],
  displayId: string,
  output: DisplayDataOutput,
): Output[] {
  const at = outputs.findIndex(
    (o) => o.output_type === 'display_data' && o.transient?.display_id === displayId,
  );
  if (at === -1) return outputs;
  const replaced = [...outputs];
  replaced[at] = output;
  return replaced;
}
