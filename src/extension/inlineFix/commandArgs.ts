/**
 * The arguments code actions pass to the inline-fix commands: plain JSON (a URI string, a plain
 * diagnostic and range), checked on arrival. Some VS Code versions drop code-action command arguments
 * (Cline #13402), and keybindings pass none, so every command also works without them, from the
 * active editor. No runtime imports: this module is part of the activation bundle.
 */
import type { DiagnosticInfo, Range } from '../../core/prompts/types';

export interface FixCommandArgs {
  uri: string;
  diagnostic: DiagnosticInfo;
  /** The document version the action was offered for (to tell a stale diagnostic). */
  version?: number;
}

export interface RewriteCommandArgs {
  uri: string;
  range: Range;
  /** Tests and keybindings may pass the instruction; otherwise it is asked for. */
  instruction?: string;
}

const SEVERITIES = new Set<DiagnosticInfo['severity']>(['error', 'warning', 'info', 'hint']);

export function parseFixArgs(value: unknown): FixCommandArgs | undefined {
  if (!isRecord(value) || typeof value.uri !== 'string' || !isRecord(value.diagnostic)) return undefined;
  const d = value.diagnostic;
  if (!isRange(d.range) || typeof d.message !== 'string' || !SEVERITIES.has(d.severity as DiagnosticInfo['severity'])) return undefined;
  const diagnostic: DiagnosticInfo = {
    range: plainRange(d.range),
    message: d.message,
    severity: d.severity as DiagnosticInfo['severity'],
    ...(typeof d.source === 'string' ? { source: d.source } : {}),
    ...(typeof d.code === 'string' ? { code: d.code } : {}),
  };
  return { uri: value.uri, diagnostic, ...(Number.isInteger(value.version) ? { version: value.version as number } : {}) };
}

export function parseRewriteArgs(value: unknown): RewriteCommandArgs | undefined {
  if (!isRecord(value) || typeof value.uri !== 'string' || !isRange(value.range)) return undefined;
  return { uri: value.uri, range: plainRange(value.range), ...(typeof value.instruction === 'string' ? { instruction: value.instruction } : {}) };
}

/** A proposal id passed to Accept/Reject (editor-title actions pass the diff's URI instead: ignored). */
export function parseProposalId(value: unknown): string | undefined {
  return typeof value === 'string' && /^[\w-]{1,64}$/.test(value) ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPosition(value: unknown): value is { line: number; character: number } {
  return isRecord(value) && Number.isInteger(value.line) && Number.isInteger(value.character) && (value.line as number) >= 0 && (value.character as number) >= 0;
}

function isRange(value: unknown): value is Range {
  return isRecord(value) && isPosition(value.start) && isPosition(value.end);
}

function plainRange(range: Range): Range {
  return { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
}
