// Shared set-up for the inline-fix integration tests: fake xAI servers started inside the extension host,
// the extension pointed at them (key via grok.setApiKey, grok.baseUrl in Global settings; restored after),
// fresh copies of the wallet fixture, and waits on real events (diagnostics, requests) with bounded time.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { InlineFixResult, InlineFixService } from '../../src/extension/inlineFix/inlineFixService';
import type { GrokExtensionApi } from '../../src/extension/extension';
import { PROPOSAL_SCHEME } from '../../src/extension/inlineFix/contextKeys';
import type { FakeServer } from '../../src/fakeServer/server';
import { startFakeServer } from '../../src/fakeServer/server';
import type { RequestGate } from './requestGate';
import { startRequestGate } from './requestGate';

export const API_KEY = 'xai-inline-fix-integration-0123456789';
export const ERROR_MESSAGE = "Type 'string' is not assignable to type 'number'.";

const repoRoot = path.resolve(__dirname, '..', '..'); // out/integration/ -> repository root
export const FIXTURE = readFileSync(path.join(repoRoot, 'test', 'fixtures', 'workspace', 'inlinefix', 'wallet.ts.txt'), 'utf8');
/** What the fake's fix (the fixture's fake-fix directive) turns the fixture into, indentation restored. */
export const FIXED = FIXTURE.replace(
  '    const cents: number = String(amount * 100); // fake-fix: String(amount * 100) => Math.round(amount * 100)',
  '    const cents: number = Math.round(amount * 100);',
);

export interface Environment {
  /** The fake xAI server. */
  fast: FakeServer;
  /** The same server behind a gate that holds each request until released: acts "while Grok works". */
  gate: RequestGate;
  inlineFix: InlineFixService;
}

/** Mocha hooks: servers up and the extension configured before the suite; everything restored after. */
export function useInlineFixEnvironment(): Environment {
  const env = {} as Environment;
  before(async function () {
    this.timeout(30_000);
    env.fast = await startFakeServer({ apiKey: API_KEY });
    env.gate = await startRequestGate(env.fast.url);
    const extension = vscode.extensions.getExtension<GrokExtensionApi>('grok-vscode.grok-vscode');
    assert.ok(extension, 'the extension under test is not loaded');
    const api = await extension.activate();
    env.inlineFix = (await api.services()).inlineFix;
    await vscode.commands.executeCommand('grok.setApiKey', API_KEY);
    await useServer(env.fast);
    await grokConfig().update('maxRetries', 0, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const key of ['baseUrl', 'maxRetries', 'inlineFix.preview']) await grokConfig().update(key, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('grok.clearApiKey');
    env.gate?.release();
    await env.gate?.close();
    await env.fast?.close();
  });
  afterEach(async () => {
    env.gate.release();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await grokConfig().update('inlineFix.preview', undefined, vscode.ConfigurationTarget.Global);
    await useServer(env.fast);
  });
  return env;
}

export function grokConfig(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('grok');
}

export async function useServer(server: { url: string }): Promise<void> {
  await grokConfig().update('baseUrl', server.url, vscode.ConfigurationTarget.Global);
}

// Every test bundle has its own copy of this module: the random part keeps their files apart. (Writing over
// a file another test still has loaded makes VS Code reload it, which cancels code-action requests.)
const RUN = Math.random().toString(36).slice(2, 8);
let copies = 0;

/** A fresh copy of the fixture (optionally edited), open in an editor, once TypeScript reports its error. */
export async function openWallet(text = FIXTURE): Promise<{ document: vscode.TextDocument; diagnostic: vscode.Diagnostic }> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  const uri = vscode.Uri.joinPath(folder.uri, 'inlinefix', `wallet-${RUN}-${++copies}.ts`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  const diagnostic = await typeScriptError(uri);
  return { document, diagnostic };
}

/** Waits for the TypeScript extension's diagnostic (a real compiler error, not one the test made up). */
export function typeScriptError(uri: vscode.Uri, timeoutMs = 30_000): Promise<vscode.Diagnostic> {
  return new Promise((resolve, reject) => {
    const find = () => vscode.languages.getDiagnostics(uri).find((d) => d.source === 'ts' && d.message === ERROR_MESSAGE);
    const done = (diagnostic: vscode.Diagnostic | undefined, error?: Error) => {
      subscription.dispose();
      clearTimeout(timer);
      if (diagnostic) resolve(diagnostic);
      else reject(error);
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((changed) => changed.toString() === uri.toString())) {
        const found = find();
        if (found) done(found);
      }
    });
    const timer = setTimeout(() => done(undefined, new Error(`TypeScript reported no TS2322 for ${uri.fsPath} within ${timeoutMs} ms`)), timeoutMs);
    const already = find();
    if (already) done(already);
  });
}

/** Polls a condition the test cannot subscribe to (the fake server's request log), bounded. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The "Fix with Grok" quick fix VS Code offers for the diagnostic (through every registered provider). */
export async function grokQuickFix(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
  const fix = actions.find((action): action is vscode.CodeAction => 'kind' in action && action.title === `Fix with Grok: ${ERROR_MESSAGE}`);
  assert.ok(fix, `no "Fix with Grok" among: ${actions.map((a) => a.title).join(' | ')}`);
  return fix;
}

export async function runCodeAction(action: vscode.CodeAction): Promise<InlineFixResult> {
  assert.ok(action.command, 'the code action has no command');
  return vscode.commands.executeCommand<InlineFixResult>(action.command.command, ...(action.command.arguments ?? []));
}

/** The open proposal diffs (right side on the proposal scheme). */
export function proposalTabs(): vscode.TabInputTextDiff[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .map((tab) => tab.input)
    .filter((input): input is vscode.TabInputTextDiff => input instanceof vscode.TabInputTextDiff && input.modified.scheme === PROPOSAL_SCHEME);
}

export function expectStatus<S extends InlineFixResult['status']>(result: InlineFixResult, status: S): Extract<InlineFixResult, { status: S }> {
  assert.equal(result.status, status, `expected ${status}, got ${JSON.stringify(result)}`);
  return result as Extract<InlineFixResult, { status: S }>;
}
