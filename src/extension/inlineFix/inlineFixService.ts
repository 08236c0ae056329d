/**
 * The inline-fix flow (the heavy half, loaded with the services bundle): gather the document and its
 * diagnostics → plan the request (core) → send it behind a cancellable progress notification → read the
 * structured answer (or the prose fallback) → preview the proposal as a diff with Accept / Reject, or
 * apply it at once when `grok.inlineFix.preview` is off. Every failure is a notification with a way
 * forward, and leaves the document untouched.
 */
import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import { buildInlineFixPlan } from '../../core/inlineFix/fixPrompt';
import { parseFixAnswer } from '../../core/inlineFix/parseAnswer';
import { createProposal, locateProposal } from '../../core/inlineFix/proposal';
import type { FixTarget, InlineFixKind, InlineFixPlan } from '../../core/inlineFix/types';
import { InlineFixError } from '../../core/inlineFix/types';
import type { DiagnosticInfo, Range } from '../../core/prompts/types';
import type { CredentialStore } from '../credentials';
import { snapshotDocument, toDiagnosticInfo, toPlainRange } from '../editorContext';
import { readSettings } from '../settings';
import { applyProposal } from './applyFix';
import { parseFixArgs, parseProposalId, parseRewriteArgs } from './commandArgs';
import { PREVIEW_SETTING, PROPOSAL_SCHEME } from './contextKeys';
import { findDiagnostic, resolveDocument } from './fixTargetResolution';
import { FixRequests } from './fixRequest';
import { notifyGrokError, notifyRefused, notifyUnusableAnswer } from './fixNotifications';
import type { PendingProposal } from './proposalPreview';
import { ProposalPreview } from './proposalPreview';

/** What a command did; returned to its caller (tests, other commands) and logged. */
export type InlineFixResult =
  | {
      status: 'previewing';
      proposalId: string;
      /** The document's version when the request was built, and when the answer arrived. */
      requestVersion: number;
      answerVersion: number;
      usedFallback: boolean;
    }
  | { status: 'applied'; proposalId: string; usedFallback: boolean }
  | { status: 'rejected'; proposalId: string }
  | { status: 'no-change'; explanation: string }
  | { status: 'refused'; message: string }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string };

interface Job {
  kind: InlineFixKind;
  document: vscode.TextDocument;
  diagnostic?: DiagnosticInfo;
  selection?: Range;
  instruction?: string;
}

export class InlineFixService implements vscode.Disposable {
  private readonly preview: ProposalPreview;
  private readonly requests: FixRequests;

  constructor(
    private readonly log: Logger,
    private readonly credentials: CredentialStore,
  ) {
    this.preview = new ProposalPreview(log);
    this.requests = new FixRequests(log);
  }

  /** "Fix with Grok": the diagnostic from the code action, or the one at the cursor. */
  async fix(args?: unknown): Promise<InlineFixResult> {
    const parsed = parseFixArgs(args);
    const document = await resolveDocument(parsed?.uri);
    if (!document) return this.warn('Open a file and put the cursor on a problem to fix it with Grok.');
    const diagnostic = findDiagnostic(document, parsed?.diagnostic);
    if (!diagnostic) return this.warn('There is no problem at the cursor to fix. Put the cursor on a squiggle, or select code and use "Rewrite with Grok…".');
    return this.run({ kind: 'fix', document, diagnostic });
  }

  /** "Rewrite with Grok…": the selection from the code action, or the active editor's, with the user's instruction. */
  async rewrite(args?: unknown): Promise<InlineFixResult> {
    const parsed = parseRewriteArgs(args);
    const document = await resolveDocument(parsed?.uri);
    const editor = vscode.window.activeTextEditor;
    const selection = parsed?.range ?? (editor && editor.document === document && !editor.selection.isEmpty ? toPlainRange(editor.selection) : undefined);
    if (!document || !selection) return this.warn('Select the code to rewrite with Grok first.');
    const instruction =
      parsed?.instruction?.trim() ||
      (await vscode.window.showInputBox({
        title: 'Rewrite with Grok',
        prompt: 'What should change in the selected code?',
        placeHolder: 'e.g. Use async/await instead of callbacks',
        ignoreFocusOut: true,
        validateInput: (value) => (value.trim() === '' ? 'Describe the change.' : undefined),
      }));
    if (!instruction?.trim()) return { status: 'cancelled' };
    return this.run({ kind: 'rewrite', document, selection, instruction: instruction.trim() });
  }

