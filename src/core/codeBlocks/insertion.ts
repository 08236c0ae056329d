/**
 * "Insert at Cursor" for a code block: the block's text shaped to where it lands, as a person pasting
 * it would want. Continuation lines take the cursor line's indentation (code from a fence starts at
 * column 0), blank lines around the block are dropped, line endings become the document's, and when
 * the cursor sits in a line's indentation with code after it, that code moves to its own line below
 * the block, keeping its indentation.
 */
import type { IndentStyle } from '../inlineFix/indentation';
import { shapeReplacement } from '../inlineFix/shapeReplacement';

export interface InsertionPoint {
  /** The cursor line's text before the cursor (or before the selection being replaced). */
  linePrefix: string;
  /** The line's text after the cursor (or after the selection). */
  lineSuffix: string;
  eol: '\n' | '\r\n';
  /** The editor's indentation settings. */
  indentation?: Partial<IndentStyle>;
}

export function textToInsert(code: string, at: InsertionPoint): string {
  const shaped = shapeReplacement(code, { targetText: '', linePrefix: at.linePrefix, eol: at.eol, ...(at.indentation ? { indentation: at.indentation } : {}) });
  // "    |foo()": the block goes above foo(), which keeps its own line and indentation.
  if (at.linePrefix.trim() === '' && at.lineSuffix.trim() !== '' && shaped.trim() !== '') return shaped + at.eol + at.linePrefix;
  return shaped;
}
