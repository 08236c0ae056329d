/**
 * Lints open documents as the user types: debounced per document, and a run whose document has moved on
 * (a newer version, a newer run, closed) is dropped instead of published, so diagnostics never describe
 * text that is gone.
 */
import type * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import { lintDocument, releaseDocument } from '../../core/schemaLint/lintDocument';
import type { LintFinding } from '../../core/schemaLint/types';
import { isLintedDocument, LINT_DEBOUNCE_MS, MAX_LINTED_BYTES } from './lintTargets';
import type { SchemaDiagnostics } from './schemaDiagnostics';

export type DocumentLintResult =
  | { kind: 'linted'; findings: LintFinding[] }
  /** The document changed (or closed) while it was linted; the run that follows the change publishes. */
  | { kind: 'stale' }
  | { kind: 'skipped'; reason: 'not-linted' | 'disabled' | 'too-large' };

export class DocumentLinter implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The latest run per document; an older run's result is dropped. */
  private readonly latestRun = new Map<string, number>();
  private runCount = 0;
  private readonly tooLargeReported = new Set<string>();

  constructor(
    private readonly diagnostics: SchemaDiagnostics,
    private readonly log: Logger,
    private readonly isEnabled: (uri: vscode.Uri) => boolean,
  ) {}

  /** Lints `document` once typing has paused for `delayMs` (0: on the next turn of the event loop). */
  schedule(document: vscode.TextDocument, delayMs = LINT_DEBOUNCE_MS): void {
    if (!isLintedDocument(document.languageId, document.uri.scheme)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.lintNow(document).catch((error: unknown) => this.log.error(`Tool-schema lint of ${document.uri.toString(true)} failed: ${describe(error)}`));
      }, delayMs),
    );
  }

  /** Lints `document` now and publishes the result unless it went stale meanwhile. */
  async lintNow(document: vscode.TextDocument): Promise<DocumentLintResult> {
    const key = document.uri.toString();
    this.cancelTimer(key);
    const text = this.textToLint(document);
    if (typeof text !== 'string') {
      this.latestRun.delete(key);
      this.diagnostics.clear(document.uri);
      return { kind: 'skipped', reason: text.skipped };
    }
    const run = ++this.runCount;
    this.latestRun.set(key, run);
    const version = document.version;
    const started = performance.now();
    const findings = await lintDocument(text, document.languageId, {
      fileName: document.fileName,
      // The next lint of this document re-parses only what the edit changed.
      documentKey: key,
      onInternalError: (error) => this.log.error(`Tool-schema linter failed on ${document.uri.toString(true)}: ${describe(error)}`),
    });
    if (this.latestRun.get(key) !== run || document.isClosed || document.version !== version) return { kind: 'stale' };
    this.latestRun.delete(key);
    this.diagnostics.publish(document.uri, version, findings, (offset) => document.positionAt(offset));
    this.log.trace(`Tool-schema lint: ${document.uri.toString(true)} v${version}, ${findings.length} finding(s) in ${(performance.now() - started).toFixed(1)} ms`);
    return { kind: 'linted', findings };
  }

  /** Forgets pending and running lints of `uri` (closed, deleted, or the linter turned off). */
  cancel(uri: vscode.Uri): void {
    const key = uri.toString();
    this.cancelTimer(key);
    this.latestRun.delete(key);
    this.tooLargeReported.delete(key);
    releaseDocument(key);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.latestRun.clear();
    releaseDocument();
  }

  private textToLint(document: vscode.TextDocument): string | { skipped: 'not-linted' | 'disabled' | 'too-large' } {
    if (!isLintedDocument(document.languageId, document.uri.scheme)) return { skipped: 'not-linted' };
    if (!this.isEnabled(document.uri)) return { skipped: 'disabled' };
    const text = document.getText();
    // Characters, not bytes: close enough for a bound whose job is to keep generated data out.
    if (text.length > MAX_LINTED_BYTES) {
      const key = document.uri.toString();
      if (!this.tooLargeReported.has(key)) {
        this.tooLargeReported.add(key);
        this.log.info(`Tool-schema lint skips ${document.uri.toString(true)}: longer than ${MAX_LINTED_BYTES} characters.`);
      }
      return { skipped: 'too-large' };
    }
    return text;
  }

  private cancelTimer(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
