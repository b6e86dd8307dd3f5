import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Prints the final line `N passed, M failed` (the form CI reads), alone on its line. */
export default class SummaryReporter implements Reporter {
  private outcomes = new Map<string, boolean>();

  onTestEnd(test: TestCase, result: TestResult) {
    // the last attempt decides (retries)
    this.outcomes.set(test.id, result.status === 'passed' || result.status === 'skipped');
    if (result.status === 'skipped') this.outcomes.delete(test.id);
  }

  onEnd(result: FullResult) {
    const values = [...this.outcomes.values()];
    const passed = values.filter(Boolean).length;
    let failed = values.length - passed;
    // a run that broke before or between tests (e.g. global timeout) still fails
    if (result.status !== 'passed' && failed === 0) failed = 1;
    process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  }

  printsToStdio() {
    return false;
  }
}
