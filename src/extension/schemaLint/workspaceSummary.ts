/** The outcome of "Lint Tool Schemas in Workspace" and the sentence that reports it. Pure (no `vscode`). */

export interface WorkspaceLintSummary {
  /** Files that passed the excludes and the size bound and were linted. */
  linted: number;
  /** Files found after excludes (linted, skipped, or not reached when cancelled). */
  found: number;
  errors: number;
  warnings: number;
  infos: number;
  /** URIs (as strings) of the files with at least one finding, sorted. */
  filesWithFindings: string[];
  skipped: { tooLarge: number; binary: number; unreadable: number };
  /**
   * Files the search returned that a `.gitignore` (or an exclude pattern too complex for the search itself)
   * left out. Files the search's own exclude glob dropped are not counted: it does not report them.
   */
  excluded: number;
  cancelled: boolean;
  /** The file search stopped at its bound; later files were not looked at. */
  limitReached: boolean;
}

export function emptySummary(): WorkspaceLintSummary {
  return {
    linted: 0,
    found: 0,
    errors: 0,
    warnings: 0,
    infos: 0,
    filesWithFindings: [],
    skipped: { tooLarge: 0, binary: 0, unreadable: 0 },
    excluded: 0,
    cancelled: false,
    limitReached: false,
  };
}

export function summaryMessage(summary: WorkspaceLintSummary, maxBytes: number, searchLimit: number): string {
  const parts: string[] = [];
  if (summary.found === 0) {
    parts.push('Grok found no JSON, YAML, TypeScript/JavaScript or Python files to lint.');
  } else {
    const head = summary.cancelled ? `Grok stopped after ${summary.linted.toLocaleString('en-US')} of ${count(summary.found, 'file')}` : `Grok linted ${count(summary.linted, 'file')}`;
    parts.push(`${head}: ${findingsPhrase(summary)}.`);
  }
  const { tooLarge, binary, unreadable } = summary.skipped;
  const skipped = tooLarge + binary + unreadable;
  if (skipped > 0) {
    const why = [
      tooLarge > 0 ? `${tooLarge} larger than ${formatBytes(maxBytes)}` : '',
      binary > 0 ? `${binary} not text` : '',
      unreadable > 0 ? `${unreadable} unreadable` : '',
    ].filter((reason) => reason !== '');
    parts.push(`Skipped ${count(skipped, 'file')} (${why.join(', ')}).`);
  }
  if (summary.limitReached) parts.push(`Only the first ${searchLimit.toLocaleString('en-US')} files were searched.`);
  return parts.join(' ');
}

function findingsPhrase(summary: WorkspaceLintSummary): string {
  const counts = [
    summary.errors > 0 ? count(summary.errors, 'error') : '',
    summary.warnings > 0 ? count(summary.warnings, 'warning') : '',
    summary.infos > 0 ? count(summary.infos, 'note') : '',
  ].filter((part) => part !== '');
  if (counts.length === 0) return 'no tool-schema problems';
  const listed = counts.length === 1 ? counts[0] : `${counts.slice(0, -1).join(', ')} and ${counts[counts.length - 1]}`;
  return `${listed} in ${count(summary.filesWithFindings.length, 'file')}`;
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}
