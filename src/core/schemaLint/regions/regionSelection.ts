/**
 * Which top-level statements the linter must parse: those holding an anchor (a word the front-end searches:
 * `parameters`, `inputSchema`, `input_schema`, Python's `tool`), the imports, and — to a fixpoint — every
 * statement that mentions a name an included statement reads, wherever and however it mentions it (declares,
 * reassigns, mutates, shadows): the front-ends' name resolution then sees exactly the occurrences it would see
 * in the whole file. Over-inclusion costs time only.
 */
import type { Span } from '../staticValue';
import { chunkAt, type ChunkedSource } from './chunkedSource';

/** The text ranges to parse, in order, adjacent chunks merged. */
export function selectRegions(source: ChunkedSource, textLength: number, anchorOffsets: readonly number[]): Span[] {
  const { starts, references, mentions } = source;
  const included = new Uint8Array(starts.length);
  const queue: number[] = [];
  const include = (chunk: number): void => {
    if (included[chunk] === 1) return;
    included[chunk] = 1;
    queue.push(chunk);
  };
  for (const offset of anchorOffsets) include(chunkAt(starts, offset));
  for (const chunk of source.imports) include(chunk);
  const followed = new Set<string>();
  while (queue.length > 0) {
    const chunk = queue.pop() as number;
    for (const name of references[chunk]) {
      if (followed.has(name)) continue;
      followed.add(name);
      for (const other of mentions.get(name) ?? []) include(other);
    }
  }
  const ranges: Span[] = [];
  for (let chunk = 0; chunk < starts.length; chunk++) {
    if (included[chunk] === 0) continue;
    const start = starts[chunk];
    const end = chunk + 1 < starts.length ? starts[chunk + 1] : textLength;
    const last = ranges[ranges.length - 1];
    if (last !== undefined && last.end === start) last.end = end;
    else ranges.push({ start, end });
  }
  return ranges;
}

/** Context kept around each anchor when estimating what a region parse could skip: about one tool definition. */
const ANCHOR_CONTEXT = 2_000;
/** Below this share of skippable text, splitting costs more (tokenizing everything) than it saves. */
const MIN_SKIPPABLE_SHARE = 0.4;
/** Small files parse in a millisecond or two: splitting them is not worth its fixed cost. */
const MIN_SPLIT_LENGTH = 16_000;

/**
 * Whether a region parse may pay off: the file is large and its anchors leave long stretches without any
 * (a file of tools, one after another, has to be parsed whole anyway). A pure time heuristic: either answer
 * gives the same findings.
 */
export function regionParseMayPay(textLength: number, anchorOffsets: readonly number[]): boolean {
  if (textLength < MIN_SPLIT_LENGTH) return false;
  const sorted = [...anchorOffsets].sort((a, b) => a - b);
  let skippable = 0;
  let previous = -ANCHOR_CONTEXT;
  for (const offset of sorted) {
    skippable += Math.max(0, offset - previous - 2 * ANCHOR_CONTEXT);
    previous = offset;
  }
  skippable += Math.max(0, textLength - previous - ANCHOR_CONTEXT);
  return skippable >= textLength * MIN_SKIPPABLE_SHARE;
}
