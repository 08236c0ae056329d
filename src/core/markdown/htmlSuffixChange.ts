/**
 * Finds how little of a streaming answer's open tail changed between two renders, when more than text
 * was added: the innermost element whose children, from some child on, are all that differ. A table
 * of a thousand rows gains a row; a long list gains an item; a paragraph gains a link. The view then
 * parses, sanitises and morphs only those children instead of the whole tail, so a render costs what
 * the change costs, not what the block's size does.
 *
 * Why this is exact: both strings are markdown-it's own HTML, in which `<` and `>` only delimit tags
 * (text and attribute values are escaped) and every element is closed. Everything before the change
 * point is the same in both, so the same elements are open there; everything after the element's
 * closing tag is the same in both; so the two documents differ only in that element's children from
 * the change point on. The view checks the DOM path and the number of children against the previous
 * HTML before it touches anything.
 */
import { commonPrefixLength } from './htmlTextAppend';

/** One step down from the tail's top level: the element's tag and its index among its parent's child nodes. */
export interface HtmlPathStep {
  tag: string;
  index: number;
}

export interface HtmlSuffixChange {
  /** From the tail's top level down to the element whose children change (never empty). */
  path: HtmlPathStep[];
  /** The first of that element's child nodes that changes: it and all after it are replaced. */
  from: number;
  /** How many child nodes, from `from` on, the previous HTML gives that element. */
  previousCount: number;
  /** The next HTML of those children. */
  html: string;
}

const TOKEN = /<(\/?)([a-z][a-z0-9]*)[^>]*>|[^<]+/y;
const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'input', 'wbr']);

interface Token {
  start: number;
  end: number;
  kind: 'open' | 'close' | 'void' | 'text';
  tag: string;
}

function tokenAt(html: string, at: number): Token | undefined {
  TOKEN.lastIndex = at;
  const match = TOKEN.exec(html);
  if (!match || match.index !== at) return undefined;
  const end = at + match[0].length;
  if (match[2] === undefined) return { start: at, end, kind: 'text', tag: '' };
  const tag = match[2];
  if (match[1]) return { start: at, end, kind: 'close', tag };
  return { start: at, end, kind: VOID_ELEMENTS.has(tag) ? 'void' : 'open', tag };
}

interface OpenElement {
  tag: string;
  /** Its index among its parent's child nodes, and where its start tag begins. */
  index: number;
  start: number;
  /** Child nodes seen so far. */
  children: number;
}

/**
 * From `at` (a token boundary inside an element), the end of that element's children: where its
 * closing tag starts, and how many child nodes come before it. Undefined if the HTML is not balanced.
 */
function childrenEnd(html: string, at: number, tag: string): { close: number; count: number } | undefined {
  let depth = 0;
  let count = 0;
  for (let position = at; position < html.length; ) {
    const token = tokenAt(html, position);
    if (!token) return undefined;
    if (token.kind === 'close') {
      if (depth === 0) return token.tag === tag ? { close: token.start, count } : undefined;
      depth--;
    } else {
      if (depth === 0) count++;
      if (token.kind === 'open') depth++;
    }
    position = token.end;
  }
  return undefined;
}

/** The smallest change of children that turns `previous` into `next`, or undefined (none, or at the top level). */
export function findHtmlSuffixChange(previous: string, next: string): HtmlSuffixChange | undefined {
  if (previous === next) return undefined;
  const common = commonPrefixLength(previous, next);

  // Walk the previous HTML to the token holding the first difference, keeping the open elements.
  const root: OpenElement = { tag: '', index: 0, start: 0, children: 0 };
  const stack: OpenElement[] = [root];
  let position = 0;
  let lastText: { start: number } | undefined;
  for (;;) {
    const token = tokenAt(previous, position);
    if (!token || token.end > common) break;
    const top = stack[stack.length - 1];
    lastText = undefined;
    if (token.kind === 'close') {
      if (stack.length === 1 || top.tag !== token.tag) return undefined;
      stack.pop();
    } else {
      top.children++;
      if (token.kind === 'open') stack.push({ tag: token.tag, index: top.children - 1, start: token.start, children: 0 });
      if (token.kind === 'text') lastText = { start: token.start };
    }
    position = token.end;
  }
  // Text just before the change point may go on in the next HTML: it changes too.
  let from = stack[stack.length - 1].children;
  if (lastText) {
    position = lastText.start;
    from--;
  }

  // The innermost open element after whose closing tag both are the same.
  for (let level = stack.length - 1; level > 0; level--) {
    const element = stack[level];
    const before = childrenEnd(previous, position, element.tag);
    const after = childrenEnd(next, position, element.tag);
    if (before && after && previous.length - before.close === next.length - after.close && previous.endsWith(next.slice(after.close))) {
      const path = stack.slice(1, level + 1).map(({ tag, index }) => ({ tag, index }));
      return { path, from, previousCount: before.count, html: next.slice(position, after.close) };
    }
    // One level out: the element itself is the first child that changes.
    position = element.start;
    from = element.index;
  }
  return undefined;
}
