/**
 * The editor's diagnostics that bear on the target: those overlapping or touching it, most relevant
 * first, bounded in number and length so a noisy linter cannot crowd out the code.
 */
import { comparePositions, isValidRange, sliceCodePointSafe, plural } from './textLines';
import type { DiagnosticInfo, Range } from './types';

const MAX_DIAGNOSTICS = 30;
const MAX_MESSAGE_CHARS = 1_000;
const SEVERITY_RANK: Record<DiagnosticInfo['severity'], number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Diagnostics whose range overlaps or touches `target`, by position then severity. Malformed ones are skipped. */
export function diagnosticsTouching(diagnostics: readonly DiagnosticInfo[], target: Range): DiagnosticInfo[] {
  return diagnostics
    .filter((d) => isValidRange(d?.range) && typeof d.message === 'string')
    .filter((d) => {
      const [start, end] = comparePositions(d.range.start, d.range.end) <= 0 ? [d.range.start, d.range.end] : [d.range.end, d.range.start];
      return comparePositions(start, target.end) <= 0 && comparePositions(end, target.start) >= 0;
    })
    .sort((a, b) => comparePositions(a.range.start, b.range.start) || rank(a) - rank(b));
}

/** A markdown list; positions as 1-based `line:column`. */
export function renderDiagnostics(diagnostics: readonly DiagnosticInfo[]): string {
  const shown = diagnostics.slice(0, MAX_DIAGNOSTICS).map(renderOne);
  if (diagnostics.length > shown.length) shown.push(`- [… ${plural(diagnostics.length - shown.length, 'more diagnostic')} not listed]`);
  return shown.join('\n');
}

function renderOne(diagnostic: DiagnosticInfo): string {
  const { start, end } = diagnostic.range;
  const where = `${start.line + 1}:${start.character + 1}–${end.line + 1}:${end.character + 1}`;
  const origin = describeOrigin(diagnostic);
  const text = sliceCodePointSafe(diagnostic.message.trim(), MAX_MESSAGE_CHARS);
  const cut = text.length < diagnostic.message.trim().length ? ' […]' : '';
  // Continuation lines are indented so a multi-line message stays inside its list item.
  const message = `${text}${cut}`.split(/\r\n|\r|\n/).join('\n  ');
  return `- ${severityName(diagnostic)} at ${where}${origin ? ` ${origin}` : ''}: ${message}`;
}

/** As VS Code shows it: `ts(2322)`, `eslint(no-undef)`, `(2322)` or `eslint`. */
function describeOrigin(diagnostic: DiagnosticInfo): string {
  const source = typeof diagnostic.source === 'string' ? diagnostic.source.trim() : '';
  const code = diagnostic.code === undefined || diagnostic.code === null ? '' : String(diagnostic.code).trim();
  if (code) return `${source}(${code})`;
  return source ? `[${source}]` : '';
}

function rank(diagnostic: DiagnosticInfo): number {
  return SEVERITY_RANK[diagnostic.severity] ?? 4;
}

function severityName(diagnostic: DiagnosticInfo): string {
  return Object.hasOwn(SEVERITY_RANK, diagnostic.severity) ? diagnostic.severity : 'problem';
}
