// Reads the command line `@vscode/test-electron`'s runTests() gives a VS Code executable, so the
// fake executable can stand in for one. Unknown flags are errors: silently ignoring one would hide
// a test setup that does not do what its author thinks.
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

/** What a VS Code command line asks for, with every path made absolute. */
export interface HostLaunch {
  /** Folder or `.code-workspace` file to open; undefined opens an empty window. */
  workspace: string | undefined;
  extensionDevelopmentPaths: string[];
  extensionTestsPath: string | undefined;
  userDataDir: string | undefined;
  extensionsDir: string | undefined;
}

/** Desktop-only switches runTests() always passes; a browser workbench has nothing to do with them. */
const desktopOnlySwitches = [
  'no-sandbox', 'disable-gpu-sandbox', 'disable-gpu', 'disable-updates', 'skip-welcome',
  'skip-release-notes', 'disable-workspace-trust', 'disable-telemetry', 'new-window',
] as const;

/** Parses `argv` (without node and script). Throws an Error naming the problem for bad input. */
export function parseLaunchArgs(argv: readonly string[], cwd = process.cwd()): HostLaunch {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        extensionDevelopmentPath: { type: 'string', multiple: true },
        extensionTestsPath: { type: 'string' },
        'user-data-dir': { type: 'string' },
        'extensions-dir': { type: 'string' },
        ...Object.fromEntries(desktopOnlySwitches.map((name) => [name, { type: 'boolean' as const }])),
      },
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `${reason}. The code-server stand-in for VS Code understands --extensionDevelopmentPath=, ` +
        `--extensionTestsPath=, --user-data-dir=, --extensions-dir=, one folder or .code-workspace, ` +
        `and ignores ${desktopOnlySwitches.map((s) => `--${s}`).join(' ')}.`,
    );
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) {
    throw new Error(`Expected at most one folder or .code-workspace to open, got: ${positionals.join(', ')}`);
  }
  const absolute = (p: string): string => path.resolve(cwd, p);
  const workspace = positionals[0] === undefined ? undefined : absolute(positionals[0]);
  if (workspace !== undefined) assertOpenable(workspace);
  return {
    workspace,
    extensionDevelopmentPaths: (values.extensionDevelopmentPath ?? []).map(absolute),
    extensionTestsPath: values.extensionTestsPath === undefined ? undefined : absolute(values.extensionTestsPath),
    userDataDir: values['user-data-dir'] === undefined ? undefined : absolute(values['user-data-dir']),
    extensionsDir: values['extensions-dir'] === undefined ? undefined : absolute(values['extensions-dir']),
  };
}

function assertOpenable(workspace: string): void {
  if (!existsSync(workspace)) throw new Error(`The workspace to open does not exist: ${workspace}`);
  const isFolder = statSync(workspace).isDirectory();
  if (!isFolder && !workspace.endsWith('.code-workspace')) {
    throw new Error(`Expected a folder or a .code-workspace file to open, got the file ${workspace}`);
  }
}
