/** The text of `quarry run --help`. */
import { HEAP_LIMIT_ENV } from './run-args';

export function runUsage(defaultHeapMb: number): string {
  return `usage: quarry run NOTEBOOK [-o OUT.ipynb] [options]

Runs every code cell of NOTEBOOK in order in a fresh kernel, stops at the first failing cell,
and writes the executed notebook to OUT (default: NAME.out.ipynb beside NOTEBOOK; the input is
never overwritten). Ctrl+C cancels running jobs and stops after the running cell; pressed
again, at once. SIGTERM stops at once. The cells that ran are written either way, with the run
recorded in the notebook's metadata (metadata.quarry.last_run, seeds). docs/replay.md has more.

Exit codes: 0 every cell ran (with --compare: and nothing differs); 1 a cell failed (also by
an error after it ended, from a timer or a promise nobody awaited), timed out or ran out of
memory, or --compare found a difference; 2 bad usage, an unreadable notebook, parameter or
baseline, an output that cannot be written, or a notebook of another language (a Python
kernelspec, say): Quarry runs TypeScript notebooks only; 130 stopped by Ctrl+C; 143 stopped
by SIGTERM.

  -o, --out OUT.ipynb     where to write the executed notebook
  -q, --quiet             print only the summary and errors, not each cell's line or progress
  --timeout SECONDS       stop a cell that runs longer (its kernel is stopped with it); the run
                          fails with exit 1 naming the cell
  --cwd DIR               the folder relative paths in cells resolve against, and the only one
                          they may read and write (default: the notebook's folder)
  --log-output            copy each cell's outputs to stderr as they come, as "[cell N] ..."
  -p, --parameter NAME=VALUE
                          inject a parameter (repeatable): VALUE as JSON where it is JSON
                          (5, true, null, [1,2], {"a":1}), else as the string; integers past
                          2^53 keep their digits (a BigInt). Goes in a cell tagged
                          injected-parameters after the one tagged parameters; a name that
                          cell does not declare is a warning. Recorded in the metadata.
  -r, --raw-parameter NAME=VALUE
                          the same, VALUE always a string (-r code=007)
  --params-file FILE.json one JSON object of names and values; with -p/-r in the order given,
                          a later value of a name wins
  --compare [BASELINE.ipynb]
                          after the run, compare its outputs with BASELINE's (default: those
                          saved in NOTEBOOK) and print what changed; exit 1 when anything
                          differs beyond the tolerance. Put NOTEBOOK first, or write
                          --compare=BASELINE.ipynb
  --rtol R, --atol A      the tolerance of --compare: numbers are the same when
                          |current - baseline| <= A + R * |baseline| (see quarry diff --help)
  --json                  with --compare: the diff as JSON on stdout, every other line on stderr
  --html REPORT.html      write a self-contained HTML report of the executed notebook (with
                          --compare, its change badges)
  --no-code               with --html: leave the code out of the report
  --kernel-heap-mb MB     the kernel's JavaScript heap limit; a cell that needs more ends the
                          run with "ran out of memory" (default here: ${defaultHeapMb} MB, half of
                          the memory; also set by ${HEAP_LIMIT_ENV}). Data in DuckDB and
                          TF.js tensors is held outside this heap.

Progress goes to stderr: on a terminal, a status line with the running cell and its time; in
a log, a line when a cell has run for ten seconds and every thirty seconds after.`;
}
