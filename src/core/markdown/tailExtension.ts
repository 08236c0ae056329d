/**
 * Text that extends the open tail's last text run as it stands, with no re-parse. Most deltas of a
 * stream add words to the line being written: in prose they lengthen the last text of a paragraph,
 * list item, quote or heading; in an open code fence, the code line. When the text added cannot change
 * how anything before it parses, the tail's new HTML is the previous HTML with that text, escaped,
 * inserted before its closing tags; and the view grows one text node.
 *
 * When that holds (decided on the tokens of the last full render, then on each text added):
 * - prose: the tail ends in the last inline run of a paragraph, list item, quote or heading, and that
 *   run ends in plain text. The last line already holds a letter, so its block markers are settled
 *   (`1` + `. x` would start a list, `-` + ` x` too, `#` + `x` would end a heading). Neither the text
 *   added nor the last character before it is one any inline rule of ours reacts to (emphasis, code,
 *   links and citations, autolinks, entities, escapes, a heading's closing `#`s, line breaks), so no
 *   delimiter changes side and nothing left open gets closed. Spaces at the end are trimmed by
 *   markdown-it until text follows them, and so they are here.
 * - code: the tail ends in a fence still open at the top level, its opening line unindented (so code
 *   lines keep their indentation as written), on a content line. No line the text added completes or
 *   begins could close the fence (or become a line that does): none starts with three fence markers.
 *   Code shows verbatim, line breaks included.
 * test/unit/panel/tailExtension.test.ts streams generated documents through this and through full
 * re-renders and compares every update.
 */
import type { Token } from 'markdown-it';
import { closingRunStart, tokenizeClosingRun, type ClosingToken } from './htmlTextAppend';
import { lineCount as countLines, offsetOfLine } from './lineOffsets';

export interface TailExtensionPoint {
  kind: 'prose' | 'code';
  /** Offset in the tail's HTML where added text goes: before the closing tags. */
  at: number;
  /** The closing tags and line feeds after `at`, as `HtmlTextAppend.closing` has them. */
  closing: ClosingToken[];
}

/**
 * Whitespace other than the space (trimmed, or a line break), and the characters an inline rule
 * starts or ends at: escapes, code spans, emphasis, strikethrough, link and citation brackets and
 * parentheses, autolink ends, entity ends, a heading's closing sequence. `(`, `!`, `<` and `&` open
 * things only a later `)`, `[`, `>` or `;` could complete, and those are refused in turn.
 */
const ACTIVE_IN_PROSE = /[^\S ]|[\\`*_~[\]);>#]/;

/** What markdown-it closes after a prose run, with no content of their own. */
const PROSE_CLOSERS = new Set(['paragraph_close', 'heading_close', 'list_item_close', 'bullet_list_close', 'ordered_list_close', 'blockquote_close']);

const LETTER = /\p{L}/u;
/** A line with nothing but these could be (or become) a closing fence. */
const FENCE_LINE = /^[ \t`~]*$/;
/** A line that could close a fence, or grow into one: refused, to be safe (`m`: any line). */
const FENCE_MARKERS_LINE = /^[ \t]*(```|~~~)/m;

/**
 * Code lines as markdown-it shows them: a last line of nothing but spaces and tabs is not a line to it
 * (yet), though the line feed before it is kept. `lines` starts at the start of a line.
 */
function withoutBlankLastLine(lines: string): string {
  return lines.replace(/(^|\n)[ \t]+$/, '$1');
}

/**
 * Where text added to `tail` may go in `html` (its render from `tokens`), or undefined when added
 * text must be rendered in full.
 */
export function findTailExtensionPoint(tokens: readonly Token[], tail: string, html: string, escapeHtml: (text: string) => string): TailExtensionPoint | undefined {
  const lineStart = tail.lastIndexOf('\n') + 1;
  const lastLine = tail.slice(lineStart);
  if (lastLine === '') return undefined;
  const lineCount = countLines(tail);

  let k = tokens.length - 1;
  while (k >= 0 && tokens[k].nesting === -1 && PROSE_CLOSERS.has(tokens[k].type)) k--;
  const last = tokens[k] as Token | undefined;
  if (!last?.map || last.map[1] !== lineCount) return undefined;
  const at = closingRunStart(html);
  const shown = html.slice(0, at);

  if (last.type === 'inline') {
    const text = last.children?.[last.children.length - 1];
    const kept = tail.trimEnd();
    const lastChar = kept.slice(-1);
    if (text?.type !== 'text' || !text.content.endsWith(lastChar) || lastChar === '' || ACTIVE_IN_PROSE.test(lastChar)) return undefined;
    if (!LETTER.test(lastLine) || !shown.endsWith(escapeHtml(lastChar))) return undefined;
    return { kind: 'prose', at, closing: tokenizeClosingRun(html.slice(at)) };
  }
  if (last.type === 'fence' && k === tokens.length - 1 && last.level === 0 && last.map[0] < lineCount - 1) {
    const opener = tail.charAt(offsetOfLine(tail, last.map[0]));
    if ((opener !== '`' && opener !== '~') || FENCE_LINE.test(lastLine) || !shown.endsWith(escapeHtml(lastLine))) return undefined;
    return { kind: 'code', at, closing: tokenizeClosingRun(html.slice(at)) };
  }
  return undefined;
}

/**
 * The text `added` to `before` (the tail at the point's render, plus what earlier extensions added)
 * shows, as DOM text: '' when nothing shows yet (trailing spaces), undefined when it must be rendered
 * in full.
 */
export function extensionText(point: TailExtensionPoint, before: string, added: string): string | undefined {
  if (point.kind === 'code') {
    // The line being written, as it grows, and every line the text added begins.
    const line = before.slice(before.lastIndexOf('\n') + 1);
    const touched = line + added;
    if (FENCE_MARKERS_LINE.test(touched)) return undefined;
    return withoutBlankLastLine(touched).slice(withoutBlankLastLine(line).length);
  }
  if (ACTIVE_IN_PROSE.test(added)) return undefined;
  const kept = before.trimEnd().length;
  return (before.slice(kept) + added).trimEnd();
}
