/**
 * Entry point for editors and the CLI: finds every function tool in a document and judges its `parameters`
 * root. Never throws: a parser or linter failure yields no findings (and `onInternalError`).
 */
import { findingsForCandidates } from './findings';
import { exceedsNesting } from './nestingGuard';
import { findJsonTools } from './json/jsonFrontend';
import { lintPython } from './python/pythonFrontend';
import { lintTypeScript } from './typescript/typescriptFrontend';
import type { LintDocumentOptions, LintFinding } from './types';
import { findYamlTools } from './yaml/yamlFrontend';

export { SUPPORTED_LANGUAGE_IDS } from './languageIds';
/** Frees what was kept for `documentKey` (see `LintDocumentOptions.documentKey`): call when the document closes. */
export { releaseKeptTrees as releaseDocument } from './treeSitter/keptTrees';

/** Every tool shape names its schema with one of these words (or, in Python, calls `tool(...)`). */
const SCHEMA_WORDS = /parameters|inputSchema|input_schema/;
const PYTHON_TOOL_CALL = /\btool\s*\(/;

export async function lintDocument(text: string, languageId: string, options: LintDocumentOptions = {}): Promise<LintFinding[]> {
  try {
    return await lint(text, languageId, options);
  } catch (error) {
    options.onInternalError?.(error);
    return [];
  }
}

async function lint(text: string, languageId: string, options: LintDocumentOptions): Promise<LintFinding[]> {
  if (!SCHEMA_WORDS.test(text) && !(languageId === 'python' && PYTHON_TOOL_CALL.test(text))) return [];
  if (exceedsNesting(text)) return [];
  switch (languageId) {
    case 'json':
    case 'jsonc':
      return findingsForCandidates(findJsonTools(text), options);
    case 'yaml':
      return findingsForCandidates(findYamlTools(text), options);
    case 'typescript':
    case 'typescriptreact':
    case 'javascript':
    case 'javascriptreact':
      return lintTypeScript(text, languageId, options);
    case 'python':
      return lintPython(text, options);
    default:
      return [];
  }
}
