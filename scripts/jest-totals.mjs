// Prints the totals line CI reads, from jest's --json results, and fails when a suite did not
// load (jest does not count those as failed tests).
import { readFileSync } from 'node:fs';

const results = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const skipped = results.numPendingTests + results.numTodoTests;
console.log(
  `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`,
);
if (results.numRuntimeErrorTestSuites > 0) {
  console.log(`${results.numRuntimeErrorTestSuites} test suite(s) failed to run`);
}
if (!results.success || results.numTotalTests === 0) process.exit(1);
