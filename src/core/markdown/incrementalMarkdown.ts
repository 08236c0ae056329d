/**
 * Streams markdown into HTML without re-rendering what is settled. The source is split into top-level
 * blocks; a block is *finished* once nothing appended later can change it: when a later block has
 * begun on a complete line, or when it is sealed (a heading or rule; a paragraph, quote, table or
 * fence followed by a blank line). Finished blocks are rendered once (the caller appends and keeps
 * them); only the open tail is re-rendered on each update, or extended as it stands when the text
 * added cannot change how it parses (tailExtension.ts). The concatenation of everything `update()`
 * and `finish()` return as finished equals a one-shot render of the whole text.
 *
 * Why only complete lines count: a line still arriving may change meaning (`foo` + "\n```" opens a
 * fence; "```x`" does not), and a table header needs its delimiter line. Both lookaheads stay inside
 * the last block of the complete lines. Lists and indented code are never sealed by a blank line:
 * an indented line or a new item after it continues them.
 */
import type { MarkdownIt, Token } from 'markdown-it';
import { findTrailingPartialCitation } from './citationSyntax';
import { CitationNumbering, type CitedUrl } from './citationSources';
import type { HtmlTextAppend } from './htmlTextAppend';
import { lineCount, offsetOfLine } from './lineOffsets';
import type { MarkdownEnv } from './markdownRenderer';
import { extensionText, findTailExtensionPoint, type TailExtensionPoint } from './tailExtension';

export interface MarkdownUpdate {
  /** HTML of blocks that finished since the last call: append once, never touch again. */
  finishedHtml: string;
  /** HTML of the open tail: replaces the previous tail. Empty once finished. */
  tailHtml: string;
  /**
   * Set when `tailHtml` is the previous update's with this text added at the end of its last text
   * (tailExtension.ts): the view may grow a text node without comparing the two.
   */
  tailAppend?: HtmlTextAppend;
}

export interface IncrementalMarkdownOptions {
  /**
   * Extend the tail's HTML in place when added text cannot change how it parses (tailExtension.ts).
   * Off: every update re-renders the tail (what the tests compare the extensions with).
   */
  extendTail?: boolean;
}

/** The open tail as last rendered, and where text added to it may go without a re-render. */
interface RenderedTail {
  /** Length of the tail source this HTML shows. */
  length: number;
  html: string;
  point: TailExtensionPoint;
}

export class IncrementalMarkdown {
  /*
   * The source, with line endings normalised as markdown-it would (so offsets and line numbers agree),
   * in two strings: what is rendered and final, and the open tail. Every update reads the tail only:
   * reading one string built by appending to the whole answer would copy all of it each time.
   */
  private settledSource = '';
  private tail = '';
  private endsWithCarriageReturn = false;
  /** Offset in the tail of the complete lines whose block boundaries were last checked (skip needless parses). */
  private tailCheckedUpTo = 0;
  private finished = false;

  /** Numbering shared by every finished block; the tail numbers a fork of it. */
  private readonly citations = new CitationNumbering();
  /** The numbering as last displayed (finished blocks plus the rendered tail). */
  private shownCitations = this.citations;
  private readonly extendTail: boolean;
  private rendered?: RenderedTail;

  constructor(
    private readonly md: MarkdownIt,
    options: IncrementalMarkdownOptions = {},
  ) {
    this.extendTail = options.extendTail ?? true;
  }

  /** Inline-cited URLs as currently displayed, in number order. */
  citedUrls(): CitedUrl[] {
    return this.shownCitations.cited();
  }

  /** The normalised source received so far. */
  get text(): string {
    return this.settledSource + this.tail;
  }

  get isFinished(): boolean {
    return this.finished;
  }

  append(delta: string): void {
    if (this.finished) throw new Error('IncrementalMarkdown: append after finish');
    let chunk = delta;
    // A CRLF split across deltas: the CR already became a line feed.
    if (this.endsWithCarriageReturn && chunk.startsWith('\n')) chunk = chunk.slice(1);
    if (chunk === '') return;
    this.endsWithCarriageReturn = chunk.endsWith('\r');
    if (chunk.includes('\r')) chunk = chunk.replace(/\r\n?/g, '\n');
    if (chunk.includes('\0')) chunk = chunk.replace(/\0/g, '\uFFFD');
    this.tail += chunk;
  }

  /** Finishes what can be finished and renders the open tail. */
  update(): MarkdownUpdate {
    if (this.finished) return { finishedHtml: '', tailHtml: '' };
    const finishedHtml = this.finishSettledBlocks();
    const extended = finishedHtml ? undefined : this.extendRenderedTail();
    if (extended) return extended;
    return { finishedHtml, tailHtml: this.renderTail() };
  }

