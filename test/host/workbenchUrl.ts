// URLs that open the code-server workbench on a folder, optionally with an extension under
// development and a test runner (the same `payload` the desktop CLI flags turn into).
import * as path from 'node:path';

/** What the workbench page should open and load. */
export interface WorkbenchTarget {
  /** Absolute path of a folder, or of a `.code-workspace` file; none opens an empty window. */
  workspace?: string;
  /** Extension folders loaded as if passed to `--extensionDevelopmentPath`. */
  extensionDevelopmentPaths?: readonly string[];
  /** Compiled test runner (file or folder with index.js) whose `run()` the extension host calls. */
  extensionTestsPath?: string;
}

/**
 * Builds `<serverUrl>/?folder=…&payload=…`. The payload is only honoured when code-server runs with
 * `--vscode-option enable-smoke-test-driver`. Paths become `vscode-remote://remote/…` URIs: the
 * authority is literally `remote`, i.e. files on the server, where the extension host runs.
 */
export function workbenchUrl(serverUrl: string, target: WorkbenchTarget): string {
  const url = new URL('/', serverUrl);
  if (target.workspace !== undefined) {
    const key = target.workspace.endsWith('.code-workspace') ? 'workspace' : 'folder';
    url.searchParams.set(key, absolute(target.workspace));
  }
  const payload: [string, string][] = [];
  for (const extensionPath of target.extensionDevelopmentPaths ?? []) {
    payload.push(['extensionDevelopmentPath', remoteUri(extensionPath)]);
  }
  if (target.extensionTestsPath !== undefined) payload.push(['extensionTestsPath', remoteUri(target.extensionTestsPath)]);
  payload.push(['skipWelcome', 'true'], ['skipReleaseNotes', 'true']);
  url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}

/** `vscode-remote://remote/<percent-encoded absolute path>`. */
export function remoteUri(fsPath: string): string {
  return 'vscode-remote://remote' + absolute(fsPath).split('/').map(encodeURIComponent).join('/');
}

function absolute(fsPath: string): string {
  if (!path.isAbsolute(fsPath)) throw new Error(`Expected an absolute path, got "${fsPath}"`);
  return path.normalize(fsPath);
}
