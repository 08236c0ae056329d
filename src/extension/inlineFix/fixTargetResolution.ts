/**
 * Which document and diagnostic a command works on: those its code action named, re-checked against
 * the document as it is now, or (arguments dropped, keybinding, palette) the active editor's.
 */
import * as vscode from 'vscode';
import type { DiagnosticInfo } from '../../core/prompts/types';
import { toDiagnosticInfo } from '../editorContext';

/** The named document (opened if it was closed), else the active editor's. */
export async function resolveDocument(uri: string | undefined): Promise<vscode.TextDocument | undefined> {
  if (uri) {
    try {
      return await vscode.workspace.openTextDocument(vscode.Uri.parse(uri, true));
    } catch {
      return undefined;
    }
  }
  return vscode.window.activeTextEditor?.document;
}

/**
 * The diagnostic to fix. One named by a code action is looked up in the document's current diagnostics
 * (by message, source and code, nearest first) so a fix chosen after typing uses the moved range; when
 * it is gone the named one is used as offered. Without one: the most severe at the cursor.
 */
export function findDiagnostic(document: vscode.TextDocument, named: DiagnosticInfo | undefined): DiagnosticInfo | undefined {
  const current = vscode.languages.getDiagnostics(document.uri);
  if (named) {
    const same = current
      .map(toDiagnosticInfo)
      .filter((d) => d.message === named.message && d.source === named.source && d.code === named.code)
      .sort((a, b) => distance(a, named) - distance(b, named));
    return same[0] ?? named;
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document !== document) return undefined;
  const selection = editor.selection;
  const atCursor = current.filter((d) => d.range.intersection(selection) !== undefined || d.range.contains(selection.active));
  atCursor.sort((a, b) => a.severity - b.severity || size(document, a.range) - size(document, b.range));
  return atCursor[0] ? toDiagnosticInfo(atCursor[0]) : undefined;
}

function distance(a: DiagnosticInfo, b: DiagnosticInfo): number {
  return Math.abs(a.range.start.line - b.range.start.line) * 10_000 + Math.abs(a.range.start.character - b.range.start.character);
}

function size(document: vscode.TextDocument, range: vscode.Range): number {
  return document.offsetAt(range.end) - document.offsetAt(range.start);
}