  /** Accept: applies the proposal of the active diff (or the one named). */
  async accept(id?: unknown): Promise<InlineFixResult> {
    const pending = this.pendingFor(id);
    if (!pending) return this.warn('There is no Grok proposal to accept here.');
    // Checked before the diff closes: a refused proposal stays on screen, ready to copy.
    const document = await vscode.workspace.openTextDocument(pending.uri).then(
      (doc) => doc,
      () => undefined,
    );
    const located = document ? locateProposal(document.getText(), pending.proposal, pending.lastKnownOffset) : undefined;
    if (located && !located.ok) return this.refuse(pending, located.message);
    await this.preview.discard(pending);
    return this.apply(pending);
  }

  /** Reject: closes the diff; the document is not touched. */
  async reject(id?: unknown): Promise<InlineFixResult> {
    const pending = this.pendingFor(id);
    if (!pending) return this.warn('There is no Grok proposal to reject here.');
    await this.preview.discard(pending);
    this.log.info(`Inline fix ${pending.id}: rejected.`);
    return { status: 'rejected', proposalId: pending.id };
  }

  /**
   * Previews replacing `range` of `document` with `replacement` that did not come from a fix request
   * (the chat panel's "Apply" on a code block): shaped like a fix's answer (indentation, line endings),
   * then the same diff, Accept / Reject and stale-document checks.
   */
  async previewReplacement(document: vscode.TextDocument, range: vscode.Range, replacement: string, title: string): Promise<InlineFixResult> {
    const text = document.getText();
    const target: FixTarget = { range: toPlainRange(range), text: document.getText(range), offset: document.offsetAt(range.start), kind: 'selection' };
    if (target.text.trim() === '') return this.warn('Select the code to replace first.');
    const proposal = createProposal({
      target,
      requestText: text,
      eol: document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n',
      indentation: editorIndentation(document),
      answer: { replacement, explanation: '', usedFallback: false },
    });
    if (proposal.replacement === proposal.target.text) {
      vscode.window.setStatusBarMessage('Grok: the selection already reads like that.', 6000);
      return { status: 'no-change', explanation: '' };
    }
    const pending = this.preview.create({ uri: document.uri, proposal, verb: 'Rewrite', title });
    this.preview.refresh(pending, text);
    await this.preview.show(pending, document);
    this.log.info(`Inline fix ${pending.id}: previewing a replacement from ${title}.`);
    return { status: 'previewing', proposalId: pending.id, requestVersion: document.version, answerVersion: document.version, usedFallback: false };
  }

  /** Cancels requests in flight (what the progress notification's Cancel does). */
  cancelRunning(): void {
    this.requests.cancelAll();
  }

