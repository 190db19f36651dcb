// Reads vitest's JSON report and prints the closing line CI reads: "N passed, M failed[, K skipped]".
// Exits 1 when the report is missing, when anything failed, or when no test ran at all.
import { readFileSync } from 'node:fs';

const path = process.argv[2];
let report;
try {
  report = JSON.parse(readFileSync(path, 'utf8'));
} catch {
  console.log(`no test report at ${path}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const passed = report.numPassedTests ?? 0;
const failedTests = report.numFailedTests ?? 0;
// A test file that fails to load has no failed test but a failed suite: count it, or a broken file would pass.
const failedSuites = (report.testResults ?? []).filter((r) => r.status === 'failed' && (r.assertionResults ?? []).every((a) => a.status !== 'failed')).length;
const failed = failedTests + failedSuites;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
// CI reads the last line, which must stay exactly "N passed, M failed"; skips (e.g. the real-API recordings absent) go above it.
if (skipped > 0) console.log(`${skipped} skipped`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
