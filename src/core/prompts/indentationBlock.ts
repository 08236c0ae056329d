/**
 * The block a line sits in, judged by indentation: the nearest less-indented header above and every
 * deeper line below it. Works for Python and YAML, and for keyword-delimited languages (Ruby, Lua,
 * shell) where a closing `end`/`fi`/`done` at the header's indentation is included. Multi-line
 * brackets, strings and backslash continuations are treated as one logical line.
 */
import type { BracketScan } from './bracketScan';
import type { LexicalSyntax } from './languageSyntax';
import type { LineSpan } from './lineSpan';

const TAB_SIZE = 4;
/** Branches that continue a compound statement at the header's indentation. */
const BRANCH = /^(?:elif|else|elsif|elseif|except|finally|rescue|ensure|catch)\b/;
const KEYWORD_CLOSER = /^(?:end|fi|done|esac|until|wend|next|loop|endif|endfor|endwhile|endfunction|endsub)\b|^[}\])]/i;

export function indentationBlock(lines: readonly string[], scan: BracketScan, cursorLine: number, syntax: LexicalSyntax): LineSpan | undefined {
  const view = new IndentView(lines, scan);
  let header: number | undefined;
  if (view.isBlank(cursorLine) && !view.isContinuation(cursorLine)) {
    const above = view.nonBlank(cursorLine, -1);
    const below = view.nonBlank(cursorLine, +1);
    if (above === undefined || below === undefined) return undefined;
    header = view.headerAbove(cursorLine, Math.min(view.indent(view.logicalStart(above)), view.indent(below)));
  } else {
    const start = view.logicalStart(cursorLine);
    const end = view.logicalEnd(start);
    header = view.headerOf(start, end, syntax.keywordClosers);
    // No enclosing header: a statement spread over several lines is still a useful unit.
    if (header === undefined) return end > start ? { startLine: start, endLine: end } : undefined;
  }
  return header === undefined ? undefined : view.blockFrom(header, syntax.keywordClosers);
}

class IndentView {
  constructor(
    private readonly lines: readonly string[],
    private readonly scan: BracketScan,
  ) {}

  isBlank(line: number): boolean {
    return this.lines[line].trim() === '';
  }

  indent(line: number): number {
    let width = 0;
    for (const ch of this.lines[line]) {
      if (ch === ' ') width++;
      else if (ch === '\t') width = (Math.floor(width / TAB_SIZE) + 1) * TAB_SIZE;
      else break;
    }
    return width;
  }

  /** Part of the statement above: inside an open bracket, string or comment, or after a trailing `\`. */
  isContinuation(line: number): boolean {
    const index = line - this.scan.firstLine;
    if (this.scan.startsInside[index] !== undefined || this.scan.depthAtLineStart[index] > 0) return true;
    return line > this.scan.firstLine && /\\\s*$/.test(this.lines[line - 1]);
  }

  logicalStart(line: number): number {
    while (line > this.scan.firstLine && this.isContinuation(line)) line--;
    return line;
  }

  logicalEnd(line: number): number {
    while (line < this.scan.lastLine && this.isContinuation(line + 1)) line++;
    return line;
  }

  nonBlank(line: number, direction: 1 | -1): number | undefined {
    for (let candidate = line + direction; candidate >= this.scan.firstLine && candidate <= this.scan.lastLine; candidate += direction) {
      if (!this.isBlank(candidate)) return candidate;
    }
    return undefined;
  }

  /**
   * The header of the block a statement is in: the statement itself when deeper lines follow it (the
   * cursor is on `def f():`), the definition below a decorator, the opener an `end` closes, or else
   * the nearest less-indented statement above.
   */
  headerOf(start: number, end: number, keywordClosers: boolean): number | undefined {
    const indent = this.indent(start);
    let next = this.nonBlank(end, +1);
    if (this.lines[start].trim().startsWith('@')) {
      while (next !== undefined && this.indent(next) === indent && this.lines[next].trim().startsWith('@')) next = this.nonBlank(next, +1);
      if (next !== undefined && this.indent(next) === indent) return this.headerOf(next, this.logicalEnd(next), keywordClosers);
    }
    if (next !== undefined && this.indent(next) > indent) return start;
    if (keywordClosers && KEYWORD_CLOSER.test(this.lines[start].trim())) {
      const opener = this.statementAbove(start, indent);
      if (opener !== undefined && this.indent(opener) === indent) return opener;
    }
    return this.headerAbove(start, indent);
  }

  /** The nearest statement above `line` indented less than `indent`. */
  headerAbove(line: number, indent: number): number | undefined {
    return indent > 0 ? this.statementAbove(line, indent - 1) : undefined;
  }

  blockFrom(header: number, keywordClosers: boolean): LineSpan {
    const indent = this.indent(header);
    const start = this.widenUp(header, indent);
    let end = this.logicalEnd(header);
    for (let line = end + 1; line <= this.scan.lastLine; line++) {
      if (this.isContinuation(line) || (!this.isBlank(line) && this.indent(line) > indent)) {
        end = line;
        continue;
      }
      if (this.isBlank(line)) continue;
      const text = this.lines[line].trim();
      if (this.indent(line) !== indent) break;
      if (BRANCH.test(text)) {
        end = line = this.logicalEnd(line);
        continue;
      }
      if (keywordClosers && KEYWORD_CLOSER.test(text)) end = line;
      break;
    }
    return { startLine: start, endLine: end };
  }

  /** An `else:` header belongs to its `if:`; decorators (`@cache`) belong to the definition below them. */
  private widenUp(header: number, indent: number): number {
    let start = header;
    for (;;) {
      if (BRANCH.test(this.lines[start].trim())) {
        const opener = this.statementAbove(start, indent);
        if (opener === undefined || this.indent(opener) !== indent) return start;
        start = opener;
        continue;
      }
      const above = this.statementAbove(start, Number.POSITIVE_INFINITY);
      if (above === undefined || this.indent(above) !== indent || !this.lines[above].trim().startsWith('@')) return start;
      start = above;
    }
  }

  /** The nearest statement above `line` indented at most `maxIndent`. */
  statementAbove(line: number, maxIndent: number): number | undefined {
    for (let candidate = line - 1; candidate >= this.scan.firstLine; candidate--) {
      if (this.isBlank(candidate) || this.isContinuation(candidate)) continue;
      if (this.indent(candidate) <= maxIndent) return candidate;
    }
    return undefined;
  }
}
