/**
 * Document geometry for the prompt builder: lines, positions and ranges counted the way VS Code
 * counts them (0-based lines, UTF-16 characters, `\r\n`, `\r` and `\n` all ending a line).
 */
import type { Position, Range } from './types';

/** A trailing line break leaves an empty last line, as in VS Code. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** The lines of a document snapshot, failing clearly on a snapshot without text. */
export function documentLines(doc: { text: string } | null | undefined): string[] {
  if (typeof doc?.text !== 'string') throw new TypeError('The document snapshot has no text.');
  return splitLines(doc.text);
}

export function comparePositions(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

export function isValidPosition(position: unknown): position is Position {
  const candidate = position as Partial<Position> | null | undefined;
  return Number.isInteger(candidate?.line) && Number.isInteger(candidate?.character);
}

export function isValidRange(range: unknown): range is Range {
  const candidate = range as Partial<Range> | null | undefined;
  return isValidPosition(candidate?.start) && isValidPosition(candidate?.end);
}

/** Clamps into the document like `TextDocument.validatePosition`. */
export function clampPosition(lines: readonly string[], position: Position): Position {
  const line = Math.min(Math.max(position.line, 0), lines.length - 1);
  const character = Math.min(Math.max(position.character, 0), lines[line].length);
  return { line, character };
}

/**
 * An ordered range inside the document. Non-integer positions are a caller bug and throw; positions
 * past the end are clamped (the document may have changed since the range was taken).
 */
export function normalizeRange(lines: readonly string[], range: Range, what = 'range'): Range {
  if (!isValidRange(range)) {
    throw new RangeError(`Invalid ${what}: expected {start:{line,character}, end:{line,character}} with integer values.`);
  }
  const a = clampPosition(lines, range.start);
  const b = clampPosition(lines, range.end);
  return comparePositions(a, b) <= 0 ? { start: a, end: b } : { start: b, end: a };
}

export function isEmptyRange(range: Range): boolean {
  return comparePositions(range.start, range.end) === 0;
}

/**
 * A selection of whole lines usually ends at column 0 of the next line; that line is not part of it.
 * Dropping it keeps "lines A–B" and the diagnostics honest.
 */
export function dropTrailingLineBreak(lines: readonly string[], range: Range): Range {
  if (range.end.character !== 0 || range.end.line <= range.start.line) return range;
  const line = range.end.line - 1;
  return { start: range.start, end: { line, character: lines[line].length } };
}

export function wholeLinesRange(lines: readonly string[], startLine: number, endLine: number): Range {
  return { start: { line: startLine, character: 0 }, end: { line: endLine, character: lines[endLine].length } };
}

/** The pieces of each line inside `range`, first to last. */
export function linesInRange(lines: readonly string[], range: Range): string[] {
  const pieces: string[] = [];
  for (let line = range.start.line; line <= range.end.line; line++) {
    const from = line === range.start.line ? range.start.character : 0;
    const to = line === range.end.line ? range.end.character : lines[line].length;
    pieces.push(lines[line].slice(from, to));
  }
  return pieces;
}

export function isBlank(text: string): boolean {
  return text.trim() === '';
}

/** Cuts at most `max` UTF-16 units without splitting a surrogate pair. */
export function sliceCodePointSafe(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return text.slice(0, Math.max(0, end));
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`;
}
