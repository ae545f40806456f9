/** Find and replace across every cell's text (JupyterLab's search), as pure functions. */

export type FindOptions = { query: string; matchCase: boolean; regex: boolean };

export type CellText = { cellId: string; source: string };

export type Match = {
  cellId: string;
  /** 1-based line in the cell and the line's text, for the list of matches. */
  line: number;
  lineText: string;
  start: number;
  end: number;
};

/** The pattern, or an error message for an invalid regular expression (shown, not thrown). */
export function patternOf(options: FindOptions): RegExp | string | null {
  if (options.query === '') return null;
  const flags = options.matchCase ? 'g' : 'gi';
  if (!options.regex) return new RegExp(escapeRegExp(options.query), flags);
  try {
    return new RegExp(options.query, flags);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export function findMatches(cells: readonly CellText[], pattern: RegExp): Match[] {
  const matches: Match[] = [];
  for (const { cellId, source } of cells) {
    for (const found of source.matchAll(pattern)) {
      const start = found.index;
      const end = start + found[0].length;
      // An empty match (`^`, `x*`) finds nothing a person could replace or see.
      if (end === start) continue;
      const lineStart = source.lastIndexOf('\n', start - 1) + 1;
      const lineEnd = source.indexOf('\n', start);
      matches.push({
        cellId,
        line: source.slice(0, start).split('\n').length,
        lineText: source.slice(lineStart, lineEnd === -1 ? undefined : lineEnd),
        start,
        end,
      });
    }
  }
  return matches;
}

/** The new text of every cell that changes ($1 etc. work for regular expressions). */
export function replaceAll(
  cells: readonly CellText[],
  pattern: RegExp,
  replacement: string,
  regex: boolean,
): Record<string, string> {
  const changed: Record<string, string> = {};
  for (const { cellId, source } of cells) {
    const next = regex
      ? source.replace(pattern, replacement)
      : source.replace(pattern, () => replacement);
    if (next !== source) changed[cellId] = next;
  }
  return changed;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
