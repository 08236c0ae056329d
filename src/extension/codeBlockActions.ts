/**
 * The chat panel's code block actions, in the editor: Copy (the host's clipboard: a webview's own
 * clipboard access is unreliable), Insert at Cursor (one undo step), Apply to Selection (through the
 * inline-fix diff with Accept / Reject) and Open in New File (an untitled document in the block's
 * language). Clicking in the panel takes focus from the editor, so the target is the text editor
 * that was active last.
 */
import * as vscode from 'vscode';
import { textToInsert } from '../core/codeBlocks/insertion';
import { languageIdForFence } from '../core/codeBlocks/languageIds';
import type { Logger } from '../core/logger';
import type { CodeBlockAction } from '../core/panelProtocol';

/** What an action did; returned to callers (tests) and logged. */
export type CodeBlockActionResult =
  | { status: 'copied' }
  | { status: 'inserted'; uri: vscode.Uri; range: vscode.Range }
  | { status: 'previewing'; uri: vscode.Uri }
  /** Apply: the selection already is the code. */
  | { status: 'unchanged' }
  | { status: 'opened'; document: vscode.TextDocument }
  /** Nothing happened, for the reason given (shown to the user as a warning). */
  | { status: 'refused'; message: string }
  /** Nothing happened; the preview already told the user why. */
  | { status: 'failed' };

/** Shows `replacement` for `range` as a diff to accept or reject (InlineFixService.previewReplacement). */
export type ReplacementPreview = (document: vscode.TextDocument, range: vscode.Range, replacement: string, title: string) => Promise<{ status: string }>;

/** Documents a person edits; not output channels, diffs' virtual sides, git views or settings UIs. */
const EDITABLE_SCHEMES = new Set(['file', 'untitled', 'vscode-notebook-cell', 'vscode-vfs', 'vscode-remote', 'vscode-userdata']);

export class CodeBlockActions implements vscode.Disposable {
  private lastEditor: vscode.TextEditor | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly log: Logger,
    private readonly previewReplacement: ReplacementPreview,
  ) {
    this.remember(vscode.window.activeTextEditor);
    this.subscription = vscode.window.onDidChangeActiveTextEditor((editor) => this.remember(editor));
  }

  async run(action: CodeBlockAction, code: string, language?: string): Promise<CodeBlockActionResult> {
    const result = await this.perform(action, code, language);
    if (result.status === 'refused') void vscode.window.showWarningMessage(`Grok: ${result.message}`);
    this.log.info(`Code block ${action} (${language ?? 'no language'}, ${code.length} chars): ${result.status}`);
    return result;
  }

  private async perform(action: CodeBlockAction, code: string, language?: string): Promise<CodeBlockActionResult> {
    switch (action) {
      case 'copy':
        await vscode.env.clipboard.writeText(code);
        vscode.window.setStatusBarMessage('Grok: code copied to the clipboard.', 3000);
        return { status: 'copied' };
      case 'insert':
        return this.insert(code);
      case 'apply':
        return this.apply(code);
      case 'newFile':
        return this.openInNewFile(code, language);
    }
  }

  private async insert(code: string): Promise<CodeBlockActionResult> {
    const editor = await this.targetEditor();
    if (!editor) return { status: 'refused', message: 'Open a file and put the cursor where the code should go, then press Insert again.' };
    const { document, selection } = editor;
    const start = selection.start;
    const end = selection.end;
    const text = textToInsert(code, {
      linePrefix: document.lineAt(start.line).text.slice(0, start.character),
      lineSuffix: document.lineAt(end.line).text.slice(end.character),
      eol: document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n',
      indentation: indentationOf(editor),
    });
    const startOffset = document.offsetAt(start);
    // TextEditor.edit is one undo step, and fails (rather than lands elsewhere) if the document moved on.
    const applied = await editor.edit((builder) => builder.replace(selection, text));
    if (!applied) return { status: 'refused', message: 'The editor did not accept the insertion (is the file read-only?).' };
    const range = new vscode.Range(document.positionAt(startOffset), document.positionAt(startOffset + text.length));
    editor.selection = new vscode.Selection(range.end, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return { status: 'inserted', uri: document.uri, range };
  }

  private async apply(code: string): Promise<CodeBlockActionResult> {
    const editor = await this.targetEditor();
    if (!editor) return { status: 'refused', message: 'Open a file and select the code to replace, then press Apply again.' };
    if (editor.document.getText(editor.selection).trim() === '') {
      return { status: 'refused', message: 'Select the code to replace first (or use Insert to add the code at the cursor).' };
    }
    // Focus the editor first: the diff opens in the active group, over the code rather than the panel.
    const selection = editor.selection;
    const focused = await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false, preview: false, selection });
    const result = await this.previewReplacement(focused.document, selection, code, 'code block from the chat');
    if (result.status === 'previewing') return { status: 'previewing', uri: editor.document.uri };
    return result.status === 'no-change' ? { status: 'unchanged' } : { status: 'failed' };
  }

  private async openInNewFile(code: string, language?: string): Promise<CodeBlockActionResult> {
    const known = new Set(await vscode.languages.getLanguages());
    const document = await vscode.workspace.openTextDocument({ language: languageIdForFence(language, known), content: code });
    await vscode.window.showTextDocument(document, { preview: false, viewColumn: this.lastEditor?.viewColumn ?? vscode.ViewColumn.One });
    return { status: 'opened', document };
  }

  /**
   * The editor the user was working in: the active one, else the one active last (the panel has the
   * focus now), re-shown when its tab is in the background. Undefined when that tab was closed.
   */
  private async targetEditor(): Promise<vscode.TextEditor | undefined> {
    const active = vscode.window.activeTextEditor;
    if (active && isEditable(active.document)) return active;
    const last = this.lastEditor;
    if (!last || last.document.isClosed) return undefined;
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document === last.document && editor.viewColumn === last.viewColumn);
    if (visible) return visible;
    if (!hasTab(last.document.uri)) return undefined;
    const selection = last.selection;
    const shown = await vscode.window.showTextDocument(last.document, { viewColumn: last.viewColumn, preserveFocus: true, preview: false });
    shown.selection = selection;
    return shown;
  }

  private remember(editor: vscode.TextEditor | undefined): void {
    if (editor && isEditable(editor.document)) this.lastEditor = editor;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

/** A closed tab's document can linger in memory; only an open tab counts as "still being worked on". */
function hasTab(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === key));
}

function isEditable(document: vscode.TextDocument): boolean {
  return EDITABLE_SCHEMES.has(document.uri.scheme) && !document.isClosed;
}

function indentationOf(editor: vscode.TextEditor): { useTabs?: boolean; tabSize?: number } {
  const { insertSpaces, tabSize } = editor.options;
  return {
    ...(typeof insertSpaces === 'boolean' ? { useTabs: !insertSpaces } : {}),
    ...(typeof tabSize === 'number' ? { tabSize } : {}),
  };
}
