// Installs a packaged extension (.vsix) into an extensions folder with code-server's own CLI, the
// way a person installs it; takes about a second. Use before startCodeServer({ extensionsDir }).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { assertHostInstalled, codeServerEntryPath, hostNodePath } from './hostPaths';

const run = promisify(execFile);

/** Installs `vsixPath` into `extensionsDir`; rejects with code-server's output when it refuses. */
export async function installVsix(vsixPath: string, extensionsDir: string): Promise<void> {
  assertHostInstalled();
  // The CLI also writes user data and HOME files: keep them out of ~ and throw them away.
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'grok-vsix-'));
  try {
    const { stdout, stderr } = await run(
      hostNodePath,
      [codeServerEntryPath, '--install-extension', path.resolve(vsixPath), '--force',
        '--extensions-dir', path.resolve(extensionsDir), '--user-data-dir', path.join(scratch, 'user-data')],
      { env: { PATH: process.env.PATH, HOME: scratch, XDG_DATA_HOME: scratch, XDG_CONFIG_HOME: scratch }, timeout: 60_000 },
    );
    if (!/was successfully installed/.test(stdout)) {
      throw new Error(`Installing ${vsixPath} did not report success:\n${stdout}${stderr}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
