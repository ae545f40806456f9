import { describe, expect, it } from 'vitest';
import type { DatePart } from '../../../core/features/pipeline-spec';
import { dateParts } from './date-parts';

const PARTS: DatePart[] = ['year', 'month', 'day', 'dayOfWeek', 'dayOfYear', 'hour', 'epochDays'];

/** The same parts through JavaScript's Date, the reference the arithmetic must match. */
function throughDate(ms: number): number[] {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  return [
    year,
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCDay(),
    Math.floor((ms - Date.UTC(year, 0, 1)) / 86_400_000) + 1,
    date.getUTCHours(),
    Math.floor(ms / 86_400_000),
  ];
}

describe('dateParts', () => {
  it('matches Date in UTC across leap years, centuries and before 1970', () => {
    const instants = [
      Date.UTC(2024, 1, 29, 23, 59),
      Date.UTC(2000, 11, 31, 12),
      Date.UTC(1900, 2, 1),
      Date.UTC(1969, 11, 31, 23, 59, 59, 999),
      Date.UTC(1600, 0, 1),
      Date.UTC(2100, 1, 28, 5),
      0,
    ];
    // And one instant every 37 hours over eight years.
    for (let ms = Date.UTC(2019, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 37 * 3_600_000)
      instants.push(ms);
    const outputs = dateParts(Float64Array.from(instants), PARTS);
    instants.forEach((ms, row) =>
      expect(outputs.map((output) => output[row])).toEqual(throughDate(ms)),
    );
  });

  it('gives NaN for every part of a null', () => {
    const outputs = dateParts(Float64Array.from([NaN]), ['year', 'hour']);
    expect(outputs.map((output) => output[0])).toEqual([NaN, NaN]);
  });
});
