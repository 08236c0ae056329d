// "Grok: Lint Tool Schemas in Workspace" in a real VS Code host: finds the fixtures' problems in closed
// files, leaves out .gitignore'd, files.exclude'd, search.exclude'd and oversized files, and a file it
// reported on becomes fixable once opened.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { WorkspaceLintSummary } from '../../src/extension/schemaLint/workspaceSummary';
import { grokDiagnostics, quickFix, removeToolCopies, ruleOf, waitForGrokDiagnostics, workspaceUri } from './schemaLintHarness';

const INVALID_TOOL = '[{ "type": "function", "name": "hidden_tool", "parameters": { "type": "string" } }]\n';

const EXPECTED_FINDINGS: Record<string, string[]> = {
  'tools/weather.json': ['root-not-object'],
  'tools/searchTools.ts': ['root-not-object', 'root-properties-without-type'],
  'tools/chatCompletions.jsonc': ['union-branch-not-object'],
  'tools/mcpTools.yaml': ['root-not-object'],
  'tools/xaiTools.py': ['root-type-list'],
};

/** Files the command must not look at, each holding a tool it would otherwise report. */
const LEFT_OUT = {
  gitignored: 'tools/generated/tools.json',
  filesExcluded: 'tools/hidden/tools.json',
  searchExcluded: 'tools/node_modules/some-sdk/tools.json',
  tooLarge: 'tools/large/tools.json',
};

async function write(relativePath: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(workspaceUri(relativePath), new TextEncoder().encode(text));
}

describe('Grok: Lint Tool Schemas in Workspace', () => {
  const created = ['.gitignore', ...Object.values(LEFT_OUT)];

  before(async () => {
    await removeToolCopies();
    await write('.gitignore', '# generated clients\ntools/generated/\n');
    await write(LEFT_OUT.gitignored, INVALID_TOOL);
    await write(LEFT_OUT.filesExcluded, INVALID_TOOL);
    await write(LEFT_OUT.searchExcluded, INVALID_TOOL); // search.exclude's default has **/node_modules
    // Over the 1 MiB bound: an invalid tool followed by padding in a string.
    await write(LEFT_OUT.tooLarge, `[{ "type": "function", "name": "big", "parameters": { "type": "string" }, "pad": "${'x'.repeat(1024 * 1024)}" }]\n`);
    await vscode.workspace.getConfiguration('files').update('exclude', { '**/tools/hidden': true }, vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('files').update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    for (const file of created) await vscode.workspace.fs.delete(workspaceUri(file), { useTrash: false }).then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('reports every fixture problem in closed files, and skips what the excludes, .gitignore and the size bound leave out', async () => {
    const summary = await vscode.commands.executeCommand<WorkspaceLintSummary | undefined>('grok.lintWorkspace');
    assert.ok(summary, 'the command returned no summary');
    assert.equal(summary.cancelled, false);

    for (const [file, rules] of Object.entries(EXPECTED_FINDINGS)) {
      const uri = workspaceUri(file);
      assert.ok(summary.filesWithFindings.includes(uri.toString()), `${file} is not among the files with findings`);
      assert.deepEqual(grokDiagnostics(uri).map(ruleOf).sort(), [...rules].sort(), file);
    }
    assert.equal(grokDiagnostics(workspaceUri('tools/clean.ts')).length, 0);
    for (const [why, file] of Object.entries(LEFT_OUT)) {
      assert.ok(!summary.filesWithFindings.includes(workspaceUri(file).toString()), `${file} (${why}) was reported`);
      assert.equal(grokDiagnostics(workspaceUri(file)).length, 0, `${file} (${why}) has diagnostics`);
    }
    assert.ok(summary.skipped.tooLarge >= 1, 'the large file is counted as skipped');
    assert.ok(summary.excluded >= 1, 'the .gitignored file is counted (the search itself drops files.exclude\'d ones)');
    assert.ok(summary.errors >= 5 && summary.warnings >= 1, JSON.stringify(summary));

    // A closed file's diagnostic sits where the editor will show it.
    const [yaml] = grokDiagnostics(workspaceUri('tools/mcpTools.yaml'));
    assert.equal(yaml.range.start.line, 5);
    assert.equal(yaml.range.start.character, 6);
  });

  it('a reported file becomes fixable once opened, and the fix clears it', async () => {
    const uri = workspaceUri('tools/weather.json');
    // Opening lints the document as the editor has it, with its version, which is what fixes are keyed to.
    const relinted = waitForGrokDiagnostics(uri, (d) => d.length === 1, 'the open document to be linted', { afterChange: true });
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const [diagnostic] = await relinted;
    const fix = await quickFix(uri, diagnostic, 'Wrap the schema in an object property "value"');
    const cleared = waitForGrokDiagnostics(uri, (d) => d.length === 0, 'the diagnostic to go', { afterChange: true });
    assert.equal(await vscode.workspace.applyEdit(fix.edit!), true);
    await cleared;
    assert.doesNotThrow(() => JSON.parse(document.getText()));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
