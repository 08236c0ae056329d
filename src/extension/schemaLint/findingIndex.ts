/**
 * The findings behind the Grok diagnostics of each document, keyed by the document version they were
 * computed for (vscode-eslint's habit): quick fixes are offered only while the document is still at that
 * version, so a fix computed for older text can never be applied to newer text. Pure (no `vscode` import).
 */
import type { LintFinding, LintFix } from '../../core/schemaLint/types';

/** A diagnostic's identity as VS Code hands it back to code-action providers (copies, not our objects). */
export interface DiagnosticIdentity {
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
  rule: string;
  message: string;
}

export function diagnosticKey(identity: DiagnosticIdentity): string {
  const { startLine, startCharacter, endLine, endCharacter, rule, message } = identity;
  return `${startLine}:${startCharacter}-${endLine}:${endCharacter}|${rule}|${message}`;
}

interface DocumentFindings {
  /** `undefined` for findings from a file read from disk: shown, but never fixed from (no document version). */
  version: number | undefined;
  byKey: Map<string, LintFinding>;
}

export class FindingIndex {
  private readonly documents = new Map<string, DocumentFindings>();

  /** Replaces what is known about `uri`. */
  set(uri: string, version: number | undefined, findings: Iterable<readonly [key: string, finding: LintFinding]>): void {
    const byKey = new Map<string, LintFinding>();
    for (const [key, finding] of findings) if (!byKey.has(key)) byKey.set(key, finding);
    this.documents.set(uri, { version, byKey });
  }

  /** The fixes of the finding behind a diagnostic, or none when the document has moved on since. */
  fixesFor(uri: string, version: number, key: string): readonly LintFix[] {
    const known = this.documents.get(uri);
    if (known === undefined || known.version === undefined || known.version !== version) return [];
    return known.byKey.get(key)?.fixes ?? [];
  }

  findingFor(uri: string, key: string): LintFinding | undefined {
    return this.documents.get(uri)?.byKey.get(key);
  }

  has(uri: string): boolean {
    return this.documents.has(uri);
  }

  delete(uri: string): void {
    this.documents.delete(uri);
  }

  clear(): void {
    this.documents.clear();
  }
}
