/**
 * Recognises the most common change to a streaming answer's open tail: its re-rendered HTML is the
 * previous HTML with plain text added where the text ended (before the closing tags), e.g.
 * `<p>Hello</p>\n` → `<p>Hello world</p>\n`, or a line more inside an open code fence. Such a change
 * can be applied to the DOM already showing the previous HTML by growing one text node: no parsing,
 * no sanitising, no new elements to style and lay out.
 *
 * Why this is exact: the decision compares the two renders markdown-it produced (it does not guess
 * from the source), and accepts only an insertion of pure text (no `<` or `>`, only the entities
 * markdown-it's escaping emits) at a point followed by nothing but closing tags and line feeds. The
 * HTML parser turns such a string into the same DOM as before with that text added at that point;
 * the view checks the DOM path and refuses where the parser would move text (tables, `<pre>`).
 */

/** What follows the insertion point in the previous HTML: closing tags and line feeds, in order. */
export type ClosingToken = { kind: 'close'; tag: string } | { kind: 'text'; text: string };

export interface HtmlTextAppend {
  /** The text to insert, as DOM text (entities decoded). Never empty. */
  text: string;
  /** The previous HTML after the insertion point, tokenised (document order). */
  closing: ClosingToken[];
  /** True when the insertion point follows text; false when it follows a tag. */
  afterText: boolean;
}

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };
const CLOSING_TAG = /^<\/([a-z][a-z0-9]*)>/;

/**
 * The text append that turns `previous` into `next`, or undefined when `next` differs in any other
 * way (or not at all).
 */
export function findHtmlTextAppend(previous: string, next: string): HtmlTextAppend | undefined {
  if (next.length <= previous.length || previous === '') return undefined;
  const runStart = closingRunStart(previous);
  const common = commonPrefixLength(previous, next);
  // The insertion point: the last token boundary of the closing run not after the common prefix.
  const boundaries = closingRunBoundaries(previous, runStart);
  let at = -1;
  for (const boundary of boundaries) if (boundary <= common) at = boundary;
  if (at === -1) return undefined;
  const rest = previous.slice(at);
  if (!next.endsWith(rest)) return undefined;
  const inserted = next.slice(at, next.length - rest.length);
  const text = decodeText(inserted);
  if (text === undefined || text === '') return undefined;
  const afterText = at > 0 && previous[at - 1] !== '>';
  return { text, closing: tokenizeClosingRun(rest), afterText };
}

/** How many leading UTF-16 units `a` and `b` share. */
export function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let common = 0;
  while (common < limit && a.charCodeAt(common) === b.charCodeAt(common)) common++;
  return common;
}

/** Where the trailing run of closing tags and line feeds of `html` begins. */
export function closingRunStart(html: string): number {
  let start = html.length;
  for (;;) {
    if (start > 0 && html[start - 1] === '\n') {
      start--;
      continue;
    }
    if (start > 0 && html[start - 1] === '>') {
      const open = html.lastIndexOf('</', start - 1);
      if (open !== -1 && CLOSING_TAG.exec(html.slice(open, start))?.[0].length === start - open) {
        start = open;
        continue;
      }
    }
    return start;
  }
}

/** Every offset from `runStart` to the end where a token of the closing run begins (and the end). */
function closingRunBoundaries(html: string, runStart: number): number[] {
  const boundaries: number[] = [];
  let pos = runStart;
  while (pos < html.length) {
    boundaries.push(pos);
    if (html[pos] === '\n') pos++;
    else pos += CLOSING_TAG.exec(html.slice(pos))?.[0].length ?? html.length;
  }
  boundaries.push(html.length);
  return boundaries;
}

/** A run of closing tags and line feeds (from `closingRunStart` on), as tokens in document order. */
export function tokenizeClosingRun(run: string): ClosingToken[] {
  const tokens: ClosingToken[] = [];
  let pos = 0;
  while (pos < run.length) {
    if (run[pos] === '\n') {
      let end = pos;
      while (run[end] === '\n') end++;
      tokens.push({ kind: 'text', text: run.slice(pos, end) });
      pos = end;
      continue;
    }
    const match = CLOSING_TAG.exec(run.slice(pos));
    if (!match) throw new Error(`htmlTextAppend: not a closing run: ${JSON.stringify(run)}`);
    tokens.push({ kind: 'close', tag: match[1] });
    pos += match[0].length;
  }
  return tokens;
}

/** The DOM text of an HTML text run, or undefined when it holds markup or an entity markdown-it does not emit. */
function decodeText(html: string): string | undefined {
  if (html.includes('<') || html.includes('>')) return undefined;
  let ok = true;
  const text = html.replace(/&[^;&]*;?/g, (entity) => {
    const decoded = ENTITIES[entity];
    if (decoded === undefined) ok = false;
    return decoded ?? entity;
  });
  return ok ? text : undefined;
}
