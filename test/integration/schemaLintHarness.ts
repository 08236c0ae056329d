// Shared set-up for the tool-schema linter's integration tests: fresh copies of the fixtures in
// test/fixtures/workspace/tools/, the linter's diagnostics, and waits on real events with bounded time.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type * as ts from 'typescript';
import * as vscode from 'vscode';

const repoRoot = path.resolve(__dirname, '..', '..'); // out/integration/ -> repository root

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  return folder;
}

export function workspaceUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...relativePath.split('/'));
}

/** The linter's diagnostics for `uri` (other extensions' are left out). */
export function grokDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Grok');
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/**
 * Resolves with the linter's diagnostics for `uri` once `accept` holds for them: checked now and on every
 * diagnostics change for `uri`. `afterChange`: only a change that comes after this call counts.
 */
export function waitForGrokDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  options: { afterChange?: boolean; timeoutMs?: number } = {},
): Promise<vscode.Diagnostic[]> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  return new Promise((resolve, reject) => {
    const check = () => {
      const diagnostics = grokDiagnostics(uri);
      if (!accept(diagnostics)) return;
      subscription.dispose();
      clearTimeout(timer);
      resolve(diagnostics);
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      const now = grokDiagnostics(uri).map((d) => `${ruleOf(d)}@${d.range.start.line}:${d.range.start.character}`);
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what} on ${uri.fsPath} (now: [${now.join(', ')}])`));
    }, timeoutMs);
    if (!options.afterChange) check();
  });
}

let copies = 0;
const scratch: vscode.Uri[] = [];

/** Copies `tools/<name>` (optionally edited) to a fresh scratch file and opens it in an editor. */
export async function openToolCopy(name: string, edit: (text: string) => string = (text) => text): Promise<vscode.TextEditor> {
  const original = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(`tools/${name}`)));
  const uri = workspaceUri(`scratch/${++copies}-${name}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(edit(original)));
  scratch.push(uri);
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

/** Closes every editor and deletes the scratch copies (edited ones reverted first: closing would ask to save). */
export async function removeToolCopies(): Promise<void> {
  const copies = new Set(scratch.map((uri) => uri.toString()));
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty || !copies.has(document.uri.toString())) continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  for (const uri of scratch.splice(0)) await vscode.workspace.fs.delete(uri, { useTrash: false }).then(undefined, () => undefined);
}

/**
 * The quick fix titled `title` that VS Code offers (through every provider) for `diagnostic`. VS Code drops
 * every provider's answer, or throws "Canceled", when the set of providers changes during the request (the
 * JSON and TypeScript extensions register theirs when their servers start), as its UI would then ask again:
 * so does this, a bounded number of times.
 */
export async function quickFix(uri: vscode.Uri, diagnostic: vscode.Diagnostic, title: string): Promise<vscode.CodeAction> {
  let offered: string[] = [];
  for (let attempt = 1; attempt <= 3; attempt++) {
    let actions: (vscode.CodeAction | vscode.Command)[];
    try {
      actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
    } catch (error) {
      if (error instanceof Error && (error.name === 'Canceled' || error.message === 'Canceled')) continue;
      throw error;
    }
    const action = actions.find((candidate): candidate is vscode.CodeAction => 'kind' in candidate && candidate.title === title);
    if (action) {
      assert.ok(action.kind && vscode.CodeActionKind.QuickFix.contains(action.kind), `"${title}" is not a quick fix`);
      assert.ok(action.edit, `"${title}" carries no edit`);
      return action;
    }
    offered = actions.map((candidate) => candidate.title);
  }
  assert.fail(`no quick fix "${title}" among: ${offered.join(' | ')}`);
}

/** The range of the first (or last) occurrence of `needle` in the document. */
export function rangeOf(document: vscode.TextDocument, needle: string, occurrence: 'first' | 'last' = 'first'): vscode.Range {
  const start = occurrence === 'first' ? document.getText().indexOf(needle) : document.getText().lastIndexOf(needle);
  assert.ok(start >= 0, `"${needle}" is not in ${document.uri.fsPath}`);
  return new vscode.Range(document.positionAt(start), document.positionAt(start + needle.length));
}

/** TypeScript's syntax errors for `text` (the repository's own compiler, loaded at run time, not bundled). */
export function typeScriptSyntaxErrors(text: string, fileName: string): string[] {
  const typescript = createRequire(path.join(repoRoot, 'package.json'))('typescript') as typeof ts;
  const output = typescript.transpileModule(text, { fileName, reportDiagnostics: true, compilerOptions: { jsx: typescript.JsxEmit.Preserve } });
  return (output.diagnostics ?? []).map((diagnostic) => typescript.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}
