// Shared set-up for integration tests: the extension's API, a fake Responses server the extension is
// pointed at, and waiting for conditions (never fixed sleeps).
import * as vscode from 'vscode';
import type { GrokExtensionApi } from '../../src/extension/extension';
import type { GrokServices } from '../../src/extension/services';
import { startFakeServer } from '../../src/fakeServer/server';
import type { FakeServer } from '../../src/fakeServer/server';

export const EXTENSION_ID = 'grok-vscode.grok-vscode';
/** Long enough to pass the key validator; accepted by the fake server. */
export const TEST_API_KEY = 'xai-integration-test-key-0123456789';

export async function extensionApi(): Promise<GrokExtensionApi> {
  const extension = vscode.extensions.getExtension<GrokExtensionApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

export async function services(): Promise<GrokServices> {
  return (await extensionApi()).services();
}

/** Starts a fake server and points the extension at it (key in secret storage, base URL in user settings). */
export async function connectToFakeServer(): Promise<FakeServer> {
  const server = await startFakeServer({ apiKey: TEST_API_KEY });
  await vscode.workspace.getConfiguration('grok').update('baseUrl', server.url, vscode.ConfigurationTarget.Global);
  await vscode.commands.executeCommand('grok.setApiKey', TEST_API_KEY);
  return server;
}

export async function disconnect(server: FakeServer | undefined): Promise<void> {
  await vscode.commands.executeCommand('grok.clearApiKey');
  await vscode.workspace.getConfiguration('grok').update('baseUrl', undefined, vscode.ConfigurationTarget.Global);
  await server?.close();
}

/** Polls `condition` until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, condition: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Opens a workspace file and selects lines [startLine, endLine] (0-based, inclusive). */
export async function selectLines(relativePath: string, startLine: number, endLine: number): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder');
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, relativePath));
  const editor = await vscode.window.showTextDocument(document);
  editor.selection = new vscode.Selection(startLine, 0, endLine, document.lineAt(endLine).text.length);
  return editor;
}

/**
 * Runs `action` while `window.showWarningMessage` records its messages instead of showing them (a
 * notification with buttons would wait for a click), and returns what was shown.
 */
export async function captureWarnings(action: () => Promise<void>): Promise<string[]> {
  const shown: string[] = [];
  const window = vscode.window as { showWarningMessage: (...args: unknown[]) => Thenable<unknown> };
  const original = window.showWarningMessage;
  window.showWarningMessage = (message: unknown) => {
    shown.push(String(message));
    return Promise.resolve(undefined);
  };
  try {
    await action();
  } finally {
    window.showWarningMessage = original;
  }
  return shown;
}
