// Proves the harness: these run inside a real VS Code extension host (code-server's, see
// test/host/), with the fixture workspace open and this repository loaded as the extension.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const repoRoot = path.resolve(__dirname, '..', '..'); // out/integration/ -> repository root

describe('extension host smoke test', () => {
  it('runs in a VS Code extension host with the real API', () => {
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    assert.ok(vscode.extensions.getExtension('vscode.typescript-language-features'), 'built-in extensions are loaded');
  });

  it('opens the fixture workspace passed through extensionTestsEnv', async () => {
    assert.ok(process.env.GROK_FIXTURE_WORKSPACE, 'extensionTestsEnv did not reach the extension host');
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1);
    assert.equal(folders[0].uri.fsPath, process.env.GROK_FIXTURE_WORKSPACE);
    const files = await vscode.workspace.findFiles('sample.*');
    assert.deepEqual(files.map((uri) => path.basename(uri.fsPath)).sort(), ['sample.py', 'sample.ts']);

    const document = await vscode.workspace.openTextDocument(files.find((uri) => uri.fsPath.endsWith('.ts'))!);
    assert.equal(document.languageId, 'typescript');
    assert.match(document.getText(), /export function orderTotal/);
  });

  it('loads this repository as the extension under development', async function () {
    if (!existsSync(path.join(repoRoot, 'dist', 'extension.js'))) {
      this.skip(); // `npm run build` has not produced the extension yet
    }
    const extension = vscode.extensions.getExtension('grok-vscode.grok-vscode');
    assert.ok(extension, 'grok-vscode.grok-vscode is not among the loaded extensions');
    assert.equal(extension.extensionUri.fsPath, repoRoot);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });
});
