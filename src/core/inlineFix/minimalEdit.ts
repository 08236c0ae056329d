/**
 * The smallest whole-line edit inside the target that turns its text into the replacement: unchanged
 * lines at either end are left alone, so breakpoints, folding and markers on them survive the fix.
 * Offsets are relative to the target's start; both texts use the document's line endings.
 */

export interface RelativeEdit {
  /** Start and end offsets within the target text. */
  start: number;
  end: number;
  text: string;
}

export function minimalEdit(targetText: string, replacement: string): RelativeEdit {
  if (targetText === replacement) return { start: 0, end: 0, text: '' };
  const before = linesWithBreaks(targetText);
  const after = linesWithBreaks(replacement);
  let head = 0;
  // Only whole lines that end in a break: a last line without one may still change (a line appended after it).
  while (head < before.length && head < after.length && before[head] === after[head] && /[\r\n]$/.test(before[head])) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const start = before.slice(0, head).join('').length;
  const end = targetText.length - before.slice(before.length - tail).join('').length;
  const text = after.slice(head, after.length - tail).join('');
  return { start, end, text };
}

/** Lines with their line breaks attached (the last one may have none). */
function linesWithBreaks(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}
