/**
 * Where a diagnostic's rule code links to: the rule's row in the README's rules table, as a `#L<line>`
 * fragment (VS Code's opener selects that line; a heading anchor would open the file at its top).
 */
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { ruleRows } from '../../core/schemaLint/ruleDocs';

/** The README heading above the rules table, the fallback for a rule whose row is not found. */
const RULES_ANCHOR = 'tool-schema-rules';

export class RuleLinks {
  private readonly rows: Map<string, number>;
  private readonly readme: vscode.Uri;

  /** Reads the README once (a few KiB, at the linter's first load); unreadable, every rule gets the anchor. */
  constructor(extensionUri: vscode.Uri) {
    this.readme = vscode.Uri.joinPath(extensionUri, 'README.md');
    let rows = new Map<string, number>();
    try {
      rows = ruleRows(readFileSync(this.readme.fsPath, 'utf8'));
    } catch {
      // A package without its README still opens the fallback anchor.
    }
    this.rows = rows;
  }

  target(rule: string): vscode.Uri {
    const line = this.rows.get(rule);
    return this.readme.with({ fragment: line === undefined ? RULES_ANCHOR : `L${line}` });
  }
}
