// Grok: Toggle Web Search (the same switch as the panel's toggle) writes `grok.webSearch` where it is in
// effect: the workspace's settings when the workspace sets it, else the user's. Writing the user setting
// under a workspace value would change nothing the user can see.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/core/config/ids';
import { captureWarnings } from './support';

const grok = () => vscode.workspace.getConfiguration('grok');
const webSearch = () => grok().inspect<boolean>('webSearch');

async function reset(): Promise<void> {
  await grok().update('webSearch', undefined, vscode.ConfigurationTarget.Workspace);
  await grok().update('webSearch', undefined, vscode.ConfigurationTarget.Global);
}

describe('Grok: Toggle Web Search', () => {
  beforeEach(reset);
  after(reset);

  it('flips the user setting when the workspace does not set it', async () => {
    assert.equal(grok().get('webSearch'), false, 'off by default');
    const warnings = await captureWarnings(async () => {
      await vscode.commands.executeCommand(COMMANDS.toggleWebSearch);
    });
    assert.deepEqual(warnings, []);
    assert.equal(webSearch()?.globalValue, true);
    assert.equal(webSearch()?.workspaceValue, undefined, 'the workspace settings are left alone');

    await vscode.commands.executeCommand(COMMANDS.toggleWebSearch);
    assert.equal(webSearch()?.globalValue, false);
    assert.equal(grok().get('webSearch'), false);
  });

  it('flips the workspace setting when the workspace sets it, leaving the user setting alone', async () => {
    await grok().update('webSearch', true, vscode.ConfigurationTarget.Global);
    await grok().update('webSearch', false, vscode.ConfigurationTarget.Workspace);
    assert.equal(grok().get('webSearch'), false, 'the workspace value is in effect');

    const warnings = await captureWarnings(async () => {
      await vscode.commands.executeCommand(COMMANDS.toggleWebSearch);
    });
    assert.deepEqual(warnings, [], 'the toggle took effect, so nothing to warn about');
    assert.equal(webSearch()?.workspaceValue, true);
    assert.equal(webSearch()?.globalValue, true, 'the user setting was not touched');
    assert.equal(grok().get('webSearch'), true);

    await vscode.commands.executeCommand(COMMANDS.toggleWebSearch);
    assert.equal(webSearch()?.workspaceValue, false);
    assert.equal(webSearch()?.globalValue, true);
    assert.equal(grok().get('webSearch'), false);
  });
});
