/**
 * Nested schema bodies the parser may skip: the insides of `properties: {…}`, `items: {…}` and zod
 * `z.object({…})` shapes, which are most of a tool-heavy file's bytes and which the rules never read (they
 * judge a schema's root). The braces stay in the parse (`properties: {}`), so the tree keeps its shape.
 *
 * What makes skipping exact, not approximate:
 * - a body is skipped only when it is plain data (see jsLiteralBody.ts / pyLiteralBody.ts): always valid,
 *   and unable to declare, rebind or mutate a name;
 * - a body holding an anchor word (`parameters`, `inputSchema`…) is parsed: a tool may be defined inside;
 * - after the parse, every skipped body must be an object literal's inside in the tree (a candidate found in
 *   a string, comment or type fails that: it is parsed after all, in a second parse);
 * - reading the members of a skipped object (a `$ref` into `properties`, say) makes the front-end lint the
 *   file again from a parse without skipping (see SkippedBodies in treeSitter/skippedBodies.ts).
 * Which keys are candidates is therefore a question of speed only.
 */
import type { Span } from '../staticValue';
import { plainObjectLiteralEnd } from './jsLiteralBody';
import { plainDictLiteralEnd } from './pyLiteralBody';

export type BodyLanguage = 'javascript' | 'python';

/** `properties: {`, `"items": {`, `z.object({`, `.extend({`: the `{` ends the match. */
const JS_CANDIDATE = /\b(?:properties|items|patternProperties)\b["']?\s*:\s*\{|\b(?:object|strictObject|looseObject|extend)\s*\(\s*\{/g;
const PY_CANDIDATE = /["'](?:properties|items|patternProperties)["']\s*:\s*\{/g;

/**
 * The bodies (between the braces) to leave out of the parse, inside `within` (the ranges to parse; the whole
 * text when undefined), in order. Bodies shorter than `minLength` are not worth a range boundary.
 */
export function findSkippableBodies(text: string, language: BodyLanguage, anchorOffsets: readonly number[], within: readonly Span[] | undefined, minLength: number): Span[] {
  const candidate = language === 'python' ? new RegExp(PY_CANDIDATE) : new RegExp(JS_CANDIDATE);
  const bodyEnd = language === 'python' ? plainDictLiteralEnd : plainObjectLiteralEnd;
  const anchors = [...anchorOffsets].sort((a, b) => a - b);
  const bodies: Span[] = [];
  for (const range of within ?? [{ start: 0, end: text.length }]) {
    candidate.lastIndex = range.start;
    for (let match = candidate.exec(text); match !== null && match.index < range.end; match = candidate.exec(text)) {
      const open = match.index + match[0].length - 1;
      const close = bodyEnd(text, open);
      if (close < 0 || close >= range.end) continue;
      // Skipped or not, nothing inside this body starts another candidate body.
      candidate.lastIndex = close + 1;
      if (close - open - 1 < minLength || hasAnchorBetween(anchors, open, close)) {
        candidate.lastIndex = open + 1;
        continue;
      }
      bodies.push({ start: open + 1, end: close });
    }
  }
  return bodies;
}

/** Whether a sorted offset lies in `(open, close)`. */
function hasAnchorBetween(sorted: readonly number[], open: number, close: number): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] <= open) low = middle + 1;
    else high = middle;
  }
  return low < sorted.length && sorted[low] < close;
}

/** `ranges` (or the whole text) without `bodies`: the parser's included ranges. */
export function withoutBodies(textLength: number, ranges: readonly Span[] | undefined, bodies: readonly Span[]): Span[] {
  const included: Span[] = [];
  let body = 0;
  for (const range of ranges ?? [{ start: 0, end: textLength }]) {
    let start = range.start;
    while (body < bodies.length && bodies[body].start < range.end) {
      const { start: skipStart, end: skipEnd } = bodies[body];
      if (skipStart > start) included.push({ start, end: skipStart });
      start = Math.max(start, skipEnd);
      body++;
    }
    if (start < range.end) included.push({ start, end: range.end });
  }
  return included;
}
