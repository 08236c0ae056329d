import * as vscode from 'vscode';
import type { DiagnosticInfo, DocumentSnapshot, Range } from '../core/prompts/types';

/** Plain snapshots of VS Code objects for the pure prompt builder. */
export function snapshotDocument(document: vscode.TextDocument): DocumentSnapshot {
  return {
    text: document.getText(),
    languageId: document.languageId,
    relativePath: vscode.workspace.asRelativePath(document.uri, false),
    eol: document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n',
  };
}

export function toPlainRange(range: vscode.Range): Range {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}

export function fromPlainRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

const SEVERITY: Record<vscode.DiagnosticSeverity, DiagnosticInfo['severity']> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

export function toDiagnosticInfo(diagnostic: vscode.Diagnostic): DiagnosticInfo {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return {
    range: toPlainRange(diagnostic.range),
    message: diagnostic.message,
    severity: SEVERITY[diagnostic.severity],
    ...(diagnostic.source ? { source: diagnostic.source } : {}),
    ...(code !== undefined ? { code: String(code) } : {}),
  };
}

/**
 * Ranges of the document symbols whose lines include the cursor's line, outermost first. Matching by
 * line (not `Range.contains`) keeps a method whose indentation the cursor sits in. Empty when no
 * symbol provider answers.
 */
export async function enclosingSymbolRanges(document: vscode.TextDocument, position: vscode.Position): Promise<Range[]> {
  let symbols: (vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined;
  try {
    symbols = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined>(
      'vscode.executeDocumentSymbolProvider',
      document.uri,
    );
  } catch {
    return [];
  }
  const found: Range[] = [];
  const visit = (list: readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[]) => {
    for (const symbol of list) {
      const range = 'range' in symbol ? symbol.range : symbol.location.range;
      if (position.line < range.start.line || position.line > range.end.line) continue;
      found.push(toPlainRange(range));
      if ('children' in symbol) visit(symbol.children);
    }
  };
  visit(symbols ?? []);
  return found;
}
