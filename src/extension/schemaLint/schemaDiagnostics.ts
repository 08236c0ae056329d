/**
 * The linter's findings as VS Code diagnostics (source "Grok", code = rule with a link to the rules), and
 * the findings behind them for quick fixes. The only place findings become `vscode.Diagnostic`s.
 */
import * as vscode from 'vscode';
import type { LintFinding, LintFix, LintSeverity } from '../../core/schemaLint/types';
import { diagnosticKey, FindingIndex } from './findingIndex';

export const DIAGNOSTIC_SOURCE = 'Grok';

const SEVERITY: Record<LintSeverity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export class SchemaDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('grok.schemaLint');
  private readonly findings = new FindingIndex();

  /** `ruleLink`: where a diagnostic's code links to (the rule's row in the README's rules table). */
  constructor(private readonly ruleLink: (rule: string) => vscode.Uri) {}

  /**
   * Shows `findings` for `uri`, replacing earlier ones. `version` is the document version the text had
   * (`undefined` for a file read from disk: shown, but not fixable until opened and linted again).
   */
  publish(uri: vscode.Uri, version: number | undefined, findings: readonly LintFinding[], positionAt: (offset: number) => vscode.Position): void {
    if (findings.length === 0) {
      this.clear(uri);
      return;
    }
    const diagnostics = findings.map((finding) => this.toDiagnostic(finding, positionAt));
    this.findings.set(
      uri.toString(),
      version,
      findings.map((finding, i) => [keyOf(diagnostics[i]), finding] as const),
    );
    this.collection.set(uri, diagnostics);
  }

  /** The finding behind one of our diagnostics and its fixes, when `document` is still at the linted version. */
  fixesFor(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): { finding: LintFinding; fixes: readonly LintFix[] } | undefined {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
    const key = keyOf(diagnostic);
    const finding = this.findings.findingFor(document.uri.toString(), key);
    const fixes = this.findings.fixesFor(document.uri.toString(), document.version, key);
    return finding === undefined || fixes.length === 0 ? undefined : { finding, fixes };
  }

  has(uri: vscode.Uri): boolean {
    return this.findings.has(uri.toString());
  }

  clear(uri: vscode.Uri): void {
    if (!this.findings.has(uri.toString())) return;
    this.findings.delete(uri.toString());
    this.collection.delete(uri);
  }

  clearAll(): void {
    this.findings.clear();
    this.collection.clear();
  }

  dispose(): void {
    this.findings.clear();
    this.collection.dispose();
  }

  private toDiagnostic(finding: LintFinding, positionAt: (offset: number) => vscode.Position): vscode.Diagnostic {
    const range = new vscode.Range(positionAt(finding.start), positionAt(finding.end));
    const diagnostic = new vscode.Diagnostic(range, finding.message, SEVERITY[finding.severity]);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = { value: finding.rule, target: this.ruleLink(finding.rule) };
    return diagnostic;
  }
}

function keyOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  const rule = typeof code === 'object' ? String(code.value) : String(code);
  const { start, end } = diagnostic.range;
  return diagnosticKey({ startLine: start.line, startCharacter: start.character, endLine: end.line, endCharacter: end.character, rule, message: diagnostic.message });
}
