/**
 * Quick fixes for the linter's diagnostics: each finding's fixes (plain edits from the core, titles included)
 * as one `WorkspaceEdit` each. Offered only while the document is at the version the findings were computed
 * for, so a fix can never be applied to text it was not made for.
 */
import * as vscode from 'vscode';
import type { SchemaDiagnostics } from './schemaDiagnostics';

export class SchemaFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly diagnostics: SchemaDiagnostics) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only !== undefined && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    const fixable = context.diagnostics.flatMap((diagnostic) => {
      const found = this.diagnostics.fixesFor(document, diagnostic);
      return found === undefined ? [] : [{ diagnostic, ...found }];
    });
    // Several tools' problems under the cursor: the same fix title would be ambiguous without the tool's name.
    const nameTools = new Set(fixable.map(({ finding }) => finding.toolName)).size > 1;
    return fixable.flatMap(({ diagnostic, finding, fixes }) =>
      fixes.map((fix) => {
        const title = nameTools && finding.toolName !== undefined ? `${fix.title} (${finding.toolName})` : fix.title;
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        const edit = new vscode.WorkspaceEdit();
        for (const { start, end, newText } of fix.edits) {
          edit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(end)), newText);
        }
        action.edit = edit;
        return action;
      }),
    );
  }
}
