// The test runner VS Code's extension host loads (--extensionTestsPath): runs every bundled
// *.test.js next to this file with mocha, inside the host, so tests can use the real `vscode` API.
// Environment (via runTests' extensionTestsEnv or the calling shell): MOCHA_GREP selects tests.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Called by the extension host; rejecting makes the host exit with code 1. */
export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    timeout: 20_000,
    forbidOnly: true, // a stray `.only` must not silently skip the rest of the suite on CI
  });
  const grep = process.env.MOCHA_GREP;
  if (grep) mocha.grep(grep);
  const files = readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .sort();
  if (files.length === 0) throw new Error(`No *.test.js files next to ${__filename}: run test/integration/build.mjs`);
  for (const file of files) mocha.addFile(path.join(__dirname, file));

  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
