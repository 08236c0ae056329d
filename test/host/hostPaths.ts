// Where the offline VS Code host lives. scripts/install-vscode-host.sh puts Node 24 and code-server
// under .vscode-host/ (git-ignored); Chromium comes from Debian. See shared docs/vscode-host.md.
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** The repository root (this file is test/host/hostPaths.ts). */
export const repoRoot = path.resolve(__dirname, '..', '..');

/** Node 24: code-server refuses any other major, while the project itself stays on Node 20. */
export const hostNodePath = path.join(repoRoot, '.vscode-host', 'node', 'bin', 'node');

/** code-server's CLI entry point, run with {@link hostNodePath}. */
export const codeServerEntryPath = path.join(
  repoRoot, '.vscode-host', 'server', 'node_modules', 'code-server', 'out', 'node', 'entry.js',
);

/** Debian's Chromium; nothing here may download a browser. Overridable for other machines. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Screenshots and other artefacts a person looks at after a failed run (git-ignored). */
export const testResultsDir = path.join(repoRoot, 'test-results');

/** Throws an error that says how to fix a missing host instead of failing later with ENOENT. */
export function assertHostInstalled(): void {
  const missing = [hostNodePath, codeServerEntryPath, chromiumPath].filter((p) => !existsSync(p));
  if (missing.length > 0) {
    throw new Error(
      `The offline VS Code host is not installed (missing: ${missing.join(', ')}). ` +
        'Run scripts/install-vscode-host.sh (Node 24 + code-server) and install Debian\'s chromium.',
    );
  }
}
