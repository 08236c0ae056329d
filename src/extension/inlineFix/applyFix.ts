/**
 * Writes an accepted proposal into its document as one `WorkspaceEdit` (one undo step) that touches only
 * the changed lines of the target. The target is re-located in the document as it is now; if it is not
 * there exactly, nothing is written. A closed document is reopened first. VS Code itself refuses an
 * edit made against an outdated document version, so a keystroke landing between the check and the
 * edit cannot be overwritten either: the check is then repeated.
 */
import * as vscode from 'vscode';
import { locateProposal } from '../../core/inlineFix/proposal';
import type { PendingProposal } from './proposalPreview';

export type ApplyResult =
  | { status: 'applied'; range: vscode.Range }
  | { status: 'no-change' }
  | { status: 'refused'; message: string }
  | { status: 'failed'; message: string };

const MAX_ATTEMPTS = 3;

export async function applyProposal(pending: PendingProposal): Promise<ApplyResult> {
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(pending.uri);
  } catch (error) {
    return { status: 'refused', message: `The file could not be opened to apply the proposal (${error instanceof Error ? error.message : String(error)}).` };
  }
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const located = locateProposal(document.getText(), pending.proposal, pending.lastKnownOffset);
    if (!located.ok) return { status: 'refused', message: located.message };
    if (located.isNoOp) return { status: 'no-change' };
    pending.lastKnownOffset = located.targetOffset;

    // Shown first, so the edit is undone with one Ctrl+Z in the editor the user looks at.
    const editor = await vscode.window.showTextDocument(document, { preview: false, viewColumn: columnOf(document) });
    const version = document.version;
    const checked = locateProposal(document.getText(), pending.proposal, pending.lastKnownOffset);
    if (!checked.ok) return { status: 'refused', message: checked.message };
    const range = new vscode.Range(document.positionAt(checked.edit.start), document.positionAt(checked.edit.end));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, range, checked.edit.text);
    if (await vscode.workspace.applyEdit(edit)) {
      const start = document.positionAt(checked.edit.start);
      const end = document.positionAt(checked.edit.start + checked.edit.text.length);
      editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return { status: 'applied', range: new vscode.Range(start, end) };
    }
    // Refused for another reason than a newer version (a read-only file): trying again will not help.
    if (document.version === version) return { status: 'failed', message: 'VS Code did not apply the edit (is the file read-only?).' };
  }
  return { status: 'refused', message: 'The file kept changing while the proposal was being applied, so it was not applied.' };
}

/** The column the document is already visible in, so accepting does not open a second copy. */
function columnOf(document: vscode.TextDocument): vscode.ViewColumn | undefined {
  return vscode.window.visibleTextEditors.find((editor) => editor.document === document)?.viewColumn;
}
