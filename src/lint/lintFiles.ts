/** Reads and lints files for the CLI (and the benchmark), turning offsets into 1-based positions. */
import { readFile, stat } from 'node:fs/promises';
import { lintDocument } from '../core/schemaLint/lintDocument';
import type { LintFinding } from '../core/schemaLint/types';
import { languageForFile } from './languageForFile';
import { LineIndex } from './lineIndex';
import { firstSyntaxError, type SyntaxProblem } from './syntaxCheck';

export interface PositionedFinding extends LintFinding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type FileResult =
  /** `syntaxError`: the file does not parse, so tools in or after the broken part may not have been judged. */
  | { kind: 'linted'; file: string; findings: PositionedFinding[]; syntaxError?: SyntaxProblem }
  | { kind: 'skipped'; file: string; reason: string }
  | { kind: 'unreadable'; file: string; reason: string };

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

export interface LintFileOptions {
  /** Larger files are skipped (default DEFAULT_MAX_FILE_BYTES). */
  maxBytes?: number;
  /** Also report tools whose schema cannot be evaluated statically (info-level `parameters-unresolved`). */
  reportUnresolved?: boolean;
}

export async function lintFile(file: string, { maxBytes = DEFAULT_MAX_FILE_BYTES, reportUnresolved = false }: LintFileOptions = {}): Promise<FileResult> {
  const languageId = languageForFile(file);
  if (languageId === undefined) return { kind: 'skipped', file, reason: 'not a linted file type' };
  let text: string;
  try {
    const { size } = await stat(file);
    if (size > maxBytes) return { kind: 'skipped', file, reason: `larger than ${maxBytes} bytes` };
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { kind: 'unreadable', file, reason: error instanceof Error ? error.message : String(error) };
  }
  if (text.includes('\u0000')) return { kind: 'skipped', file, reason: 'binary content' };
  // Editors hide the byte-order mark; offsets (and columns) must not count it.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let internalError: unknown;
  const findings = await lintDocument(text, languageId, { fileName: file, reportUnresolved, onInternalError: (error) => (internalError = error) });
  if (internalError !== undefined) return { kind: 'skipped', file, reason: `linter failure: ${String(internalError)}` };
  const lines = new LineIndex(text);
  const syntaxError = firstSyntaxError(text, languageId);
  return {
    kind: 'linted',
    file,
    ...(syntaxError === undefined ? {} : { syntaxError }),
    findings: findings.map((finding) => {
      const start = lines.position(finding.start);
      const end = lines.position(finding.end);
      return { ...finding, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
    }),
  };
}
