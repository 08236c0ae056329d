/**
 * Decides what a TS/JS/Python front-end parses: the whole document, or only the statements that can matter
 * (see regionSelection.ts), split by the language's tokenizer. `undefined` means the whole document.
 */
import { wordOccurrences } from '../code/sourceText';
import type { Span } from '../staticValue';
import { chunkJavaScript } from './jsChunks';
import { chunkPython } from './pythonChunks';
import { regionParseMayPay, selectRegions } from './regionSelection';

/**
 * `auto`: regions when that pays off (large files with long stretches without tools); `whole-file`: always
 * everything; `regions`: regions whenever the text can be split (the differential test uses it on small inputs).
 */
export type ParseMode = 'auto' | 'whole-file' | 'regions';

export type SplitLanguage = 'javascript' | 'jsx' | 'python';

/** The ranges to parse, or `undefined` for the whole document; `anchorWords` are the words the front-end searches. */
export function planRegions(text: string, language: SplitLanguage, anchorWords: readonly string[], mode: ParseMode = 'auto'): Span[] | undefined {
  if (mode === 'whole-file') return undefined;
  const anchors = anchorWords.flatMap((word) => wordOccurrences(text, word));
  if (mode === 'auto' && !regionParseMayPay(text.length, anchors)) return undefined;
  const source = language === 'python' ? chunkPython(text) : chunkJavaScript(text, language === 'jsx');
  if (source === undefined) return undefined;
  const ranges = selectRegions(source, text.length, anchors);
  // Nothing to parse still needs a tree; an empty range list would mean "everything" to tree-sitter.
  return ranges.length === 0 ? [{ start: 0, end: 0 }] : ranges;
}
