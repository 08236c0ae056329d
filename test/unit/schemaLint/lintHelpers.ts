/** Shared assertions for the schema-linter tests: lint a snippet, apply a fix, prove the result parses. */
import * as assert from 'node:assert/strict';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { parseAllDocuments } from 'yaml';
import { lintDocument } from '../../../src/core/schemaLint/lintDocument';
import { applyTextEdits } from '../../../src/core/schemaLint/textEdits';
import { getParser, withTree, type GrammarName } from '../../../src/core/schemaLint/treeSitter/treeSitterHost';
import type { LintFinding } from '../../../src/core/schemaLint/types';

export async function lint(text: string, languageId: string): Promise<LintFinding[]> {
  const errors: unknown[] = [];
  const findings = await lintDocument(text, languageId, { onInternalError: (error) => errors.push(error) });
  assert.deepEqual(errors, [], 'the linter reported an internal error');
  return findings;
}

/** The findings as `rule@text-under-range` strings: compact, and it checks the ranges. */
export function summarize(text: string, findings: readonly LintFinding[]): string[] {
  return findings.map((finding) => `${finding.rule}@${text.slice(finding.start, finding.end)}`);
}

const GRAMMARS: Record<string, GrammarName> = {
  typescript: 'typescript',
  typescriptreact: 'tsx',
  javascript: 'javascript',
  javascriptreact: 'javascript',
  python: 'python',
};

/** Throws unless `text` is syntactically valid in `languageId`. */
export async function assertParses(text: string, languageId: string): Promise<void> {
  if (languageId === 'json') {
    assert.doesNotThrow(() => JSON.parse(text), `not valid JSON:\n${text}`);
  } else if (languageId === 'jsonc') {
    const errors: ParseError[] = [];
    parseJsonc(text, errors, { allowTrailingComma: true });
    assert.deepEqual(errors, [], `not valid JSONC:\n${text}`);
  } else if (languageId === 'yaml') {
    for (const document of parseAllDocuments(text)) assert.deepEqual(document.errors.map((error) => error.message), [], `not valid YAML:\n${text}`);
  } else {
    const parser = await getParser(GRAMMARS[languageId]);
    const hasError = withTree(parser, text, (tree) => tree.rootNode.hasError);
    assert.equal(hasError, false, `syntax errors after the fix:\n${text}`);
  }
}

/**
 * Applies every fix of every finding (one at a time) and checks that the file still parses and that the
 * finding is gone. A root fix must leave the tool with no finding at all; a branch fix removes that branch's.
 * Returns how many fixes were applied, so callers can assert that fixes were offered.
 */
export async function assertFixesWork(text: string, languageId: string, findings: readonly LintFinding[]): Promise<number> {
  let applied = 0;
  for (const finding of findings) {
    for (const fix of finding.fixes) {
      const fixed = applyTextEdits(text, fix.edits);
      await assertParses(fixed, languageId);
      const after = await lint(fixed, languageId);
      const left = finding.rule.startsWith('union-branch')
        ? after.filter((other) => other.message === finding.message)
        : after.filter((other) => other.toolName === finding.toolName);
      assert.deepEqual(summarize(fixed, left), [], `fix "${fix.title}" for ${finding.rule} left findings in:\n${fixed}`);
      applied++;
    }
  }
  return applied;
}
