/**
 * Language-agnostic "the block around the cursor" for when no symbol provider answers: the innermost
 * multi-line bracket block, or the indentation block for Python-like and keyword-delimited languages.
 * Bounded: only a window of lines around the cursor is scanned, and oversized blocks are refused.
 */
import { innermostBracketBlock } from './braceBlock';
import { scanBrackets } from './bracketScan';
import type { BracketScan } from './bracketScan';
import { indentationBlock } from './indentationBlock';
import { lexicalSyntaxFor } from './languageSyntax';
import type { LexicalSyntax } from './languageSyntax';
import type { LineSpan } from './lineSpan';

const WINDOW_LINES = 2_000;
const WINDOW_CHARS = 500_000;
/** A larger "block" is most of a file, not what a person means by "the code at the cursor". */
export const MAX_BLOCK_LINES = 1_000;

export function findEnclosingBlock(lines: readonly string[], languageId: string, cursorLine: number): LineSpan | undefined {
  if (lines[cursorLine].length > WINDOW_CHARS) return undefined;
  const { firstLine, lastLine } = scanWindow(lines, cursorLine);
  const syntax = lexicalSyntaxFor(languageId);
  const scan = scanBrackets(lines, firstLine, lastLine, syntax);
  const blockAt = (line: number) => {
    const byBrackets = () => innermostBracketBlock(lines, scan, line, syntax.blockOpeners);
    const byIndentation = () => indentationBlock(lines, scan, line, syntax);
    return syntax.indentationFirst ? (byIndentation() ?? byBrackets()) : (byBrackets() ?? byIndentation());
  };
  const block = documentedBlock(lines, scan, syntax, cursorLine, blockAt) ?? blockAt(cursorLine);
  if (!block || block.endLine - block.startLine >= MAX_BLOCK_LINES) return undefined;
  // Heuristics on odd input must never move the target away from the cursor.
  return block.startLine <= cursorLine && cursorLine <= block.endLine ? block : undefined;
}

/**
 * A cursor in the comment right above a definition (a doc comment) means that definition: the block
 * that starts on the first code line after the comment, with the comment.
 */
function documentedBlock(
  lines: readonly string[],
  scan: BracketScan,
  syntax: LexicalSyntax,
  cursorLine: number,
  blockAt: (line: number) => LineSpan | undefined,
): LineSpan | undefined {
  const isComment = (line: number) => {
    if (line < scan.firstLine || line > scan.lastLine) return false;
    const text = lines[line].trim();
    if (text === '') return false;
    if (scan.startsInside[line - scan.firstLine] === 'block-comment') return true;
    return syntax.lineComments.some((marker) => text.startsWith(marker)) || syntax.blockComments.some(([open]) => text.startsWith(open));
  };
  if (!isComment(cursorLine)) return undefined;
  let first = cursorLine;
  while (isComment(first - 1)) first--;
  let code = cursorLine + 1;
  while (isComment(code)) code++;
  if (code > scan.lastLine || lines[code].trim() === '') return undefined;
  const block = blockAt(code);
  return block && block.startLine === code ? { startLine: first, endLine: block.endLine } : undefined;
}

function scanWindow(lines: readonly string[], cursorLine: number): { firstLine: number; lastLine: number } {
  let firstLine = cursorLine;
  let chars = 0;
  while (firstLine > 0 && cursorLine - firstLine < WINDOW_LINES && chars + lines[firstLine - 1].length <= WINDOW_CHARS) {
    firstLine--;
    chars += lines[firstLine].length;
  }
  let lastLine = cursorLine;
  chars = 0;
  while (lastLine < lines.length - 1 && lastLine - cursorLine < WINDOW_LINES && chars + lines[lastLine + 1].length <= WINDOW_CHARS) {
    lastLine++;
    chars += lines[lastLine].length;
  }
  return { firstLine, lastLine };
}
