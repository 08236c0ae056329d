/** Applies {@link LintTextEdit}s to a text, ESLint-style: in order, skipping any that overlap an earlier one. */
import type { LintTextEdit } from './types';

export function applyTextEdits(text: string, edits: readonly LintTextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor || edit.end < edit.start || edit.end > text.length) continue;
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}
