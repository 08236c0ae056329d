/**
 * Offsets and positions over a document's text, counted as VS Code counts them: 0-based lines, UTF-16
 * characters, and `\r\n`, `\r` or `\n` each ending one line. Edits are computed on offsets (exact text,
 * any line ending); positions are what diagnostics and selections arrive in.
 */
import type { Position } from '../prompts/types';

export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 0x0d /* \r */) {
        if (text.charCodeAt(i + 1) === 0x0a) i++;
        this.starts.push(i + 1);
      } else if (ch === 0x0a /* \n */) {
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Length of a line without its line break. */
  lineLength(line: number): number {
    return this.lineEnd(line) - this.starts[line];
  }

  /** Clamped like `TextDocument.offsetAt`: past the end of a line means its end, past the last line the text's end. */
  offsetAt(position: Position): number {
    const line = Math.min(Math.max(position.line, 0), this.starts.length - 1);
    const character = Math.min(Math.max(position.character, 0), this.lineLength(line));
    return this.starts[line] + character;
  }

  positionAt(offset: number): Position {
    const clamped = Math.min(Math.max(offset, 0), this.text.length);
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= clamped) low = middle;
      else high = middle - 1;
    }
    // An offset between `\r` and `\n` belongs to the end of the line they close.
    return { line: low, character: Math.min(clamped - this.starts[low], this.lineLength(low)) };
  }

  private lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    const next = this.starts[line + 1];
    return this.text.charCodeAt(next - 1) === 0x0a && this.text.charCodeAt(next - 2) === 0x0d ? next - 2 : next - 1;
  }
}

/** `\n` line endings (what prompts and model answers use). */
export function toLf(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
