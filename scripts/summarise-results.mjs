// Adds up vitest's JSON reports into one closing line a CI reader understands.
import { readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  try {
    const report = JSON.parse(readFileSync(file, "utf8"));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    // A file that failed outside any test (import error, hook) counts once.
    for (const file of report.testResults ?? []) {
      const anyTestFailed = (file.assertionResults ?? []).some((a) => a.status === "failed");
      if (file.status === "failed" && !anyTestFailed) failed += 1;
    }
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  } catch {
    failed += 1; // a suite that wrote no report did not run cleanly
  }
}
console.log(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
