/** Finds each rule's row in the README's rules table, so a diagnostic's code can link straight to it. */

/** 1-based line of each rules-table row ("| `rule-code` | …"); the first occurrence wins. */
export function ruleRows(markdown: string): Map<string, number> {
  const rows = new Map<string, number>();
  markdown.split(/\r?\n/).forEach((line, index) => {
    const match = /^\|\s*`([a-z][a-z-]*)`\s*\|/.exec(line);
    if (match && !rows.has(match[1])) rows.set(match[1], index + 1);
  });
  return rows;
}
