// Registers a mocha afterEach that saves what the workbench showed when a test failed.
import type { Workbench } from './workbench';

/** Call inside a `describe`; `current` returns the suite's workbench (undefined before launch). */
export function screenshotOnFailure(current: () => Workbench | undefined): void {
  afterEach(async function () {
    const test = this.currentTest;
    const workbench = current();
    if (test?.state !== 'failed' || !workbench) return;
    const file = await workbench.screenshot(`e2e-${test.fullTitle()}`);
    console.log(`      screenshot: ${file}`);
  });
}
