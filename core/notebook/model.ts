/**
 * The in-memory notebook document: what is saved in the `.ipynb` file, nothing more (runtime
 * state such as outputs in flight and view state such as selection live elsewhere).
 *
 * Field names follow nbformat where the value is stored as-is (`cell_type`, outputs), and
 * camelCase where the codec converts (`executionCount`, `nbformatMinor`). Multi-line text is
 * held joined; `extra` keeps the keys Quarry does not know, so they round-trip untouched.
 */
import type { JsonObject } from '../json';
import type { Output } from '../outputs';

export type Notebook = {
  nbformat: 4;
  nbformatMinor: number;
  metadata: JsonObject;
  cells: Cell[];
  /** Unknown top-level keys of the file. */
  extra: JsonObject;
};

type CellBase = {
  /** nbformat 4.5 cell id: 1-64 characters of [a-zA-Z0-9-_], unique in the notebook. */
  id: string;
  source: string;
  metadata: JsonObject;
  /** Unknown keys of the cell. */
  extra: JsonObject;
};

export type CodeCell = CellBase & {
  cell_type: 'code';
  outputs: Output[];
  executionCount: number | null;
};

export type MarkdownCell = CellBase & {
  cell_type: 'markdown';
  /** File name → MIME bundle (text joined, as in outputs). */
  attachments?: JsonObject;
};

export type RawCell = CellBase & {
  cell_type: 'raw';
  attachments?: JsonObject;
};

export type Cell = CodeCell | MarkdownCell | RawCell;
export type CellType = Cell['cell_type'];

/** What a cell is to the user: a SQL cell is a code cell that starts with `%%sql`. */
export type CellKind = 'typescript' | 'sql' | 'markdown' | 'raw';

/** DESIGN.md, "Notebook file". */
export const QUARRY_KERNELSPEC = {
  name: 'quarry-typescript',
  display_name: 'TypeScript (Quarry)',
  language: 'typescript',
} as const;

export const QUARRY_LANGUAGE_INFO = {
  name: 'typescript',
  file_extension: '.ts',
  mimetype: 'text/typescript',
} as const;

/** The nbformat minor version Quarry writes: 4.5 is the first with cell ids. */
export const NBFORMAT_MINOR = 5;

const CELL_ID = /^[a-zA-Z0-9_-]{1,64}$/;

export function isValidCellId(id: string): boolean {
  return CELL_ID.test(id);
}

export function createNotebook(cells: Cell[] = []): Notebook {
  return {
    nbformat: 4,
    nbformatMinor: NBFORMAT_MINOR,
    metadata: {
      kernelspec: { ...QUARRY_KERNELSPEC },
      language_info: { ...QUARRY_LANGUAGE_INFO },
    },
    cells,
    extra: {},
  };
}

export function createCodeCell(source = ''): CodeCell {
  return {
    cell_type: 'code',
    id: newCellId(),
    source,
    metadata: {},
    outputs: [],
    executionCount: null,
    extra: {},
  };
}

export function createMarkdownCell(source = ''): MarkdownCell {
  return { cell_type: 'markdown', id: newCellId(), source, metadata: {}, extra: {} };
}

type RandomSource = { getRandomValues(array: Uint8Array): Uint8Array };

function isRandomSource(value: unknown): value is RandomSource {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { getRandomValues?: unknown }).getRandomValues === 'function'
  );
}

/**
 * A random UUID v4 (36 characters, within the nbformat id alphabet), as JupyterLab makes them.
 * The Web Crypto global exists in browsers, workers and Node 20; core/ is compiled without DOM
 * or Node types, so it is looked up on globalThis and checked rather than declared.
 */
export function newCellId(): string {
  const random: unknown = (globalThis as { crypto?: unknown }).crypto;
  if (!isRandomSource(random)) throw new Error('newCellId: crypto.getRandomValues is unavailable');
  const bytes = random.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
}

/** `%%sql` or `%%sql NAME` on the first line; `%%sqlite` and friends are other magics. */
const SQL_MAGIC = /^%%sql(?:[ \t\r\n]|$)/;

export function cellKindOf(cell: Cell): CellKind {
  switch (cell.cell_type) {
    case 'code':
      return SQL_MAGIC.test(cell.source) ? 'sql' : 'typescript';
    case 'markdown':
      return 'markdown';
    case 'raw':
      return 'raw';
  }
}
