/** `quarry sample --help`. */
import { DEFAULT_SEED, DEFAULT_STRATUM_FLOOR } from '../../core/sample/request';

export const SAMPLE_USAGE = `usage: quarry sample --from SOURCE (--rows N | --fraction F) --out FILE.parquet [options]

Pulls a reproducible sample of SOURCE into FILE.parquet, with FILE.manifest.json beside it
saying how it was made (source without credentials, the query sent, seed, row counts, schema,
a profile of each column, the content's sha256). The sampling runs where the data is: native
DuckDB for files, the server for PostgreSQL; only the sample is read back. The same source,
options and seed give the same content, however many threads. Progress goes to stderr; the
last line on stdout says rows, file, sha256 and time.

Exit code 0 when the sample is written; 2 on bad usage or bad input (a missing file, a
malformed CSV row, an unknown column, wrong credentials, an unreachable server, an output that
exists without --force), with one line on stderr; 130 when cancelled by Ctrl+C; 1 on an
internal error. Only a finished sample is written: a refused, failed or cancelled pull leaves
nothing behind.

Source:
  --from SOURCE        a file, a glob (events/*.parquet, logs/**/*.csv), a hive-partitioned
                       folder's files, or an http(s):// URL; relative paths from the current
                       folder. PostgreSQL: postgres://USER:PASSWORD@HOST:PORT/DB (or
                       postgresql://), pg:host=… dbname=… (keyword form), or pg: alone for
                       the PG* environment variables (PGHOST, PGUSER, PGPASSWORD, …)
  --table NAME         PostgreSQL: the table (name or schema.name)
  --query SQL          PostgreSQL: one SELECT to sample instead of a table
  --format FORMAT      csv, tsv, parquet, json or ndjson (default: by the file's extension)
  --on-error fail|skip a malformed CSV row stops the pull, naming file and line (fail, the
                       default), or is skipped and counted (skip)

Size and method (one of --rows, --fraction, --per-stratum):
  --rows N             exactly N rows (all of them when the source has fewer)
  --fraction F         each row kept with probability F, 0 < F ≤ 1
  --method M           hash (default for --rows: the N rows of lowest seeded hash; independent
                       of file order and threads), bernoulli (default for --fraction),
                       reservoir (a seeded reservoir; default for --rows from a PostgreSQL
                       table, where it is fastest), system (whole blocks: fastest, rows come
                       in clusters)
  --seed S             0 to 2147483647 (default ${DEFAULT_SEED})
  --stratify COLUMN    sample within each value of COLUMN (method hash): --rows N is the
                       total, allocated in proportion to the strata's sizes; --fraction F is
                       taken in each stratum
  --per-stratum N      with --stratify: N rows from each stratum (or all it has), instead
                       of --rows
  --floor N            with --stratify and --rows or --fraction: every stratum keeps at
                       least N rows, or all it has (default ${DEFAULT_STRATUM_FLOOR}; 0 lets rare
                       strata vanish)

Filters (applied at the source, before sampling):
  --where EXPR         a SQL condition in the source's dialect, e.g. "amount > 0"
  --time-column C      with --since T and/or --until T (ISO dates or timestamps): rows with
                       since ≤ C < until
  --columns A,B        keep these columns, in this order

Output:
  -o, --out FILE       the Parquet file to write (FILE.manifest.json goes beside it)
  --force              replace FILE and its manifest when they exist
  --threads N          DuckDB threads (default: DuckDB's choice); never changes the sample
  -q, --quiet          no progress lines; only the summary and errors
  -h, --help           show this help`;
