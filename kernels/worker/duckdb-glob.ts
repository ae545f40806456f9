/**
 * Which registered file names DuckDB-WASM's glob may match. It matches a glob against every name
 * registered with it so far, with `*` spanning folders (its glob_to_regex without globstar): once
 * a query read `data/sub/x.csv`, `read_csv('data/*.csv')` silently took that file in too. The
 * browser database hides such names while the glob's query runs (browser-database.ts).
 *
 * The expression errs on the wide side (`*` and `**` span folders, as there), so every name
 * DuckDB would match is among those it matches.
 */
export function registeredNameMatcher(pattern: string): RegExp {
  let source = '^';
  let inGroup = false;
  for (const char of pattern) {
    switch (char) {
      case '*':
        source += '.*';
        break;
      case '?':
        source += '.';
        break;
      case '[':
      case ']':
        source += char;
        break;
      case '{':
        inGroup = true;
        source += '(';
        break;
      case '}':
        inGroup = false;
        source += ')';
        break;
      case ',':
        source += inGroup ? '|' : ',';
        break;
      default:
        source += char.replace(/[.+^$()|\\/=!]/, '\\$&');
    }
  }
  try {
    return new RegExp(`${source}$`);
  } catch {
    // An unbalanced `[` or `{`: DuckDB rejects the pattern itself, so nothing needs hiding.
    return /(?!)/;
  }
}
