import { describe, expect, it } from 'vitest';
import {
  QUARRY_KERNELSPEC,
  cellKindOf,
  createCodeCell,
  createMarkdownCell,
  createNotebook,
  isValidCellId,
  newCellId,
} from './model';

describe('newCellId', () => {
  it('makes unique UUIDs within the nbformat id rules', () => {
    const ids = Array.from({ length: 1000 }, newCellId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(isValidCellId(id)).toBe(true);
    }
  });

  it('knows the id rules', () => {
    expect(isValidCellId('a-Z_0')).toBe(true);
    expect(isValidCellId('x'.repeat(64))).toBe(true);
    expect(isValidCellId('x'.repeat(65))).toBe(false);
    expect(isValidCellId('')).toBe(false);
    expect(isValidCellId('has space')).toBe(false);
  });
});

describe('cellKindOf', () => {
  it.each([
    ['%%sql\nSELECT 1', 'sql'],
    ['%%sql trips\nSELECT 1', 'sql'],
    ['%%sql', 'sql'],
    ['%%sql\r\nSELECT 1', 'sql'],
    ['%%sqlite\nSELECT 1', 'typescript'],
    [' %%sql\nSELECT 1', 'typescript'],
    ['const x = 1; // %%sql', 'typescript'],
    ['', 'typescript'],
  ])('%j is %s', (source, kind) => {
    expect(cellKindOf(createCodeCell(source))).toBe(kind);
  });

  it('names markdown cells', () => {
    expect(cellKindOf(createMarkdownCell('%%sql'))).toBe('markdown');
  });
});

describe('createNotebook', () => {
  it('is an nbformat 4.5 Quarry notebook', () => {
    const nb = createNotebook();
    expect(nb).toMatchObject({ nbformat: 4, nbformatMinor: 5, cells: [], extra: {} });
    expect(nb.metadata).toEqual({
      kernelspec: { ...QUARRY_KERNELSPEC },
      language_info: { name: 'typescript', file_extension: '.ts', mimetype: 'text/typescript' },
    });
  });

  it('gives new cells empty state', () => {
    expect(createCodeCell('1 + 1')).toMatchObject({
      cell_type: 'code',
      source: '1 + 1',
      outputs: [],
      executionCount: null,
      metadata: {},
    });
    expect(createMarkdownCell()).toMatchObject({ cell_type: 'markdown', source: '' });
  });
});