  /** The stream ended: the tail is final as it stands (a cut-off citation is shown as written). */
  finish(): MarkdownUpdate {
    if (this.finished) return { finishedHtml: '', tailHtml: '' };
    this.finished = true;
    this.rendered = undefined;
    const rest = this.tail;
    this.settledSource += rest;
    this.tail = '';
    this.shownCitations = this.citations;
    return { finishedHtml: rest ? this.md.render(rest, { citations: this.citations }) : '', tailHtml: '' };
  }

  private finishSettledBlocks(): string {
    const completeEnd = this.tail.lastIndexOf('\n') + 1;
    if (completeEnd <= this.tailCheckedUpTo) return '';
    this.tailCheckedUpTo = completeEnd;
    const complete = this.tail.slice(0, completeEnd);
    const settledLines = settledLineCount(this.md, complete);
    if (settledLines === 0) return '';
    const boundary = offsetOfLine(complete, settledLines);
    const settled = complete.slice(0, boundary);
    this.settledSource += settled;
    this.tail = this.tail.slice(boundary);
    this.tailCheckedUpTo -= boundary;
    this.rendered = undefined;
    return this.md.render(settled, { citations: this.citations });
  }

  /** The tail's HTML with the text added since its last render, when that text extends it as is. */
  private extendRenderedTail(): MarkdownUpdate | undefined {
    const rendered = this.rendered;
    const length = this.tail.length;
    if (!rendered || length <= rendered.length) return undefined;
    const text = extensionText(rendered.point, this.tail.slice(0, rendered.length), this.tail.slice(rendered.length));
    if (text === undefined) return undefined;
    rendered.length = length;
    if (text === '') return { finishedHtml: '', tailHtml: rendered.html };
    // No citation can begin or end in such text: the numbering shown stands.
    const escaped = this.md.utils.escapeHtml(text);
    const { point } = rendered;
    rendered.html = rendered.html.slice(0, point.at) + escaped + rendered.html.slice(point.at);
    point.at += escaped.length;
    return { finishedHtml: '', tailHtml: rendered.html, tailAppend: { text, closing: point.closing, afterText: true } };
  }

  private renderTail(): string {
    const tail = this.tail;
    this.shownCitations = this.citations;
    this.rendered = undefined;
    if (tail === '') return '';
    // Provisional numbering: a citation in the tail may yet turn out to be inside a code span.
    let env: MarkdownEnv = { citations: this.citations.fork() };
    let html: string;
    const cut = findTrailingPartialCitation(tail);
    if (cut === -1) {
      const tokens = this.md.parse(tail, env);
      html = this.md.renderer.render(tokens, this.md.options, env);
      const point = this.extendTail ? findTailExtensionPoint(tokens, tail, html, this.md.utils.escapeHtml) : undefined;
      if (point) this.rendered = { length: tail.length, html, point };
    } else {
      // Hide a citation still arriving (`[[1]](htt`) rather than flash it as literal text, unless the
      // tail is code, where those characters are just code.
      const tokens = this.md.parse(tail.slice(0, cut), env);
      if (endsInCode(tokens)) {
        env = { citations: this.citations.fork() };
        html = this.md.render(tail, env);
      } else {
        html = this.md.renderer.render(tokens, this.md.options, env);
      }
    }
    this.shownCitations = env.citations ?? this.citations;
    return html;
  }
}

/** Blocks that end for good at their last line. */
const SEALED_AT_END = new Set(['heading_open', 'hr']);
/** Blocks that end for good at a blank line (lists and indented code can continue after one). */
const SEALED_BY_BLANK_LINE = new Set(['paragraph_open', 'blockquote_open', 'table_open', 'fence']);

/**
 * How many leading lines of `src` (complete lines only) hold finished blocks: everything before the
 * last top-level block, plus that block when it is sealed. Block-level parse only; inline is skipped.
 */
function settledLineCount(md: MarkdownIt, src: string): number {
  const tokens: Token[] = [];
  md.block.parse(src, md, {}, tokens);
  let last: Token | undefined;
  for (let i = tokens.length - 1; i >= 0 && !last; i--) {
    if (tokens[i].level === 0 && tokens[i].nesting !== -1 && tokens[i].map) last = tokens[i];
  }
  if (!last?.map) return 0;
  const [start, end] = last.map;
  const lines = lineCount(src) - 1; // `src` ends with a line feed
  const followedByBlankLine = end < lines;
  if (SEALED_AT_END.has(last.type) || (followedByBlankLine && SEALED_BY_BLANK_LINE.has(last.type))) return lines;
  return start;
}

/** True when the last top-level block is a code block (an unclosed fence runs to the end). */
function endsInCode(tokens: Token[]): boolean {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i];
    if (token.level === 0 && token.nesting !== -1) return token.type === 'fence' || token.type === 'code_block';
  }
  return false;
}
