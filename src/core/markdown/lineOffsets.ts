/** Line arithmetic on markdown source (line feeds only: the source is normalised). */

/** How many lines `text` spans: line feeds plus one (a final line feed starts an empty last line). */
export function lineCount(text: string): number {
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** Offset where line `line` (0-based) of `text` begins; `text` must have that many line feeds. */
export function offsetOfLine(text: string, line: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) offset = text.indexOf('\n', offset) + 1;
  return offset;
}
