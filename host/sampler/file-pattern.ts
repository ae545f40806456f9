/**
 * What a files source names, resolved: a URL, or an absolute path or glob (a folder stands for
 * every file below it, as a hive-partitioned dataset is laid out) with the files it matches,
 * their format and whether their paths carry hive partitions (`year=2024/`). With an allowed
 * root (the app's workspace), the path and every matched file go through the workspace guard
 * (host/workspace/workspace.ts: no `..`, no link leading out); the sampler's DuckDB then also
 * refuses anything outside (sampler-duckdb.ts), so a `where` expression cannot read elsewhere.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FileFormat } from '../../core/sample/request';
import { ForbiddenPathError, resolveInWorkspace } from '../workspace/workspace';
import { SampleError } from './sample-error';

export type ConcreteFormat = Exclude<FileFormat, 'auto'>;

export type ResolvedFiles =
  | { kind: 'url'; url: string; format: ConcreteFormat }
  | {
      kind: 'local';
      /** The absolute path or glob DuckDB reads. */
      pattern: string;
      /** The files it matches now (absolute, sorted). */
      files: string[];
      format: ConcreteFormat;
      hive: boolean;
    };

export function isUrl(text: string): boolean {
  return /^https?:\/\//i.test(text);
}

/** `orders.csv.gz` → csv; null when the name says nothing. */
export function formatOfName(name: string): ConcreteFormat | null {
  const base = name.toLowerCase().replace(/\.(gz|zst)$/, '');
  if (base.endsWith('.csv')) return 'csv';
  if (base.endsWith('.tsv') || base.endsWith('.tab')) return 'tsv';
  if (base.endsWith('.parquet')) return 'parquet';
  if (base.endsWith('.ndjson') || base.endsWith('.jsonl')) return 'ndjson';
  if (base.endsWith('.json')) return 'json';
  return null;
}

export async function resolveFiles(
  given: string,
  format: FileFormat,
  options: { baseDir: string; allowedRoot: string | null },
  connection: DuckDBConnection,
): Promise<ResolvedFiles> {
  if (isUrl(given)) {
    const named = format === 'auto' ? formatOfName(new URL(given).pathname) : format;
    if (named === null) throw unknownFormat(given);
    return { kind: 'url', url: given, format: named };
  }
  let pattern = await absolutePattern(given, options);
  if (await isFolder(pattern)) pattern = `${pattern.replace(/\/+$/, '')}/**/*`;
  const files = await globbed(connection, pattern);
  if (files.length === 0)
    throw new SampleError('source', `${given}: no such file (nothing matches ${pattern})`);
  if (options.allowedRoot !== null) await checkEachFile(options.allowedRoot, files);
  const concrete = format === 'auto' ? formatOfFiles(given, pattern, files) : format;
  const fixed = fixedPrefix(pattern);
  const hive = files.some((file) =>
    path
      .relative(fixed, file)
      .split(path.sep)
      .slice(0, -1)
      .some((segment) => /^[^=]+=[^=]*$/.test(segment)),
  );
  return { kind: 'local', pattern, files, format: concrete, hive };
}

/** The pattern made absolute; inside the allowed root (through its real path) when there is one. */
async function absolutePattern(
  given: string,
  options: { baseDir: string; allowedRoot: string | null },
): Promise<string> {
  const absolute = path.resolve(options.baseDir, given);
  if (options.allowedRoot === null) return absolute;
  const root = path.resolve(options.allowedRoot);
  const relative = path.relative(root, absolute).split(path.sep).join('/');
  try {
    // A glob does not exist as a path: the guard checks its syntax and its deepest existing folder.
    await resolveInWorkspace(root, relative);
  } catch (error) {
    if (error instanceof ForbiddenPathError)
      throw new SampleError('bad-request', `${given} is outside the workspace`);
    throw error;
  }
  return path.join(await realpath(root), relative);
}

async function checkEachFile(root: string, files: string[]): Promise<void> {
  const realRoot = await realpath(path.resolve(root));
  for (const file of files) {
    const relative = path.relative(realRoot, file).split(path.sep).join('/');
    try {
      await resolveInWorkspace(realRoot, relative);
    } catch (error) {
      if (error instanceof ForbiddenPathError)
        throw new SampleError(
          'bad-request',
          `${relative} is outside the workspace: ${error.message}`,
        );
      throw error;
    }
  }
}

async function isFolder(candidate: string): Promise<boolean> {
  try {
    return (await stat(candidate)).isDirectory();
  } catch {
    return false;
  }
}

/** The files DuckDB itself will read for `pattern`: its own glob, so the two never disagree. */
async function globbed(connection: DuckDBConnection, pattern: string): Promise<string[]> {
  const reader = await connection.runAndReadAll(
    `SELECT file FROM glob('${pattern.replace(/'/g, "''")}') ORDER BY file`,
  );
  return reader.getRows().map(([file]) => String(file));
}

function formatOfFiles(given: string, pattern: string, files: string[]): ConcreteFormat {
  const named = formatOfName(pattern);
  if (named !== null) return named;
  const formats = new Set(files.map((file) => formatOfName(file)));
  if (formats.size === 1 && !formats.has(null)) return [...formats][0] as ConcreteFormat;
  throw unknownFormat(given);
}

function unknownFormat(given: string): SampleError {
  return new SampleError(
    'bad-request',
    `${given}: cannot tell the format from the file names (csv, tsv, parquet, json, ndjson); name it`,
  );
}

/** The folder part of a glob before its first wildcard. */
function fixedPrefix(pattern: string): string {
  const segments = pattern.split('/');
  const index = segments.findIndex((segment) => /[*?[{]/.test(segment));
  return index === -1 ? path.dirname(pattern) : segments.slice(0, index).join('/') || '/';
}
