/**
 * The inline citation syntax xAI puts in answers: `[[N]](url)`, where the URL may contain balanced
 * parentheses (`https://en.wikipedia.org/wiki/XAI_(company)`). One scanner serves the markdown rule,
 * the check of annotation offsets and the detection of a citation cut off by the stream.
 */

export interface InlineCitation {
  /** The number the model wrote. */
  number: number;
  url: string;
  /** Offset just past the closing parenthesis. */
  end: number;
}

export type CitationScan =
  | { kind: 'complete'; citation: InlineCitation }
  /** The text ends while still a valid prefix of a citation: more text may complete it. */
  | { kind: 'partial' }
  | { kind: 'invalid' };

const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const BACKSLASH = 0x5c;
const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
const LINE_FEED = 0x0a;
const MAX_DIGITS = 6;
/** markdown-it's own limit on nested parentheses in a link destination. */
const MAX_PAREN_DEPTH = 32;

const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

/** Undoes markdown backslash escapes (`\)` → `)`), as markdown-it does for link destinations. */
function unescapeDestination(raw: string): string {
  return raw.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/**
 * Scans `[[N]](url)` at `start`, looking no further than `max` (exclusive). The destination follows
 * CommonMark: either `<…>` or a run without spaces or control characters whose parentheses balance.
 */
export function scanCitation(text: string, start: number, max = text.length): CitationScan {
  let pos = start;
  const expect = (code: number): 'ok' | 'end' | 'mismatch' => {
    if (pos >= max) return 'end';
    if (text.charCodeAt(pos) !== code) return 'mismatch';
    pos++;
    return 'ok';
  };
  for (const code of [OPEN_BRACKET, OPEN_BRACKET]) {
    const step = expect(code);
    if (step !== 'ok') return step === 'end' ? { kind: 'partial' } : { kind: 'invalid' };
  }
  const digitsStart = pos;
  while (pos < max && isDigit(text.charCodeAt(pos)) && pos - digitsStart < MAX_DIGITS) pos++;
  if (pos >= max) return { kind: 'partial' };
  if (pos === digitsStart) return { kind: 'invalid' };
  const number = Number(text.slice(digitsStart, pos));
  for (const code of [CLOSE_BRACKET, CLOSE_BRACKET, OPEN_PAREN]) {
    const step = expect(code);
    if (step !== 'ok') return step === 'end' ? { kind: 'partial' } : { kind: 'invalid' };
  }
  const destination = scanDestination(text, pos, max);
  if (destination.kind !== 'complete') return destination;
  pos = destination.end;
  if (pos >= max) return { kind: 'partial' };
  if (text.charCodeAt(pos) !== CLOSE_PAREN || destination.url === '') return { kind: 'invalid' };
  return { kind: 'complete', citation: { number, url: destination.url, end: pos + 1 } };
}

type DestinationScan = { kind: 'complete'; url: string; end: number } | { kind: 'partial' } | { kind: 'invalid' };

function scanDestination(text: string, start: number, max: number): DestinationScan {
  let pos = start;
  if (pos >= max) return { kind: 'partial' };
  if (text.charCodeAt(pos) === LESS_THAN) {
    pos++;
    while (pos < max) {
      const code = text.charCodeAt(pos);
      if (code === LINE_FEED || code === LESS_THAN) return { kind: 'invalid' };
      if (code === GREATER_THAN) return { kind: 'complete', url: unescapeDestination(text.slice(start + 1, pos)), end: pos + 1 };
      pos += code === BACKSLASH ? 2 : 1;
    }
    return { kind: 'partial' };
  }
  let depth = 0;
  while (pos < max) {
    const code = text.charCodeAt(pos);
    if (code <= 0x20 || code === 0x7f) break;
    if (code === BACKSLASH) {
      pos += 2;
      continue;
    }
    if (code === OPEN_PAREN && ++depth > MAX_PAREN_DEPTH) return { kind: 'invalid' };
    if (code === CLOSE_PAREN) {
      if (depth === 0) break;
      depth--;
    }
    pos++;
  }
  if (pos >= max) return { kind: 'partial' };
  if (depth !== 0) return { kind: 'invalid' };
  return { kind: 'complete', url: unescapeDestination(text.slice(start, pos)), end: pos };
}

/**
 * Where a citation cut off by the end of the text begins (`…[[1]](htt`), or -1. A citation never
 * spans lines, so only the last line is searched.
 */
export function findTrailingPartialCitation(text: string): number {
  const lineStart = text.lastIndexOf('\n') + 1;
  for (let i = text.indexOf('[', lineStart); i !== -1; i = text.indexOf('[', i + 1)) {
    if (scanCitation(text, i).kind === 'partial') return i;
  }
  return -1;
}
