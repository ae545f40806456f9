/**
 * A package's files in memory, by package path (core/handoff/package-layout.ts): what the kernel
 * staged plus what the host adds, what is written to the folder and the .zip, and what verify
 * reads back from either.
 */
export type PackageFiles = ReadonlyMap<string, Uint8Array>;

const decoder = new TextDecoder('utf-8', { fatal: true });

/** A file's text; throws naming the file when it is missing or not UTF-8. */
export function textOf(files: PackageFiles, path: string): string {
  const bytes = files.get(path);
  if (bytes === undefined) throw new Error(`${path}: the package has no such file`);
  try {
    return decoder.decode(bytes);
  } catch {
    throw new Error(`${path}: not UTF-8 text`);
  }
}

/** A JSON file's value; throws naming the file and what is wrong. */
export function jsonOf(files: PackageFiles, path: string): unknown {
  const text = textOf(files, path);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message})`);
  }
}

/** A JSON-lines file's values; throws naming the file and line of a bad one. */
export function jsonLinesOf(files: PackageFiles, path: string): unknown[] {
  const lines = textOf(files, path).split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line, index) => {
    try {
      return JSON.parse(line) as unknown;
    } catch (error) {
      throw new Error(`${path} line ${index + 1}: not valid JSON (${(error as Error).message})`);
    }
  });
}
