/**
 * Decides what a TS/JS/Python front-end parses: the whole document, or only the statements that can matter
 * (see regionSelection.ts), split by the language's tokenizer; and, within that, which nested object bodies
 * to leave out (see skippableBodies.ts).
 */
import { wordOccurrences } from '../code/sourceText';
import type { Span } from '../staticValue';
import { chunkJavaScript } from './jsChunks';
import { chunkPython } from './pythonChunks';
import { regionParseMayPay, selectRegions } from './regionSelection';
import { findSkippableBodies } from './skippableBodies';

/**
 * `auto`: regions when that pays off (large files with long stretches without tools); `whole-file`: always
 * everything; `regions`: regions whenever the text can be split (the differential test uses it on small inputs).
 */
export type ParseMode = 'auto' | 'whole-file' | 'regions';

export type SplitLanguage = 'javascript' | 'jsx' | 'python';

/** In `auto`, bodies shorter than this are parsed: a range boundary costs about as much as a short body. */
const AUTO_MIN_BODY = 48;
/** In `auto`, skipping starts to pay when it leaves out this much text; below, a fallback would cost more than it saves. */
const AUTO_MIN_SKIPPED = 4_000;

export interface CodeParsePlan {
  /** The ranges to parse; `undefined` for the whole document. */
  ranges?: Span[];
  /** Object bodies to leave out of those ranges. */
  skippedBodies?: Span[];
}

/**
 * What to parse. `anchorWords` are the words the front-end searches. `skipBodies`: leave plain nested bodies
 * out (`undefined`: when it pays, except in `whole-file` mode; `true`: every one found, the differential test's setting).
 */
export function planParse(text: string, language: SplitLanguage, anchorWords: readonly string[], mode: ParseMode = 'auto', skipBodies?: boolean): CodeParsePlan {
  const anchors = anchorWords.flatMap((word) => wordOccurrences(text, word));
  const ranges = planRegions(text, language, anchors, mode);
  if (skipBodies === false || (skipBodies === undefined && mode === 'whole-file')) return { ranges };
  const bodies = findSkippableBodies(text, language === 'python' ? 'python' : 'javascript', anchors, ranges, skipBodies === true ? 1 : AUTO_MIN_BODY);
  if (bodies.length === 0) return { ranges };
  if (skipBodies === undefined && bodies.reduce((sum, body) => sum + body.end - body.start, 0) < AUTO_MIN_SKIPPED) return { ranges };
  return { ranges, skippedBodies: bodies };
}

/** The ranges to parse, or `undefined` for the whole document. */
function planRegions(text: string, language: SplitLanguage, anchors: readonly number[], mode: ParseMode): Span[] | undefined {
  if (mode === 'whole-file') return undefined;
  if (mode === 'auto' && !regionParseMayPay(text.length, anchors)) return undefined;
  const source = language === 'python' ? chunkPython(text) : chunkJavaScript(text, language === 'jsx');
  if (source === undefined) return undefined;
  const ranges = selectRegions(source, text.length, anchors);
  // Nothing to parse still needs a tree; an empty range list would mean "everything" to tree-sitter.
  return ranges.length === 0 ? [{ start: 0, end: 0 }] : ranges;
}
