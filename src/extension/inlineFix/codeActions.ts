/**
 * Offers Grok on every diagnostic and selection, in every file language: "Fix with Grok: <message>"
 * per diagnostic (any source), and "Rewrite with Grok…" / "Explain with Grok" on a non-empty selection.
 * Offering is free: each action carries a command, and nothing is sent to Grok until one is chosen.
 * Part of the activation bundle, so it imports nothing heavy.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../../core/config/ids';
import { toDiagnosticInfo, toPlainRange } from '../editorContext';
import type { FixCommandArgs, RewriteCommandArgs } from './commandArgs';

/** Diagnostics under the cursor are few; a flood (a broken file) still gets a bounded menu. */
const MAX_FIX_ACTIONS = 8;
const MAX_TITLE_MESSAGE_CHARS = 70;

export const GROK_CODE_ACTION_KINDS = {
  fix: vscode.CodeActionKind.QuickFix.append('grok'),
  rewrite: vscode.CodeActionKind.RefactorRewrite.append('grok'),
  explain: vscode.CodeActionKind.Empty.append('grok').append('explain'),
} as const;

export class GrokCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.RefactorRewrite, GROK_CODE_ACTION_KINDS.explain],
  };

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    if (wants(context.only, GROK_CODE_ACTION_KINDS.fix)) {
      for (const diagnostic of uniqueDiagnostics(context.diagnostics).slice(0, MAX_FIX_ACTIONS)) actions.push(fixAction(document, diagnostic));
    }
    if (!range.isEmpty && hasCode(document, range)) {
      if (wants(context.only, GROK_CODE_ACTION_KINDS.rewrite)) actions.push(rewriteAction(document, range));
      if (wants(context.only, GROK_CODE_ACTION_KINDS.explain)) {
        const explain = new vscode.CodeAction('Explain with Grok', GROK_CODE_ACTION_KINDS.explain);
        // The existing flow: the panel explains the active editor's selection.
        explain.command = { command: COMMANDS.explain, title: 'Explain with Grok' };
        actions.push(explain);
      }
    }
    return actions;
  }
}

function fixAction(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(`Fix with Grok: ${oneLine(diagnostic.message)}`, GROK_CODE_ACTION_KINDS.fix);
  action.diagnostics = [diagnostic];
  // The language's own fixes stay the preferred ones (Ctrl+. on a problem applies those).
  action.isPreferred = false;
  const args: FixCommandArgs = { uri: document.uri.toString(), diagnostic: toDiagnosticInfo(diagnostic), version: document.version };
  action.command = { command: COMMANDS.inlineFix, title: 'Fix with Grok', arguments: [args] };
  return action;
}

function rewriteAction(document: vscode.TextDocument, range: vscode.Range): vscode.CodeAction {
  const action = new vscode.CodeAction('Rewrite with Grok…', GROK_CODE_ACTION_KINDS.rewrite);
  const args: RewriteCommandArgs = { uri: document.uri.toString(), range: toPlainRange(range) };
  action.command = { command: COMMANDS.inlineRewrite, title: 'Rewrite with Grok…', arguments: [args] };
  return action;
}

/** Whether the range holds anything but whitespace, without copying a huge selection on every cursor move. */
function hasCode(document: vscode.TextDocument, range: vscode.Range): boolean {
  if (range.isSingleLine) return document.getText(range).trim() !== '';
  const edges = [new vscode.Range(range.start, document.lineAt(range.start.line).range.end), new vscode.Range(range.end.with(undefined, 0), range.end)];
  if (edges.some((edge) => document.getText(edge).trim() !== '')) return true;
  for (let line = range.start.line + 1; line < range.end.line; line++) {
    if (!document.lineAt(line).isEmptyOrWhitespace) return true;
  }
  return false;
}

function wants(only: vscode.CodeActionKind | undefined, kind: vscode.CodeActionKind): boolean {
  return !only || only.contains(kind);
}

/** The same problem reported twice (two linters, or a provider repeating itself) gets one action. */
function uniqueDiagnostics(diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  const seen = new Set<string>();
  const unique: vscode.Diagnostic[] = [];
  for (const diagnostic of [...diagnostics].sort((a, b) => a.severity - b.severity)) {
    if (typeof diagnostic.message !== 'string' || diagnostic.message.trim() === '') continue;
    const key = `${diagnostic.message.trim()}@${diagnostic.range.start.line}:${diagnostic.range.start.character}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(diagnostic);
  }
  return unique;
}

function oneLine(message: string): string {
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length <= MAX_TITLE_MESSAGE_CHARS ? line : `${line.slice(0, MAX_TITLE_MESSAGE_CHARS - 1).trimEnd()}…`;
}
