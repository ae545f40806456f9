/**
 * File globs relative to a folder (`data/*.csv`, `logs/**\/2024-*.parquet`, `x/{a,b}.json`), for
 * the files the kernel lists (samples, the files a kept scan read). Node 20 has no fs.glob, and the patterns we need are few.
 */
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Paths (relative, with `/`) of the files under `baseDir` that match `pattern`, sorted. */
export async function globFiles(baseDir: string, pattern: string): Promise<string[]> {
  const plan = planGlob(baseDir, pattern);
  let entries: Dirent[];
  try {
    entries = await readdir(plan.root, { withFileTypes: true, recursive: plan.deep });
  } catch {
    return [];
  }
  return plan.match(entries);
}

function planGlob(baseDir: string, pattern: string) {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  while (segments.length > 1 && !/[*?[{]/.test(segments[0])) fixed.push(segments.shift() as string);
  const regex = globToRegExp(segments.join('/'));
  const root = path.join(baseDir, ...fixed);
  const deep = segments.some((s) => s.includes('**')) || segments.length > 1;
  return {
    root,
    deep,
    match(entries: Dirent[]): string[] {
      const found: string[] = [];
      for (const entry of entries) {
        if (!entry.isFile()) continue;
        const relative = path
          .relative(root, path.join(entry.parentPath, entry.name))
          .split(path.sep)
          .join('/');
        if (regex.test(relative)) found.push([...fixed, relative].join('/'));
      }
      return found.sort();
    },
  };
}

export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      out += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else if (ch === '[') {
      const end = glob.indexOf(']', i);
      if (end === -1) out += '\\[';
      else {
        out += `[${glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (ch === '{') {
      const end = glob.indexOf('}', i);
      if (end === -1) out += '\\{';
      else {
        // Each alternative is a glob itself: `{*.csv,*.tsv}`.
        const alternatives = glob.slice(i + 1, end).split(',');
        out += `(?:${alternatives.map((alt) => globToRegExp(alt).source.slice(1, -1)).join('|')})`;
        i = end;
      }
    } else out += escapeRegExp(ch);
  }
  return new RegExp(`^${out}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
