import { describe, expect, it } from 'vitest';
import { openSamplerDuckDB } from './sampler-duckdb';

describe('openSamplerDuckDB', () => {
  it('tracks progress without drawing it, downloads nothing, bounds memory, spills nowhere unasked', async () => {
    const duckdb = await openSamplerDuckDB({
      threads: 1,
      tempDirectory: null,
      allowedDirectories: null,
    });
    const settings = [
      'enable_progress_bar',
      'enable_progress_bar_print',
      'autoinstall_known_extensions',
      'temp_directory',
      'threads',
    ];
    const reader = await duckdb.connection.runAndReadAll(
      `SELECT ${settings.map((s) => `current_setting('${s}')`).join(', ')}, current_setting('memory_limit')`,
    );
    expect(reader.getRowsJS()[0].map(String)).toEqual([
      'true',
      'false',
      'false',
      '',
      '1',
      '953.6 MiB', // 1GB,
    ]);
    duckdb.close();
  });
});
