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
  const candidates = [citationSpanning(text, start, end), citationSpanningCodePoints(text, start, end)];
  const key = sourceKey(annotation.url);
  // Prefer the reading whose URL agrees with the annotation; either reading that lands exactly on a
  // citation link is still a position (the link in the text is what the reader sees).
  return candidates.find((c) => c && sourceKey(c.url) === key) ?? candidates.find((c) => c !== undefined);
}

function citationSpanning(text: string, start: number, end: number): InlineCitation | undefined {
  if (end > text.length) return undefined;
  const scan = scanCitation(text, start, end);
  return scan.kind === 'complete' && scan.citation.end === end ? scan.citation : undefined;
}

function citationSpanningCodePoints(text: string, start: number, end: number): InlineCitation | undefined {
  // Cheap exit: without astral characters the two readings are identical.
  if (!/[\uD800-\uDBFF]/.test(text)) return undefined;
  const points = Array.from(text);
  if (end > points.length) return undefined;
  const startUnit = points.slice(0, start).join('').length;
  const endUnit = startUnit + points.slice(start, end).join('').length;
  return citationSpanning(text, startUnit, endUnit);
}
