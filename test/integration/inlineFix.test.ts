// Inline fixes in the real extension host (issue 5): a real TypeScript diagnostic → "Fix with Grok" offered
// → executed against the fake server → diff → Accept / Reject, one-step undo, preview off, prose fallback,
// Rewrite with Grok…. Safety (stale documents, cancelling, errors) is in inlineFixSafety.test.ts.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/core/config/ids';
import { FIXED, FIXTURE, expectStatus, grokConfig, grokQuickFix, openWallet, proposalTabs, runCodeAction, useInlineFixEnvironment } from './inlineFixHarness';

describe('inline fix: Fix with Grok on a real diagnostic', function () {
  this.timeout(60_000);
  const env = useInlineFixEnvironment();

  it('offers the quick fix lazily, previews a diff, and Accept applies exactly the fix as one undo step', async () => {
    const { document, diagnostic } = await openWallet();
    const requestsBefore = env.fast.requests.length;
    const action = await grokQuickFix(document, diagnostic);
    assert.equal(action.kind?.value, 'quickfix.grok');
    assert.equal(env.fast.requests.length, requestsBefore, 'offering the fix sends nothing');

    const result = expectStatus(await runCodeAction(action), 'previewing');
    assert.equal(result.usedFallback, false);
    assert.equal(document.getText(), FIXTURE, 'nothing changes before Accept');

    // The request: structured output, the method around the error, the path and the diagnostic.
    const request = env.fast.requests.at(-1)!;
    assert.equal(request.scenario, 'fix-json');
    const body = request.body as { text: { format: { type: string; strict: boolean } }; input: { role: string; content: string }[] };
    assert.equal(body.text.format.type, 'json_schema');
    assert.equal(body.text.format.strict, true);
    const user = body.input.find((message) => message.role === 'user')!.content;
    assert.match(user, /File: `inlinefix\/wallet-[a-z0-9]+-\d+\.ts` \(TypeScript\)/);
    assert.match(user, /```typescript\n {2}add\(amount: number\): void \{\n[\s\S]*\n {2}\}\n```/);
    assert.match(user, /Fix this diagnostic: error at 6:11–6:16 ts\(2322\): Type 'string' is not assignable/);

    // The diff: the real document on the left, the proposal on the right.
    const [diff] = proposalTabs();
    assert.ok(diff, 'no proposal diff is open');
    assert.equal(diff.original.toString(), document.uri.toString());
    const right = await vscode.workspace.openTextDocument(diff.modified);
    assert.equal(right.getText(), FIXED);
    assert.equal(vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputTextDiff, true, 'the diff is the active tab');

    const accepted = expectStatus(await vscode.commands.executeCommand(COMMANDS.acceptInlineFix), 'applied');
    assert.equal(accepted.proposalId, result.proposalId);
    assert.equal(document.getText(), FIXED);
    assert.equal(proposalTabs().length, 0, 'the diff closes on Accept');

    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), FIXTURE, 'one Undo restores the original');
  });

  it('Reject closes the diff and leaves the file untouched', async () => {
    const { document, diagnostic } = await openWallet();
    const result = expectStatus(await runCodeAction(await grokQuickFix(document, diagnostic)), 'previewing');
    const [diff] = proposalTabs();
    assert.ok(diff);
    // As the editor-title button calls it: with the diff's (right side's) URI.
    const rejected = expectStatus(await vscode.commands.executeCommand(COMMANDS.rejectInlineFix, diff.modified), 'rejected');
    assert.equal(rejected.proposalId, result.proposalId);
    assert.equal(proposalTabs().length, 0);
    assert.equal(document.getText(), FIXTURE);
    assert.equal(document.isDirty, false);
    // Nothing is left to accept.
    expectStatus(await vscode.commands.executeCommand(COMMANDS.acceptInlineFix, result.proposalId), 'failed');
    assert.equal(document.getText(), FIXTURE);
  });

  it('with grok.inlineFix.preview off, applies at once; one Undo restores', async () => {
    await grokConfig().update('inlineFix.preview', false, vscode.ConfigurationTarget.Global);
    const { document, diagnostic } = await openWallet();
    expectStatus(await runCodeAction(await grokQuickFix(document, diagnostic)), 'applied');
    assert.equal(proposalTabs().length, 0, 'no diff without preview');
    assert.equal(document.getText(), FIXED);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), FIXTURE);
  });

  it('falls back to the code block when the model answers in prose, and says so', async () => {
    const { document, diagnostic } = await openWallet();
    env.fast.queueScenarios('fix-prose');
    const result = expectStatus(await runCodeAction(await grokQuickFix(document, diagnostic)), 'previewing');
    assert.equal(result.usedFallback, true);
    expectStatus(await vscode.commands.executeCommand(COMMANDS.acceptInlineFix), 'applied');
    assert.equal(document.getText(), FIXED);
  });

  it('works without arguments (keybinding, palette, or a VS Code that drops them): the problem at the cursor', async () => {
    const { document, diagnostic } = await openWallet();
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(diagnostic.range.start, diagnostic.range.start);
    expectStatus(await vscode.commands.executeCommand(COMMANDS.inlineFix), 'previewing');
    expectStatus(await vscode.commands.executeCommand(COMMANDS.acceptInlineFix), 'applied');
    assert.equal(document.getText(), FIXED);
  });

  it('keeps CRLF line endings', async () => {
    const { document, diagnostic } = await openWallet(FIXTURE.replace(/\n/g, '\r\n'));
    assert.equal(document.eol, vscode.EndOfLine.CRLF);
    expectStatus(await runCodeAction(await grokQuickFix(document, diagnostic)), 'previewing');
    expectStatus(await vscode.commands.executeCommand(COMMANDS.acceptInlineFix), 'applied');
    assert.equal(document.getText(), FIXED.replace(/\n/g, '\r\n'));
  });

  it('offers Rewrite with Grok… and Explain with Grok on a selection; Rewrite follows the same preview flow', async () => {
    const { document } = await openWallet();
    const selection = new vscode.Range(5, 0, 6, document.lineAt(6).text.length);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, selection);
    const rewrite = actions.find((action) => action.title === 'Rewrite with Grok…');
    const explain = actions.find((action) => action.title === 'Explain with Grok');
    assert.equal(rewrite?.kind?.value, 'refactor.rewrite.grok');
    assert.equal(explain?.command?.command, COMMANDS.explain);

    assert.ok(rewrite?.command);
    const [args] = rewrite.command.arguments as [Record<string, unknown>];
    const result = expectStatus(await vscode.commands.executeCommand(rewrite.command.command, { ...args, instruction: 'Round to whole cents.' }), 'previewing');
    const body = env.fast.requests.at(-1)!.body as { input: { role: string; content: string }[] };
    assert.match(body.input.at(-1)!.content, /Instructions: Round to whole cents\./);
    expectStatus(await vscode.commands.executeCommand(COMMANDS.acceptInlineFix, result.proposalId), 'applied');
    assert.equal(document.getText(), FIXED);
  });
});
