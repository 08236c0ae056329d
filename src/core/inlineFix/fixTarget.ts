/**
 * Which span a fix replaces. A diagnostic's own range is usually too small to fix well (the cause of
 * "not assignable" is often a line above), so it is widened to the enclosing statement or block, found
 * by the prompt builder's bracket/indentation block finder; bounded, so a fix never rewrites most of a
 * file. A selection is taken as is, except that it is snapped to whole leading indentation so the
 * replacement can be re-indented as a unit.
 */
import { findEnclosingBlock } from '../prompts/enclosingBlock';
import { documentLines, dropTrailingLineBreak, isBlank, normalizeRange } from '../prompts/textLines';
import type { DocumentSnapshot, Range } from '../prompts/types';
import { LineIndex } from './textOffsets';
import type { FixTarget } from './types';
import { InlineFixError } from './types';

/** The widest block a diagnostic fix may replace. */
export const MAX_FIX_BLOCK_LINES = 150;

export function diagnosticTarget(doc: DocumentSnapshot, diagnosticRange: Range, maxChars: number): FixTarget {
  const lines = documentLines(doc);
  const index = new LineIndex(doc.text);
  const diagnostic = normalizeRange(lines, diagnosticRange, 'diagnostic range');
  let startLine = diagnostic.start.line;
  // A range ending at column 0 of a line does not reach into it.
  let endLine = dropTrailingLineBreak(lines, diagnostic).end.line;
  // Diagnostics on a blank line (a missing `}` at the end) mean the code just above it.
  while (startLine > 0 && startLine === endLine && isBlank(lines[startLine])) startLine = endLine = startLine - 1;
  if (isBlank(lines.slice(startLine, endLine + 1).join(''))) throw new InlineFixError('There is no code at this diagnostic to fix.');

  const block = findEnclosingBlock(lines, typeof doc.languageId === 'string' ? doc.languageId : '', startLine);
  if (block && block.startLine <= startLine && block.endLine >= endLine && block.endLine - block.startLine < MAX_FIX_BLOCK_LINES) {
    const widened = wholeLines(doc.text, index, block.startLine, block.endLine, 'enclosing-block');
    if (widened.text.length <= maxChars) return widened;
  }
  const own = wholeLines(doc.text, index, startLine, endLine, 'diagnostic-lines');
  if (own.text.length > maxChars) {
    throw new InlineFixError(`The code at this diagnostic is too large to fix in place (${own.text.length.toLocaleString('en-US')} characters; the limit is ${maxChars.toLocaleString('en-US')}).`);
  }
  return own;
}

export function selectionTarget(doc: DocumentSnapshot, selection: Range, maxChars: number): FixTarget {
  const lines = documentLines(doc);
  const index = new LineIndex(doc.text);
  const range = dropTrailingLineBreak(lines, normalizeRange(lines, selection, 'selection'));
  // Leading indentation before the selection joins it: the replacement then owns its first line's indentation.
  const before = lines[range.start.line].slice(0, range.start.character);
  const start = isBlank(before) ? { line: range.start.line, character: 0 } : range.start;
  const snapped = { start, end: range.end };
  const offset = index.offsetAt(snapped.start);
  const text = doc.text.slice(offset, index.offsetAt(snapped.end));
  if (isBlank(text)) throw new InlineFixError('The selection is empty or blank. Select the code to rewrite.');
  if (text.length > maxChars) {
    throw new InlineFixError(`The selection is too large to rewrite in place (${text.length.toLocaleString('en-US')} characters; the limit is ${maxChars.toLocaleString('en-US')}).`);
  }
  return { range: snapped, text, offset, kind: 'selection' };
}

function wholeLines(text: string, index: LineIndex, startLine: number, endLine: number, kind: FixTarget['kind']): FixTarget {
  const range = { start: { line: startLine, character: 0 }, end: { line: endLine, character: index.lineLength(endLine) } };
  const offset = index.offsetAt(range.start);
  return { range, text: text.slice(offset, index.offsetAt(range.end)), offset, kind };
}
