// Prints the totals line CI reads, from jest's --json results, and fails when a test failed or
// was skipped (under CI a skip means a missing tool or a forgotten .skip), when a suite did not
// load (jest does not count those as failed tests), or when no test ran at all.
import { readFileSync } from 'node:fs';

// One or more result files (the main run, the bundle tests on Node 24): their totals are summed.
const runs = process.argv.slice(2).map((file) => JSON.parse(readFileSync(file, 'utf8')));
const sum = (key) => runs.reduce((total, run) => total + (run[key] ?? 0), 0);
const results = {
  numPassedTests: sum('numPassedTests'),
  numFailedTests: sum('numFailedTests'),
  numPendingTests: sum('numPendingTests'),
  numTodoTests: sum('numTodoTests'),
  numTotalTests: sum('numTotalTests'),
  numRuntimeErrorTestSuites: sum('numRuntimeErrorTestSuites'),
  success: runs.length > 0 && runs.every((run) => run.success),
  testResults: runs.flatMap((run) => run.testResults ?? []),
};
const skipped = results.numPendingTests + results.numTodoTests;
console.log(
  `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`,
);
let failed = !results.success || results.numTotalTests === 0;
if (results.numRuntimeErrorTestSuites > 0) {
  console.log(`${results.numRuntimeErrorTestSuites} test suite(s) failed to run`);
  failed = true;
}
if (skipped > 0) {
  for (const suite of results.testResults ?? []) {
    for (const test of suite.assertionResults ?? []) {
      if (test.status === 'pending' || test.status === 'todo' || test.status === 'skipped') console.log(`skipped: ${suite.name} › ${test.fullName}`);
    }
  }
  console.log(`${skipped} test(s) skipped: CI runs every test`);
  failed = true;
}
if (failed) process.exit(1);
