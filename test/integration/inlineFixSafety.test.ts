// Inline fixes never overwrite newer edits and change nothing on failure (issue 5): edits made while the
// request is in flight or while the diff is open, cancelling, a document closed meanwhile, and each kind
// of error. The happy path is in inlineFix.test.ts.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/core/config/ids';
import type { InlineFixResult } from '../../src/extension/inlineFix/inlineFixService';
import { startFakeServer } from '../../src/fakeServer/server';
import { API_KEY, FIXED, FIXTURE, expectStatus, grokConfig, grokQuickFix, openWallet, proposalTabs, runCodeAction, useInlineFixEnvironment, useServer, waitFor } from './inlineFixHarness';

const TARGET_LINE = 6; // `this.cents += cents;`, inside the method the fix replaces

async function insertAt(document: vscode.TextDocument, position: vscode.Position, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, position, text);
  assert.equal(await vscode.workspace.applyEdit(edit), true);
}

describe('inline fix: stale documents, cancelling and errors', function () {
  this.timeout(60_000);
  const env = useInlineFixEnvironment();

  /**
   * Starts the fix through the gate and returns once the request is held there (in flight). The result
   * is wrapped: an async function returning the bare promise would wait for it.
   */
  async function startHeldFix(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<{ running: Promise<InlineFixResult> }> {
    await useServer(env.gate);
    const action = await grokQuickFix(document, diagnostic);
    const arrived = env.gate.nextArrival();
    const running = runCodeAction(action);
    await arrived;
    return { running };
  }

  it('an edit above the code while the request is in flight is kept; the fix lands on the moved code', async () => {
    const { document, diagnostic } = await openWallet();
    const { running } = await startHeldFix(document, diagnostic);
    await insertAt(document, new vscode.Position(0, 0), '// typed while Grok worked\n');
    env.gate.release();
    const result = expectStatus(await running, 'previewing');
    assert.ok(result.answerVersion > result.requestVersion, 'the edit happened while the request was in flight');
    const right = await vscode.workspace.openTextDocument(proposalTabs()[0].modified);
    assert.equal(right.getText(), `// typed while Grok worked\n${FIXED}`);
    expectStatus(await vscode.commands.executeCommand(COMMANDS.acceptInlineFix), 'applied');
    assert.equal(document.getText(), `// typed while Grok worked\n${FIXED}`);
  });

  it('an edit inside the code while the request is in flight is never overwritten: the proposal is refused', async () => {
    const { document, diagnostic } = await openWallet();
    const { running } = await startHeldFix(document, diagnostic);
    await insertAt(document, new vscode.Position(TARGET_LINE, 4), '/* mine */ ');
    const edited = document.getText();
    env.gate.release();
    const result = expectStatus(await running, 'refused');
    assert.match(result.message, /edited since the request.*not applied/);
    assert.equal(proposalTabs().length, 0);
    assert.equal(document.getText(), edited);
  });

  it('an edit inside the code while the diff is open: Accept refuses, the edit and the proposal both stay', async () => {
    const { document, diagnostic } = await openWallet();
    const result = expectStatus(await runCodeAction(await grokQuickFix(document, diagnostic)), 'previewing');
    await insertAt(document, new vscode.Position(TARGET_LINE, 4), '/* mine */ ');
    const edited = document.getText();
    expectStatus(await vscode.commands.executeCommand(COMMANDS.acceptInlineFix, result.proposalId), 'refused');
    assert.equal(document.getText(), edited);
    assert.equal(proposalTabs().length, 1, 'the proposal stays on screen, ready to copy');
    expectStatus(await vscode.commands.executeCommand(COMMANDS.rejectInlineFix, result.proposalId), 'rejected');
    assert.equal(document.getText(), edited);
  });

  it('cancelling while Grok works changes nothing', async () => {
    const { document, diagnostic } = await openWallet();
    const { running } = await startHeldFix(document, diagnostic);
    env.inlineFix.cancelRunning();
    expectStatus(await running, 'cancelled');
    assert.equal(document.getText(), FIXTURE);
    assert.equal(document.isDirty, false);
    assert.equal(proposalTabs().length, 0);
  });

  it('a document closed while Grok works is reopened and fixed, not refused', async () => {
    await grokConfig().update('inlineFix.preview', false, vscode.ConfigurationTarget.Global);
    const { document, diagnostic } = await openWallet();
    const { running } = await startHeldFix(document, diagnostic);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal(vscode.window.visibleTextEditors.some((editor) => editor.document.uri.toString() === document.uri.toString()), false);
    env.gate.release();
    expectStatus(await running, 'applied');
    const reopened = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === document.uri.toString());
    assert.ok(reopened, 'the document is shown again');
    assert.equal(reopened.document.getText(), FIXED);
  });

  describe('errors leave the file untouched', () => {
    async function expectFailure(pattern: RegExp): Promise<void> {
      const { document, diagnostic } = await openWallet();
      const result = expectStatus(await runCodeAction(await grokQuickFix(document, diagnostic)), 'failed');
      assert.match(result.message, pattern);
      assert.equal(document.getText(), FIXTURE);
      assert.equal(proposalTabs().length, 0);
    }

    it('no API key', async () => {
      await vscode.commands.executeCommand('grok.clearApiKey');
      const requests = env.fast.requests.length;
      try {
        await expectFailure(/No xAI API key/);
        assert.equal(env.fast.requests.length, requests, 'nothing was sent');
      } finally {
        await vscode.commands.executeCommand('grok.setApiKey', API_KEY);
      }
    });

    it('credits exhausted (429, not retried)', async () => {
      env.fast.queueScenarios('credits-exhausted');
      await expectFailure(/credits|spending limit/i);
    });

    it('rate limited with retries off; with retries on, the retry succeeds', async () => {
      env.fast.queueScenarios('rate-limit');
      await expectFailure(/rate limit|too many requests/i);
      await grokConfig().update('maxRetries', 2, vscode.ConfigurationTarget.Global);
      try {
        const { document, diagnostic } = await openWallet();
        env.fast.queueScenarios('rate-limit');
        expectStatus(await runCodeAction(await grokQuickFix(document, diagnostic)), 'previewing');
        assert.deepEqual(env.fast.requests.slice(-2).map((r) => r.scenario), ['rate-limit', 'fix-json']);
      } finally {
        await grokConfig().update('maxRetries', 0, vscode.ConfigurationTarget.Global);
      }
    });

    it('network: the server cannot be reached', async () => {
      const gone = await startFakeServer({ apiKey: API_KEY });
      await gone.close();
      await useServer(gone);
      await expectFailure(/connect|reach|refused|network/i);
    });

    it('the stream is cut off mid-answer', async () => {
      env.fast.queueScenarios('disconnect');
      await expectFailure(/cut off|interrupted|connection/i);
    });

    it('an answer that is not a fix (prose without code, several code blocks)', async () => {
      env.fast.queueScenarios('plain');
      await expectFailure(/without a fix/);
      env.fast.queueScenarios('code');
      await expectFailure(/code blocks/);
    });
  });
});
