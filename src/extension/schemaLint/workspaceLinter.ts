/**
 * "Grok: Lint Tool Schemas in Workspace": lints every lintable file (open documents as they are in the editor,
 * the rest from disk) under a cancellable progress notification, publishes diagnostics for all of them, and
 * reports a summary. Files it reported on stay in its scope: closing one re-reads it from disk instead of
 * dropping its problems.
 */
import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import { lintDocument } from '../../core/schemaLint/lintDocument';
import type { LintFinding } from '../../core/schemaLint/types';
import { languageForFile } from '../../lint/languageForFile';
import { LineIndex } from '../../lint/lineIndex';
import { describe, type DocumentLinter } from './documentLinter';
import { MAX_LINTED_BYTES } from './lintTargets';
import type { SchemaDiagnostics } from './schemaDiagnostics';
import { findLintableFiles, SEARCH_LIMIT } from './workspaceFiles';
import { emptySummary, summaryMessage, type WorkspaceLintSummary } from './workspaceSummary';

type FileOutcome = { kind: 'linted'; findings: readonly LintFinding[] } | { kind: 'too-large' | 'binary' | 'unreadable' | 'not-linted' };

/** Progress messages are IPC to the window: at most this often. */
const PROGRESS_INTERVAL_MS = 100;

export class WorkspaceLinter {
  /** Files the last run linted; closing one of them re-lints it from disk. */
  private readonly scope = new Set<string>();
  private running: Promise<WorkspaceLintSummary | undefined> | undefined;

  constructor(
    private readonly diagnostics: SchemaDiagnostics,
    private readonly documents: DocumentLinter,
    private readonly log: Logger,
    private readonly isEnabled: (uri: vscode.Uri) => boolean,
  ) {}

  /** Runs the command; a second invocation while one runs joins it. Resolves to `undefined` when nothing ran. */
  run(): Promise<WorkspaceLintSummary | undefined> {
    this.running ??= this.runOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Whether `uri` belongs to the last workspace run (its problems outlive closing the editor). */
  inScope(uri: vscode.Uri): boolean {
    return this.scope.has(uri.toString());
  }

  /** A file of the scope was closed: its problems are those of the file on disk again. */
  async relintFromDisk(uri: vscode.Uri): Promise<void> {
    if (vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString())) return;
    if (!this.isEnabled(uri)) {
      this.diagnostics.clear(uri);
      return;
    }
    const outcome = await this.lintFile(uri);
    if (outcome.kind !== 'linted') this.diagnostics.clear(uri);
  }

  forget(uri: vscode.Uri): void {
    this.scope.delete(uri.toString());
  }

  scopedUris(): vscode.Uri[] {
    return [...this.scope].map((key) => vscode.Uri.parse(key));
  }

