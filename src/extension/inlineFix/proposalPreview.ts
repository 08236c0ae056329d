/**
 * Pending proposals and their diff: the right side is a read-only virtual document (the file as it would
 * read with the proposal), the left side the real document, so the user's edits show live while they
 * review. The virtual text follows the document by re-locating the target on every change. A context key
 * tells package.json when the active tab is such a diff (Accept / Reject in the editor title). Closing
 * the diff discards its proposal.
 */
import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import { applyToText, locateProposal } from '../../core/inlineFix/proposal';
import type { FixProposal } from '../../core/inlineFix/proposal';
import { INLINE_FIX_PREVIEW_CONTEXT_KEY, PROPOSAL_SCHEME } from './contextKeys';

export interface PendingProposal {
  readonly id: string;
  /** The document the proposal is for (reopened by URI when it was closed). */
  readonly uri: vscode.Uri;
  readonly proposal: FixProposal;
  /** What the user asked for, for titles and messages: "Fix" or "Rewrite". */
  readonly verb: 'Fix' | 'Rewrite';
  readonly title: string;
  /** Where the target was last seen; re-location searches nearest to it. */
  lastKnownOffset: number;
  /** The right side's text as last computed (kept while the target cannot be found). */
  proposedText?: string;
}

let nextId = 1;

export class ProposalPreview implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly pending = new Map<string, PendingProposal>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private contextValue = false;

  constructor(private readonly log: Logger) {
    this.disposables.push(
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(PROPOSAL_SCHEME, this),
      vscode.workspace.onDidChangeTextDocument((e) => this.onDocumentChanged(e.document)),
      vscode.window.tabGroups.onDidChangeTabs((e) => {
        this.discardClosed(e.closed);
        void this.updateContextKey();
      }),
      vscode.window.tabGroups.onDidChangeTabGroups(() => void this.updateContextKey()),
      vscode.window.onDidChangeActiveTextEditor(() => void this.updateContextKey()),
    );
  }

  create(init: Omit<PendingProposal, 'id' | 'lastKnownOffset' | 'proposedText'>): PendingProposal {
    const pending: PendingProposal = { ...init, id: `p${nextId++}`, lastKnownOffset: init.proposal.target.offset };
    this.pending.set(pending.id, pending);
    return pending;
  }

  get(id: string): PendingProposal | undefined {
    return this.pending.get(id);
  }

  /** The proposal whose diff is the active tab; else the only pending one. */
  active(): PendingProposal | undefined {
    const id = this.idOfTab(vscode.window.tabGroups.activeTabGroup.activeTab);
    if (id && this.pending.has(id)) return this.pending.get(id);
    return this.pending.size === 1 ? [...this.pending.values()][0] : undefined;
  }

  uriOf(pending: PendingProposal): vscode.Uri {
    // The original path keeps the file name (and its language) in the tab; the query names the proposal.
    const path = pending.uri.path.startsWith('/') ? pending.uri.path : `/${pending.uri.path}`;
    return vscode.Uri.from({ scheme: PROPOSAL_SCHEME, path, query: `id=${pending.id}` });
  }

  /** Opens the diff: the document as it is on the left, with the proposal on the right. */
  async show(pending: PendingProposal, document: vscode.TextDocument): Promise<void> {
    const right = this.uriOf(pending);
    const name = pending.uri.path.split('/').pop() || pending.uri.toString();
    const start = document.positionAt(pending.lastKnownOffset);
    await vscode.commands.executeCommand('vscode.diff', document.uri, right, `${name} ↔ Grok's ${pending.verb.toLowerCase()}: ${pending.title}`, {
      preview: false,
      selection: new vscode.Range(start, start),
    } satisfies vscode.TextDocumentShowOptions);
    // Syntax colouring on the right even for untitled files (their path has no extension).
    const virtual = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === right.toString());
    if (virtual && virtual.languageId !== document.languageId) {
      await vscode.languages.setTextDocumentLanguage(virtual, document.languageId).then(undefined, () => undefined);
    }
    await this.updateContextKey();
  }

  /** Forgets the proposal and closes its diff. */
  async discard(pending: PendingProposal): Promise<void> {
    this.pending.delete(pending.id);
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => this.idOfTab(tab) === pending.id);
    if (tabs.length > 0) await vscode.window.tabGroups.close(tabs, true);
    await this.updateContextKey();
  }

  /** Kept current by `refresh` (on creation and on every change to the document), so this only reads. */
  provideTextDocumentContent(uri: vscode.Uri): string {
    const pending = this.pending.get(new URLSearchParams(uri.query).get('id') ?? '');
    if (!pending) return '';
    if (pending.proposedText === undefined) {
      const document = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === pending.uri.toString());
      if (document) this.refresh(pending, document.getText());
    }
    return pending.proposedText ?? '';
  }

  /** Recomputes the right side against the document's current text; keeps the last one when the target is gone. */
  refresh(pending: PendingProposal, currentText: string): void {
    const located = locateProposal(currentText, pending.proposal, pending.lastKnownOffset);
    if (!located.ok) return;
    pending.lastKnownOffset = located.targetOffset;
    pending.proposedText = applyToText(currentText, located.edit);
  }

  private onDocumentChanged(document: vscode.TextDocument): void {
    for (const pending of this.pending.values()) {
      if (pending.uri.toString() !== document.uri.toString()) continue;
      this.refresh(pending, document.getText());
      this.changed.fire(this.uriOf(pending));
    }
  }

  private discardClosed(closed: readonly vscode.Tab[]): void {
    for (const tab of closed) {
      const id = this.idOfTab(tab);
      if (!id || !this.pending.has(id)) continue;
      const stillShown = vscode.window.tabGroups.all.some((group) => group.tabs.some((other) => this.idOfTab(other) === id));
      if (stillShown) continue;
      this.pending.delete(id);
      this.log.info(`Inline fix ${id}: preview closed; proposal discarded.`);
    }
  }

  private idOfTab(tab: vscode.Tab | undefined): string | undefined {
    const input = tab?.input;
    if (!(input instanceof vscode.TabInputTextDiff) || input.modified.scheme !== PROPOSAL_SCHEME) return undefined;
    return new URLSearchParams(input.modified.query).get('id') ?? undefined;
  }

  private async updateContextKey(): Promise<void> {
    const id = this.idOfTab(vscode.window.tabGroups.activeTabGroup.activeTab);
    const value = id !== undefined && this.pending.has(id);
    if (value === this.contextValue) return;
    this.contextValue = value;
    await vscode.commands.executeCommand('setContext', INLINE_FIX_PREVIEW_CONTEXT_KEY, value);
  }

  dispose(): void {
    this.pending.clear();
    void vscode.commands.executeCommand('setContext', INLINE_FIX_PREVIEW_CONTEXT_KEY, false);
    for (const d of this.disposables) d.dispose();
  }
}
