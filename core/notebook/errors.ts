/**
 * The one error the `.ipynb` codec throws. Its message is a single line that says what is wrong
 * and where (cells and outputs are counted from 1, as the UI names them), so the CLI can print
 * it as its one-line reason and the host can prefix the file name.
 */
export type NotebookFormatErrorKind =
  /** The text is not JSON. */
  | 'json'
  /** JSON, but not a notebook at all (the host words this as "FILE is not a notebook"). */
  | 'not-a-notebook'
  /** A notebook of a major version other than 4. */
  | 'unsupported'
  /** An nbformat 4 notebook with a field of the wrong shape. */
  | 'invalid'
  /** serializeNotebook met a value JSON cannot hold (a bigint, NaN, a cycle...). */
  | 'unserializable';

export class NotebookFormatError extends Error {
  override readonly name = 'NotebookFormatError';

  constructor(
    readonly kind: NotebookFormatErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** How a JSON value is named in messages: `"cells" must be a list, not a string`. */
export function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'object':
      return 'an object';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      break;
  }
  return typeof value;
}
