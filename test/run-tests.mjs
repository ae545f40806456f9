// Runs the vitest suite and ends with one plain summary line, `tests: N passed, N failed, N skipped`,
// which CI reads. A run that executed no test fails: an empty run proves nothing.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const results = 'dist/test-results.json';
rmSync(results, { force: true });
const vitest = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${results}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);

let summary;
try {
  summary = JSON.parse(readFileSync(results, 'utf8'));
} catch {
  console.error(`tests: vitest wrote no results (${results}); exit status ${vitest.status}`);
  process.exit(1);
}
const passed = summary.numPassedTests;
const failed = summary.numFailedTests + (summary.numRuntimeErrorTestSuites ?? 0);
const skipped = summary.numPendingTests + summary.numTodoTests;
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (passed + failed === 0) {
  console.error('tests: no test was executed');
  process.exit(1);
}
process.exit(vitest.status === 0 && failed === 0 ? 0 : 1);
