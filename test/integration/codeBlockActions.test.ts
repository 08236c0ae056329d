// The chat panel's code block actions at the host level (the e2e test clicks them in the panel):
// Insert fits the code to where it lands (line endings, indentation) in one undo step; Apply goes
// through the diff and changes nothing before Accept; Open in New File picks the VS Code language.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/core/config/ids';
import { captureWarnings, services } from './support';

const BLOCK = 'if (ready) {\n  start();\n}\n';

/** Closes every editor, discarding the untitled documents the tests made (closing them would ask to save). */
async function closeEditorsWithoutSaving(): Promise<void> {
  for (let i = 0; i < 20 && vscode.window.tabGroups.all.some((group) => group.tabs.length > 0); i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

async function untitled(content: string, language = 'typescript'): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language, content });
  return vscode.window.showTextDocument(document);
}

describe('chat panel code block actions in the extension host', () => {
  // Untitled documents are left open between tests: a new one could otherwise take the name (and the
  // not yet forgotten document) of one just closed.
  after(closeEditorsWithoutSaving);

  it('Insert at Cursor uses the document line endings and indentation, and is one undo step', async () => {
    const original = 'function f() {\r\n    \r\n    done();\r\n}\r\n';
    const editor = await untitled(original);
    assert.equal(editor.document.eol, vscode.EndOfLine.CRLF);
    editor.selection = new vscode.Selection(1, 4, 1, 4);
    const { controller } = await services();
    const result = await controller.codeBlocks.run('insert', BLOCK, 'ts');
    assert.equal(result.status, 'inserted');
    assert.equal(editor.document.getText(), 'function f() {\r\n    if (ready) {\r\n      start();\r\n    }\r\n    done();\r\n}\r\n');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  });

  it('Apply to Selection previews a diff, changes nothing until Accept, then replaces only the selection', async () => {
    const original = 'const a = 1;\nfunction old() {\n  return 0;\n}\nconst b = 2;\n';
    const editor = await untitled(original);
    const { controller } = await services();

    editor.selection = new vscode.Selection(1, 0, 1, 0);
    assert.equal((await controller.codeBlocks.run('apply', BLOCK)).status, 'refused', 'an empty selection is refused');

    editor.selection = new vscode.Selection(1, 0, 4, 0);
    const result = await controller.codeBlocks.run('apply', BLOCK, 'ts');
    assert.equal(result.status, 'previewing');
    assert.equal(editor.document.getText(), original, 'nothing changes before Accept');
    const accepted = await vscode.commands.executeCommand<{ status: string }>(COMMANDS.acceptInlineFix);
    assert.equal(accepted.status, 'applied');
    assert.equal(editor.document.getText(), 'const a = 1;\nif (ready) {\n  start();\n}\nconst b = 2;\n');
  });

  it('Open in New File opens an untitled document in the language the fence names, with exactly the code', async () => {
    const { controller } = await services();
    for (const [fence, languageId] of [['ts', 'typescript'], ['py', 'python'], ['no-such-language', 'plaintext'], [undefined, 'plaintext']] as const) {
      const result = await controller.codeBlocks.run('newFile', BLOCK, fence);
      assert.ok(result.status === 'opened');
      assert.equal(result.document.languageId, languageId, String(fence));
      assert.equal(result.document.isUntitled, true);
      assert.equal(result.document.getText(), BLOCK);
      assert.equal(vscode.window.activeTextEditor?.document, result.document);
    }
  });

  it('refuses Insert when no editor is open, and says why', async () => {
    await closeEditorsWithoutSaving();
    const { controller } = await services();
    const shown = await captureWarnings(async () => {
      const result = await controller.codeBlocks.run('insert', BLOCK);
      assert.equal(result.status, 'refused');
    });
    assert.equal(shown.length, 1);
    assert.match(shown[0], /Open a file/);
  });
});
