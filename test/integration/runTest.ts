// Entry point of `npm run test:integration` (Node 20, tsx): runs the bundled mocha suite
// (out/integration/, from test/integration/build.mjs) inside a VS Code extension host through
// @vscode/test-electron's runTests(). The "VS Code" it launches is test/host/fakeVscodeExecutable
// (code-server + headless Chromium, offline); set VSCODE_EXECUTABLE_PATH to use a desktop VS Code.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(__dirname, '..', '..');

async function main(): Promise<number> {
  // Tests may edit files: they get a copy of the fixture, and fresh profile folders, every run.
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'grok-integration-'));
  const workspace = path.join(runDir, 'workspace');
  cpSync(path.join(repoRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  try {
    await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH ?? path.join(repoRoot, 'test', 'host', 'fakeVscodeExecutable'),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'integration', 'index.js'),
      launchArgs: [workspace, `--user-data-dir=${path.join(runDir, 'user-data')}`, `--extensions-dir=${path.join(runDir, 'extensions')}`],
      extensionTestsEnv: { GROK_FIXTURE_WORKSPACE: workspace },
    });
    return 0;
  } catch (error) {
    // runTests already printed the host's output and its exit code.
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
  }
}

void main().then((code) => process.exit(code));
