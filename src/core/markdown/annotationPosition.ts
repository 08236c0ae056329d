/**
 * Checks a `url_citation` annotation's offsets against the answer text. xAI documents the offsets as
 * "characters" without saying whether UTF-16 units or code points, and sends 0/0 or nothing when a
 * source has no position, so an offset is trusted only when it spans a whole `[[N]](url)` link.
 */
import { scanCitation, type InlineCitation } from './citationSyntax';
import { sourceKey } from './citationSources';

export interface AnnotationOffsets {
  url: string;
  startIndex?: number;
  endIndex?: number;
}

/** The inline citation the annotation points at, or undefined for "no usable position". */
export function locateAnnotatedCitation(text: string, annotation: AnnotationOffsets): InlineCitation | undefined {
  const { startIndex: start, endIndex: end } = annotation;
  if (start === undefined || end === undefined || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) {
    return undefined;
  }
  const key = sourceKey(annotation.url);
  // Prefer the reading whose URL agrees with the annotation; either reading that lands exactly on a
  // citation link is still a position (the link in the text is what the reader sees).
  const units = citationSpanning(text, start, end);
  if (units && sourceKey(units.url) === key) return units;
  const codePoints = citationSpanningCodePoints(text, start, end);
  if (codePoints && sourceKey(codePoints.url) === key) return codePoints;
  return units ?? codePoints;
}

function citationSpanning(text: string, start: number, end: number): InlineCitation | undefined {
  if (end > text.length) return undefined;
  const scan = scanCitation(text, start, end);
  return scan.kind === 'complete' && scan.citation.end === end ? scan.citation : undefined;
}

function citationSpanningCodePoints(text: string, start: number, end: number): InlineCitation | undefined {
  // Cheap exit: without astral characters the two readings are identical.
  if (!/[\uD800-\uDBFF]/.test(text)) return undefined;
  const units = codePointsToUnits(text, start, end);
  return units && citationSpanning(text, units.start, units.end);
}

/**
 * Code point offsets as UTF-16 offsets (a lone surrogate counts as one code point, as `Array.from`
 * has it), or undefined past the end. One pass, no copy: called per annotation on a long answer.
 */
function codePointsToUnits(text: string, start: number, end: number): { start: number; end: number } | undefined {
  let unit = 0;
  let startUnit = 0;
  for (let point = 0; point < end; point++) {
    if (point === start) startUnit = unit;
    if (unit >= text.length) return undefined;
    const high = text.charCodeAt(unit);
    const pair = high >= 0xd800 && high <= 0xdbff && (text.charCodeAt(unit + 1) & 0xfc00) === 0xdc00;
    unit += pair ? 2 : 1;
  }
  return { start: startUnit, end: unit };
}
