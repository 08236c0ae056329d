/**
 * Which documents and files the editor lints. No `vscode` import: the activation bundle reads it (so it must
 * not pull in the linter) and unit tests check it against the core's list.
 */
import { SUPPORTED_LANGUAGE_IDS } from '../../core/schemaLint/languageIds';

/** The core's list, from its import-free module (the parsers stay out of the activation bundle). */
export const LINTED_LANGUAGE_IDS: readonly string[] = SUPPORTED_LANGUAGE_IDS;

/**
 * Documents a person edits. Not `git:`/`output`/diff-view schemes: those show copies of a file, whose
 * diagnostics would duplicate the real file's in the Problems panel.
 */
export const LINTED_SCHEMES: readonly string[] = Object.freeze(['file', 'untitled', 'vscode-notebook-cell', 'vscode-vfs', 'vscode-remote']);

/** Files (and open documents) longer than this are not linted: generated data, not hand-written tools. */
export const MAX_LINTED_BYTES = 1024 * 1024;

/** How long typing must pause before an open document is linted again. */
export const LINT_DEBOUNCE_MS = 300;

export function isLintedDocument(languageId: string, scheme: string): boolean {
  return LINTED_LANGUAGE_IDS.includes(languageId) && LINTED_SCHEMES.includes(scheme);
}

/** The setting that turns the linter off (resource-scoped: a folder may opt out). */
export const ENABLED_SETTING = { section: 'grok', key: 'schemaLint.enabled' } as const;

/** Settings are untrusted input: only an explicit `false` turns the linter off. */
export function isEnabledValue(value: unknown): boolean {
  return value !== false;
}
