/**
 * The target code as sent: whole lines while they fit `maxChars`, cut at a line boundary otherwise
 * (mid-line only when its first line alone is too long, e.g. minified code), never silently.
 */
import { linesInRange, plural, sliceCodePointSafe } from './textLines';
import type { Range } from './types';

export interface TargetExcerpt {
  code: string;
  /** 0-based lines of the target, and the last one whose text was (at least partly) sent. */
  startLine: number;
  endLine: number;
  lastSentLine: number;
  /** Set when the code was cut: the notice shown after the code and in the panel. */
  truncation?: { promptNotice: string; summaryNotice: string };
}

export function excerptTarget(lines: readonly string[], target: Range, maxChars: number): TargetExcerpt {
  const pieces = linesInRange(lines, target);
  const startLine = target.start.line;
  const endLine = target.end.line;
  const full = pieces.join('\n');
  if (full.length <= maxChars) return { code: full, startLine, endLine, lastSentLine: endLine };

  let sentLines = 0;
  let length = 0;
  while (sentLines < pieces.length && length + (sentLines > 0 ? 1 : 0) + pieces[sentLines].length <= maxChars) {
    length += (sentLines > 0 ? 1 : 0) + pieces[sentLines].length;
    sentLines++;
  }
  const limit = `the ${maxChars.toLocaleString('en-US')}-character limit`;
  if (sentLines > 0) {
    const lastSentLine = startLine + sentLines - 1;
    const omitted = pieces.length - sentLines;
    const omittedLines = `${plural(omitted, 'more line')} not sent`;
    return {
      code: pieces.slice(0, sentLines).join('\n'),
      startLine,
      endLine,
      lastSentLine,
      truncation: {
        promptNotice: `[… ${omittedLines}] (${lineRange(lastSentLine + 1, endLine)}: the code was cut to fit ${limit})`,
        summaryNotice: `Cut to fit ${limit}: sent ${lineRange(startLine, lastSentLine)} of ${lineRange(startLine, endLine)}; ${omittedLines}.`,
      },
    };
  }

  // Even the first line is too long: send its beginning.
  const head = sliceCodePointSafe(pieces[0], maxChars);
  const rest = `the rest of line ${startLine + 1} (${plural(pieces[0].length - head.length, 'more character')})`;
  const omittedLines = pieces.length > 1 ? ` and ${plural(pieces.length - 1, 'more line')}` : '';
  return {
    code: head,
    startLine,
    endLine,
    lastSentLine: startLine,
    truncation: {
      promptNotice: `[… ${rest}${omittedLines} not sent] (the code was cut to fit ${limit})`,
      summaryNotice: `Cut to fit ${limit}: sent the first ${plural(head.length, 'character')} of line ${startLine + 1}; ${rest}${omittedLines} not sent.`,
    },
  };
}

/** "line 5" or "lines 5–9", 1-based. */
export function lineRange(startLine: number, endLine: number): string {
  return startLine === endLine ? `line ${startLine + 1}` : `lines ${startLine + 1}–${endLine + 1}`;
}
