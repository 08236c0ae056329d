/**
 * The first syntax error of a JSON, JSONC or YAML tools file, for the CLI. The linter judges what it can
 * parse and stays quiet about a broken tool (in an editor the language server shows the error); in CI a
 * broken tools file must not pass quietly, so the CLI reports it as unreadable input.
 * Code files are left to their compilers: tree-sitter's view of "valid" is not theirs.
 */
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parseAllDocuments } from 'yaml';
import { TOOL_SCHEMA_KEYS } from '../core/schemaLint/toolShapes';
import { LineIndex } from './lineIndex';

export interface SyntaxProblem {
  /** 1-based, as the CLI prints positions. */
  line: number;
  column: number;
  message: string;
}

/** `undefined` when the file parses, is not a data file, or names no tool schema at all (not a tools file). */
export function firstSyntaxError(text: string, languageId: string): SyntaxProblem | undefined {
  if (!TOOL_SCHEMA_KEYS.some((key) => text.includes(key))) return undefined;
  if (languageId === 'json' || languageId === 'jsonc') return jsonError(text);
  if (languageId === 'yaml') return yamlError(text);
  return undefined;
}

function jsonError(text: string): SyntaxProblem | undefined {
  const errors: ParseError[] = [];
  // Comments and trailing commas are what the linter (and VS Code's JSON) accept: only real breakage counts.
  parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  const [first] = errors;
  if (first === undefined) return undefined;
  const { line, column } = new LineIndex(text).position(first.offset);
  return { line, column, message: `not valid JSON (${describeJsonError(printParseErrorCode(first.error))})` };
}

/** `PropertyNameExpected` → `property name expected`. */
function describeJsonError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function yamlError(text: string): SyntaxProblem | undefined {
  for (const document of parseAllDocuments(text)) {
    const [first] = document.errors;
    if (first === undefined) continue;
    const position = first.linePos?.[0];
    // The message's first line; the rest is a drawn excerpt of the source.
    const message = first.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return { line: position?.line ?? 1, column: position?.col ?? 1, message: `not valid YAML (${message})` };
  }
  return undefined;
}
