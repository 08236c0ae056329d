/**
 * Which code a command sends: the selection; with no selection, the innermost document symbol around
 * the cursor, else the enclosing block found here, else the current line. A blank result is reported
 * (`isEmpty`) so the caller can say "nothing to send" instead of sending whitespace.
 */
import { findEnclosingBlock } from './enclosingBlock';
import {
  comparePositions,
  documentLines,
  dropTrailingLineBreak,
  isBlank,
  isEmptyRange,
  isValidRange,
  linesInRange,
  normalizeRange,
  wholeLinesRange,
} from './textLines';
import type { DocumentSnapshot, Position, Range, ResolvedTarget } from './types';

export function resolveTarget(doc: DocumentSnapshot, selection: Range, enclosingSymbolRanges: readonly Range[] = []): ResolvedTarget {
  const lines = documentLines(doc);
  const selected = normalizeRange(lines, selection, 'selection');
  if (!isEmptyRange(selected)) return withEmptiness(lines, selected, 'selection');

  const cursor = selected.start;
  const symbol = innermostSymbol(lines, enclosingSymbolRanges ?? [], cursor);
  // Some providers end a symbol at column 0 of the line after it; that line is not part of it.
  if (symbol) return withEmptiness(lines, wholeLinesRange(lines, symbol.start.line, dropTrailingLineBreak(lines, symbol).end.line), 'enclosing-block');

  const block = findEnclosingBlock(lines, typeof doc.languageId === 'string' ? doc.languageId : '', cursor.line);
  if (block) return withEmptiness(lines, wholeLinesRange(lines, block.startLine, block.endLine), 'enclosing-block');

  return withEmptiness(lines, wholeLinesRange(lines, cursor.line, cursor.line), 'current-line');
}

/**
 * The range is exactly what a prompt sends: a selection loses the line it ends at column 0 of, a block
 * its trailing blank lines, so neither ends at column 0 of a line it does not include.
 */
function withEmptiness(lines: readonly string[], range: Range, kind: ResolvedTarget['kind']): ResolvedTarget {
  let sent = dropTrailingLineBreak(lines, range);
  if (kind !== 'selection') {
    let endLine = range.end.line;
    while (endLine > range.start.line && isBlank(lines[endLine])) endLine--;
    sent = wholeLinesRange(lines, range.start.line, endLine);
  }
  return { range: sent, kind, isEmpty: linesInRange(lines, sent).every(isBlank) };
}

/**
 * The smallest non-empty symbol range on whose lines the cursor is. Lines, not characters: the target
 * is widened to whole lines anyway, and a cursor in a method's indentation still means that method.
 */
function innermostSymbol(lines: readonly string[], symbols: readonly Range[], cursor: Position): Range | undefined {
  let best: Range | undefined;
  for (const raw of symbols) {
    // Symbols come from third-party providers: skip malformed ones rather than fail the command.
    if (!isValidRange(raw)) continue;
    const range = normalizeRange(lines, raw);
    if (isEmptyRange(range) || cursor.line < range.start.line || cursor.line > range.end.line) continue;
    if (!best || isSmaller(range, best)) best = range;
  }
  return best;
}

function isSmaller(a: Range, b: Range): boolean {
  const aLines = a.end.line - a.start.line;
  const bLines = b.end.line - b.start.line;
  if (aLines !== bLines) return aLines < bLines;
  return comparePositions(a.start, b.start) > 0 || (comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) < 0);
}
