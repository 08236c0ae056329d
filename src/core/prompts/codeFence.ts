/**
 * Markdown quoting for code we send: the code may itself contain ``` (markdown in a string, a README
 * being edited), so every fence and code span is chosen to be longer than anything inside it.
 */

function backtickRunLengths(text: string): Set<number> {
  const lengths = new Set<number>();
  for (const match of text.matchAll(/`+/g)) lengths.add(match[0].length);
  return lengths;
}

/** A backtick fence at least 3 long and longer than any backtick run in `code`. */
export function fenceFor(code: string): string {
  let longest = 0;
  for (const length of backtickRunLengths(code)) longest = Math.max(longest, length);
  return '`'.repeat(Math.max(3, longest + 1));
}

/**
 * A VS Code language id as a fence info string. Ids are plain words in practice; anything that could
 * end the info string or break the fence (spaces, backticks, newlines) is dropped.
 */
export function fenceLanguageTag(languageId: string): string {
  return languageId.replace(/[^\w+#.-]/g, '');
}

export function fencedBlock(code: string, languageTag = ''): string {
  const fence = fenceFor(code);
  return `${fence}${languageTag}\n${code}\n${fence}`;
}

/** An inline code span that shows `text` verbatim (CommonMark: a backtick run of a length not inside). */
export function inlineCode(text: string): string {
  const oneLine = text.replace(/[\r\n]+/g, ' ');
  const runs = backtickRunLengths(oneLine);
  let length = 1;
  while (runs.has(length)) length++;
  const ticks = '`'.repeat(length);
  // CommonMark strips one space on each side, so padding keeps edge backticks off the delimiters.
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') || /^ .* $/.test(oneLine) ? ' ' : '';
  return `${ticks}${pad}${oneLine}${pad}${ticks}`;
}
