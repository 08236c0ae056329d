/**
 * A forgiving single-pass lexer over a window of lines: it skips comments and strings, pairs brackets,
 * and records for each line whether it starts inside an open bracket or a multi-line string or comment
 * (a continuation of the statement above). It never throws on unbalanced or hostile input.
 */
import type { LexicalSyntax } from './languageSyntax';

export interface BracketPair {
  open: string;
  openLine: number;
  openCharacter: number;
  closeLine: number;
  closeCharacter: number;
}

export interface BracketScan {
  /** Lines `firstLine..lastLine` (inclusive) were scanned. */
  firstLine: number;
  lastLine: number;
  pairs: BracketPair[];
  /** Open brackets at the start of each scanned line, indexed by `line - firstLine`. */
  depthAtLineStart: number[];
  /** Whether each scanned line starts inside a multi-line string or block comment, and which. */
  startsInside: ('string' | 'block-comment' | undefined)[];
}

const OPENER_OF: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
/** A closer this many entries below the top still matches; deeper, it is taken as a stray. */
const MISMATCH_TOLERANCE = 3;
const CHAR_LITERAL = /'(?:\\.[^'\n]{0,8}|[^\\'\n])'/y;

type OpenToken = { kind: 'block-comment'; close: string } | { kind: 'string'; close: string; multiline: boolean };

export function scanBrackets(lines: readonly string[], firstLine: number, lastLine: number, syntax: LexicalSyntax): BracketScan {
  const stack: { open: string; line: number; character: number }[] = [];
  const scan: BracketScan = { firstLine, lastLine, pairs: [], depthAtLineStart: [], startsInside: [] };
  let token: OpenToken | undefined;

  for (let line = firstLine; line <= lastLine; line++) {
    const text = lines[line];
    scan.depthAtLineStart.push(stack.length);
    scan.startsInside.push(token?.kind);
    let i = 0;
    while (i < text.length) {
      if (token) {
        const end = findTokenEnd(text, i, token.close, token.kind === 'string');
        if (end < 0) {
          i = text.length;
          break;
        }
        i = end;
        token = undefined;
        continue;
      }
      const opened = openTokenAt(text, i, syntax);
      if (opened === 'line-comment') break;
      if (opened) {
        token = opened.token;
        i += opened.length;
        continue;
      }
      const ch = text[i];
      if (syntax.quoteIsCharLiteral && ch === "'") {
        CHAR_LITERAL.lastIndex = i;
        i = CHAR_LITERAL.test(text) ? CHAR_LITERAL.lastIndex : i + 1;
        continue;
      }
      if (syntax.brackets.includes(ch)) stack.push({ open: ch, line, character: i });
      else if (Object.hasOwn(OPENER_OF, ch) && syntax.brackets.includes(OPENER_OF[ch])) closeBracket(stack, scan.pairs, OPENER_OF[ch], line, i);
      i++;
    }
    // Strings that cannot span lines end with the line, closed or not.
    if (token?.kind === 'string' && !token.multiline) token = undefined;
  }
  return scan;
}

function openTokenAt(text: string, i: number, syntax: LexicalSyntax): { token: OpenToken; length: number } | 'line-comment' | undefined {
  for (const [open, close] of syntax.blockComments) {
    if (text.startsWith(open, i)) return { token: { kind: 'block-comment', close }, length: open.length };
  }
  for (const marker of syntax.lineComments) {
    // `#` starts a comment only at a word start: `${#list[@]}` and `$#` in shell are not comments.
    if (text.startsWith(marker, i) && (marker !== '#' || i === 0 || /\s/.test(text[i - 1]))) return 'line-comment';
  }
  const ch = text[i];
  if (syntax.tripleQuotes && (ch === '"' || ch === "'") && text.startsWith(ch.repeat(3), i)) {
    return { token: { kind: 'string', close: ch.repeat(3), multiline: true }, length: 3 };
  }
  if (syntax.multilineQuotes.includes(ch)) return { token: { kind: 'string', close: ch, multiline: true }, length: 1 };
  if (syntax.quotes.includes(ch)) return { token: { kind: 'string', close: ch, multiline: false }, length: 1 };
  return undefined;
}

/** Index just past `close` at or after `from`, honouring backslash escapes in strings; -1 if not on this line. */
function findTokenEnd(text: string, from: number, close: string, escapes: boolean): number {
  for (let i = from; i < text.length; i++) {
    if (escapes && text[i] === '\\') {
      i++;
      continue;
    }
    if (text.startsWith(close, i)) return i + close.length;
  }
  return -1;
}

function closeBracket(stack: { open: string; line: number; character: number }[], pairs: BracketPair[], open: string, line: number, character: number): void {
  for (let depth = stack.length - 1; depth >= Math.max(0, stack.length - MISMATCH_TOLERANCE); depth--) {
    if (stack[depth].open !== open) continue;
    const opener = stack[depth];
    // Openers above the match were never closed; they are dropped with it.
    stack.length = depth;
    pairs.push({ open, openLine: opener.line, openCharacter: opener.character, closeLine: line, closeCharacter: character });
    return;
  }
}
