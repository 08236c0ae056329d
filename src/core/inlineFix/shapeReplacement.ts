/**
 * Makes a model's replacement fit the document before it is previewed or applied: the target's base
 * indentation restored when the model dropped it (code copied out of a fence usually starts at column
 * 0), the file's indentation style (tabs or spaces), the target's leading and trailing line breaks,
 * and the document's line ending on every line.
 */
import { detectIndentStyle, indentWidth, leadingWhitespace, makeIndent, smallestIndentStep } from './indentation';
import type { IndentStyle } from './indentation';
import { toLf } from './textOffsets';

export interface ShapeContext {
  /** The text being replaced, as in the document. */
  targetText: string;
  /**
   * The document's text on the target's first line before the target: empty when the target starts at
   * column 0. Otherwise the replacement's first line continues that line and is left as it is.
   */
  linePrefix: string;
  eol: '\n' | '\r\n';
  /** The editor's indentation settings, used when the target itself shows none. */
  indentation?: Partial<IndentStyle>;
}

export function shapeReplacement(replacement: string, context: ShapeContext): string {
  const target = toLf(context.targetText);
  let text = toLf(replacement);
  if (text.trim() !== '') text = reindent(matchOuterLineBreaks(text, target), target, context);
  return context.eol === '\n' ? text : text.replace(/\n/g, context.eol);
}

/**
 * The target's own blank edges (leading blank lines, trailing line breaks and the indentation after them)
 * around the model's code: the span is the same, so its neighbours stay put.
 */
function matchOuterLineBreaks(text: string, target: string): string {
  const leading = /^(?:[ \t]*\n)*/.exec(target)![0];
  const trailing = /(?:\n[ \t]*)*$/.exec(target)![0];
  const core = text.replace(/^(?:[ \t]*\n)*/, '').replace(/(?:\n[ \t]*)*$/, '');
  return leading + core + trailing;
}

function reindent(text: string, target: string, context: ShapeContext): string {
  const lines = text.split('\n');
  const targetLines = target.split('\n');
  // Line 0 is indented only when the target starts at column 0; otherwise it continues the document's line.
  const firstIndented = context.linePrefix === '' ? 0 : 1;
  const docLines = [context.linePrefix + targetLines[0], ...targetLines.slice(1)];
  const style = detectIndentStyle(docLines, context.indentation);
  const isIndented = (line: string, index: number) => index >= firstIndented && line.trim() !== '';

  const indexes = lines.map((_, i) => i).filter((i) => isIndented(lines[i], i));
  if (indexes.length === 0) return text;
  const widths = modelWidths(lines, indexes, style);

  const targetWidths = docLines.filter(isIndented).map((line) => indentWidth(leadingWhitespace(line), style.tabSize));
  const min = Math.min(...indexes.map((i) => widths[i]));
  if (targetWidths.length === 0) {
    // A one-line target inside a line: the model's new lines are relative to its first line, which sits
    // at that line's indentation.
    const lineIndent = indentWidth(leadingWhitespace(context.linePrefix), style.tabSize);
    if (min < lineIndent) for (const i of indexes) widths[i] += lineIndent;
    return render(lines, widths, style, isIndented);
  }
  const base = Math.min(...targetWidths);
  const restMin = Math.min(...indexes.slice(1).map((i) => widths[i]));
  if (firstIndented === 0 && indexes[0] === 0 && widths[0] < base && indexes.length > 1 && restMin >= base) {
    // Only the first line lost its indentation (copied from after a fence); the rest kept theirs.
    widths[0] = indentWidth(leadingWhitespace(docLines[0]), style.tabSize);
  } else if (min < base) {
    // The model dropped the base indentation: shift every line back by what is missing.
    for (const i of indexes) widths[i] += base - min;
  }
  return render(lines, widths, style, isIndented);
}

function render(lines: readonly string[], widths: readonly number[], style: IndentStyle, isIndented: (line: string, index: number) => boolean): string {
  return lines.map((line, i) => (isIndented(line, i) ? makeIndent(widths[i], style) + line.slice(leadingWhitespace(line).length) : line)).join('\n');
}

/**
 * Indentation widths of the model's lines in the file's terms. A model writing spaces into a tab-indented
 * file uses its own step (2 or 4): each step becomes one tab.
 */
function modelWidths(lines: readonly string[], indexes: readonly number[], style: IndentStyle): number[] {
  const raw = lines.map((line) => indentWidth(leadingWhitespace(line), style.tabSize));
  const indents = indexes.map((i) => leadingWhitespace(lines[i]));
  if (!style.useTabs || indents.some((indent) => indent.includes('\t'))) return raw;
  const step = smallestIndentStep(indexes.map((i) => raw[i]));
  if (step === undefined || step === style.tabSize) return raw;
  return raw.map((width) => Math.floor(width / step) * style.tabSize + (width % step));
}