  private async runOnce(): Promise<WorkspaceLintSummary | undefined> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => this.isEnabled(folder.uri));
    if ((vscode.workspace.workspaceFolders ?? []).length === 0) {
      void vscode.window.showInformationMessage('Grok: open a folder to lint the tool schemas in it.');
      return undefined;
    }
    if (folders.length === 0) {
      this.offerToEnable().catch((error: unknown) => this.log.error(`Grok: ${describe(error)}`));
      return undefined;
    }
    const summary = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Grok: linting tool schemas', cancellable: true },
      (progress, token) => this.lintAll(folders, progress, token),
    );
    const message = summaryMessage(summary, MAX_LINTED_BYTES, SEARCH_LIMIT);
    this.log.info(message);
    const hasFindings = summary.filesWithFindings.length > 0;
    void vscode.window.showInformationMessage(message, ...(hasFindings ? ['Show Problems'] : [])).then((choice) => {
      if (choice === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
    return summary;
  }

  private async lintAll(
    folders: readonly vscode.WorkspaceFolder[],
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    token: vscode.CancellationToken,
  ): Promise<WorkspaceLintSummary> {
    const summary = emptySummary();
    progress.report({ message: 'finding files…' });
    const found = await findLintableFiles(folders, token, this.log);
    summary.found = found.files.length;
    summary.excluded = found.excluded;
    summary.limitReached = found.limitReached;

    const visited = new Set<string>();
    const withFindings: string[] = [];
    let lastReport = 0;
    let reported = 0;
    for (const [index, uri] of found.files.entries()) {
      if (token.isCancellationRequested) break;
      const outcome = await this.lintOne(uri).catch((error: unknown): FileOutcome => {
        this.log.error(`Tool-schema lint of ${uri.toString(true)} failed: ${describe(error)}`);
        return { kind: 'unreadable' };
      });
      visited.add(uri.toString());
      if (outcome.kind === 'linted') {
        summary.linted++;
        this.scope.add(uri.toString());
        if (outcome.findings.length > 0) withFindings.push(uri.toString());
        for (const finding of outcome.findings) {
          if (finding.severity === 'error') summary.errors++;
          else if (finding.severity === 'warning') summary.warnings++;
          else summary.infos++;
        }
      } else {
        this.scope.delete(uri.toString());
        if (outcome.kind === 'too-large') summary.skipped.tooLarge++;
        else if (outcome.kind === 'binary') summary.skipped.binary++;
        else if (outcome.kind === 'unreadable') summary.skipped.unreadable++;
      }
      const now = performance.now();
      if (now - lastReport >= PROGRESS_INTERVAL_MS || index === found.files.length - 1) {
        lastReport = now;
        progress.report({ message: `${index + 1} of ${found.files.length} files`, increment: (100 * (index + 1 - reported)) / found.files.length });
        reported = index + 1;
      }
    }
    // A cancelled search may have found only some files: only a full run may drop the others' problems.
    summary.cancelled = token.isCancellationRequested;
    if (!summary.cancelled) this.dropVanished(visited);
    summary.filesWithFindings = withFindings.sort();
    return summary;
  }

  /** After a full run: files of the previous scope that are gone or now excluded lose their problems. */
  private dropVanished(visited: ReadonlySet<string>): void {
    const open = new Set(vscode.workspace.textDocuments.map((document) => document.uri.toString()));
    for (const key of [...this.scope]) {
      if (visited.has(key)) continue;
      this.scope.delete(key);
      if (!open.has(key)) this.diagnostics.clear(vscode.Uri.parse(key));
    }
  }

  /** An open document is linted as the editor has it (unsaved edits included), anything else from disk. */
  private async lintOne(uri: vscode.Uri): Promise<FileOutcome> {
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    if (document === undefined) return this.lintFile(uri);
    const result = await this.documents.lintNow(document);
    if (result.kind === 'linted') return result;
    if (result.kind === 'stale') return { kind: 'linted', findings: [] }; // the edit's own run publishes
    return { kind: result.reason === 'too-large' ? 'too-large' : 'not-linted' };
  }

  /** Reads, lints and publishes a file that is not open. */
  private async lintFile(uri: vscode.Uri): Promise<FileOutcome> {
    const languageId = languageForFile(uri.path);
    if (languageId === undefined) return { kind: 'not-linted' };
    let text: string;
    try {
      const { size } = await vscode.workspace.fs.stat(uri);
      if (size > MAX_LINTED_BYTES) {
        this.diagnostics.clear(uri);
        return { kind: 'too-large' };
      }
      // TextDecoder drops a UTF-8 byte-order mark, as the editor does, so offsets match the editor's text.
      text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    } catch (error) {
      this.log.warn(`Tool-schema lint could not read ${uri.toString(true)}: ${describe(error)}`);
      this.diagnostics.clear(uri);
      return { kind: 'unreadable' };
    }
    if (text.includes('\u0000')) {
      this.diagnostics.clear(uri);
      return { kind: 'binary' };
    }
    const findings = await lintDocument(text, languageId, {
      fileName: uri.fsPath,
      onInternalError: (error) => this.log.error(`Tool-schema linter failed on ${uri.toString(true)}: ${describe(error)}`),
    });
    // Opened while it was read: the editor's linting owns it now.
    if (vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString())) return { kind: 'linted', findings };
    const lines = new LineIndex(text);
    this.diagnostics.publish(uri, undefined, findings, (offset) => {
      const { line, column } = lines.position(offset);
      return new vscode.Position(line - 1, column - 1);
    });
    return { kind: 'linted', findings };
  }

  private async offerToEnable(): Promise<void> {
    const choice = await vscode.window.showInformationMessage('Grok\'s tool-schema linter is turned off ("grok.schemaLint.enabled").', 'Open Settings');
    // The setting may be off in user, workspace or folder settings: let the person see which.
    if (choice === 'Open Settings') await vscode.commands.executeCommand('workbench.action.openSettings', 'grok.schemaLint.enabled');
  }
}