  private async run(job: Job): Promise<InlineFixResult> {
    const verb = job.kind === 'fix' ? 'Fix' : 'Rewrite';
    // A retry works on the document as it is then (reopened if it was closed meanwhile).
    const retry = async () => this.run({ ...job, document: await vscode.workspace.openTextDocument(job.document.uri) });
    const credentials = await this.credentials.get();
    if (!credentials) {
      notifyGrokError(verb, { kind: 'missing-api-key', message: 'No xAI API key is set. Run "Grok: Set API Key" (or set XAI_API_KEY).', actions: ['set-api-key'] }, retry, this.log);
      return { status: 'failed', message: 'No xAI API key is set.' };
    }

    const { document } = job;
    const snapshot = snapshotDocument(document);
    const requestVersion = document.version;
    let plan: InlineFixPlan;
    try {
      const settings = readSettings();
      plan = buildInlineFixPlan({
        kind: job.kind,
        doc: snapshot,
        diagnostic: job.diagnostic,
        selection: job.selection,
        instruction: job.instruction,
        diagnostics: vscode.languages.getDiagnostics(document.uri).map(toDiagnosticInfo),
        budget: { contextLines: settings.contextLines, maxSelectionChars: settings.maxSelectionChars },
      });
    } catch (error) {
      if (error instanceof InlineFixError) return this.warn(error.message);
      throw error;
    }
    this.log.info(`Inline ${verb.toLowerCase()} in ${snapshot.relativePath} (${plan.target.kind}, ${plan.target.text.length} chars): ${plan.title}`);

    const outcome = await this.requests.run(plan.request, credentials, `Grok is ${job.kind === 'fix' ? 'fixing' : 'rewriting'}: ${plan.title}`);
    if (outcome.status === 'cancelled') {
      this.log.info(`Inline ${verb.toLowerCase()} cancelled; nothing changed.`);
      return { status: 'cancelled' };
    }
    if (outcome.status === 'error') {
      notifyGrokError(verb, outcome.error, retry, this.log);
      return { status: 'failed', message: outcome.error.message };
    }
    const answer = parseFixAnswer(outcome.text, { targetText: plan.target.text, incomplete: outcome.status === 'incomplete' });
    if (!answer.ok) {
      notifyUnusableAnswer(verb, answer.error, outcome.text, retry, this.log);
      return { status: 'failed', message: answer.error };
    }
    if (answer.usedFallback) this.log.info(`Inline ${verb.toLowerCase()}: ${answer.fallbackReason ?? 'used the prose fallback'}`);
    for (const note of answer.notes) this.log.debug(`Inline ${verb.toLowerCase()}: ${note}`);

    const proposal = createProposal({ target: plan.target, requestText: snapshot.text, eol: snapshot.eol ?? '\n', indentation: editorIndentation(document), answer });
    if (proposal.replacement === proposal.target.text) {
      vscode.window.setStatusBarMessage(`Grok proposes no change: ${answer.explanation || 'the code is fine as it is.'}`, 6000);
      return { status: 'no-change', explanation: answer.explanation };
    }
    // The user may have edited (or closed) the document while Grok worked.
    const current = await vscode.workspace.openTextDocument(document.uri);
    const answerVersion = current.version;
    const located = locateProposal(current.getText(), proposal);
    if (!located.ok) {
      notifyRefused(located.message, proposal.replacement, this.log);
      return { status: 'refused', message: located.message };
    }
    const pending = this.preview.create({ uri: document.uri, proposal, verb, title: plan.title });
    pending.lastKnownOffset = located.targetOffset;

    // An empty replacement deletes the code: always shown first, whatever the setting says.
    const wantsPreview = vscode.workspace.getConfiguration('grok').get<unknown>(PREVIEW_SETTING) !== false || proposal.replacement === '';
    if (!wantsPreview) {
      try {
        return await this.apply(pending);
      } finally {
        await this.preview.discard(pending);
      }
    }
    this.preview.refresh(pending, current.getText());
    await this.preview.show(pending, current);
    if (answer.usedFallback) vscode.window.setStatusBarMessage('Grok answered in prose; the proposal is the code block from its answer.', 8000);
    this.log.info(`Inline fix ${pending.id}: previewing (${answer.explanation || 'no explanation'}).`);
    return { status: 'previewing', proposalId: pending.id, requestVersion, answerVersion, usedFallback: answer.usedFallback };
  }

  private async apply(pending: PendingProposal): Promise<InlineFixResult> {
    const result = await applyProposal(pending);
    switch (result.status) {
      case 'applied':
        this.log.info(`Inline fix ${pending.id}: applied at line ${result.range.start.line + 1}.`);
        vscode.window.setStatusBarMessage(`Grok: ${pending.proposal.explanation || `${pending.verb} applied.`} (Undo to revert)`, 6000);
        return { status: 'applied', proposalId: pending.id, usedFallback: pending.proposal.usedFallback };
      case 'no-change':
        return { status: 'no-change', explanation: pending.proposal.explanation };
      case 'refused':
        return this.refuse(pending, result.message);
      case 'failed':
        void vscode.window.showErrorMessage(`Grok: ${result.message}`);
        return { status: 'failed', message: result.message };
    }
  }

  private refuse(pending: PendingProposal, message: string): InlineFixResult {
    notifyRefused(message, pending.proposal.replacement, this.log);
    return { status: 'refused', message };
  }

  /** A proposal id (tests, other commands), the diff's URI (editor-title buttons pass it), or the active diff. */
  private pendingFor(arg: unknown): PendingProposal | undefined {
    const id = arg instanceof vscode.Uri && arg.scheme === PROPOSAL_SCHEME ? new URLSearchParams(arg.query).get('id') : parseProposalId(arg);
    return id ? this.preview.get(id) : this.preview.active();
  }

  private warn(message: string): InlineFixResult {
    void vscode.window.showWarningMessage(`Grok: ${message}`);
    return { status: 'failed', message };
  }

  dispose(): void {
    this.requests.dispose();
    this.preview.dispose();
  }
}

/** The editor's indentation settings for the document, when it is visible. */
function editorIndentation(document: vscode.TextDocument): { useTabs?: boolean; tabSize?: number } | undefined {
  const options = vscode.window.visibleTextEditors.find((editor) => editor.document === document)?.options;
  if (!options) return undefined;
  return {
    ...(typeof options.insertSpaces === 'boolean' ? { useTabs: !options.insertSpaces } : {}),
    ...(typeof options.tabSize === 'number' ? { tabSize: options.tabSize } : {}),
  };
}
