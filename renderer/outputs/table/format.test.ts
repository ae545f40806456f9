import { describe, expect, it } from 'vitest';
import { formatCellValue, formatNumber, MAX_CELL_CHARS } from './format';

describe('formatCellValue', () => {
  it('shows NULL for missing values', () => {
    expect(formatCellValue(null)).toEqual({ text: 'NULL', kind: 'null' });
    expect(formatCellValue(undefined)).toEqual({ text: 'NULL', kind: 'null' });
  });

  it('keeps 6 significant digits, integers in full', () => {
    expect(formatNumber(3.14159265)).toBe('3.14159');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(1234567.891)).toBe('1234570');
    expect(formatNumber(123456789)).toBe('123456789');
    expect(formatNumber(0.000012345678)).toBe('0.0000123457');
    expect(formatNumber(1.5e-12)).toBe('1.5e-12');
    expect(formatNumber(Infinity)).toBe('Infinity');
    expect(formatCellValue(-2.5)).toEqual({ text: '-2.5', kind: 'number' });
  });

  it('formats booleans, objects and timestamps', () => {
    expect(formatCellValue(true)).toEqual({ text: 'true', kind: 'boolean' });
    expect(formatCellValue({ a: [1] }).text).toBe('{"a":[1]}');
    expect(formatCellValue('2024-03-01T12:30:00.000Z', 'datetime').text).toBe(
      '2024-03-01 12:30:00',
    );
    expect(formatCellValue('2024-03-01T12:30:00.250Z', 'datetime').text).toBe(
      '2024-03-01 12:30:00.250',
    );
    expect(formatCellValue('2024-03-01T12:30:00.000Z', 'string').text).toBe(
      '2024-03-01T12:30:00.000Z',
    );
  });

  it('clips very long text', () => {
    const { text } = formatCellValue('x'.repeat(5000));
    expect(text.length).toBe(MAX_CELL_CHARS);
    expect(text.endsWith('…')).toBe(true);
  });
});
