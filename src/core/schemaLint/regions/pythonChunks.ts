/**
 * Cuts Python into chunks of whole top-level statements. Python has no maintained tokenizer on npm, so this is a
 * small lexer of exactly what decides where a top-level statement starts: strings (every prefix, triple quotes,
 * f/t-strings with nested replacement fields and format specs), comments, brackets and backslash continuations.
 *
 * A chunk starts at a line that begins at column 0 outside brackets, strings and continuations — except
 * `else`/`elif`/`except`/`finally`, which continue their statement, and the line after a decorator. A comment
 * at column 0 never starts a chunk (it may sit inside an indented block). An unterminated string or an
 * unbalanced bracket yields `undefined`.
 */
import { ChunkRecorder, type ChunkedSource } from './chunkedSource';

const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
  'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while',
  'with', 'yield',
]);
const CONTINUATIONS = new Set(['else', 'elif', 'except', 'finally']);
const STRING_PREFIX = /^[rubftRUBFT]{1,2}$/;
const NAME_REST = /[\p{ID_Continue}\u200c\u200d]*/uy;
const NAME_START = /[\p{ID_Start}_]/u;

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const FORM_FEED = 12;
const HASH = 35;
const BACKSLASH = 92;
const SINGLE_QUOTE = 39;
const DOUBLE_QUOTE = 34;
const DOT = 46;
const AT = 64;

/** Thrown inside the lexer when the text cannot be split; caught by {@link chunkPython}. */
class Unsplittable extends Error {}

export function chunkPython(text: string): ChunkedSource | undefined {
  try {
    return new PythonChunker(text).run();
  } catch (error) {
    if (error instanceof Unsplittable) return undefined;
    throw error;
  }
}

class PythonChunker {
  private readonly recorder = new ChunkRecorder();
  private afterDot = false;
  private chunkHead = true;

  constructor(private readonly text: string) {}

  run(): ChunkedSource {
    const { text } = this;
    let depth = 0;
    let atLineStart = true;
    let decoratorPending = false;
    let pos = 0;
    while (pos < text.length) {
      const code = text.charCodeAt(pos);
      if (atLineStart) {
        atLineStart = false;
        if (code !== SPACE && code !== TAB && code !== FORM_FEED && code !== HASH && code !== LF && code !== CR && code !== BACKSLASH) {
          const continuation = CONTINUATIONS.has(this.wordAt(pos));
          if (!continuation) {
            if (pos > 0 && !decoratorPending) {
              this.recorder.startChunk(pos);
              this.chunkHead = true;
            }
            decoratorPending = code === AT;
          }
        }
      }
      if (code === LF) {
        pos++;
        atLineStart = depth === 0;
      } else if (code === SPACE || code === TAB || code === FORM_FEED || code === CR) {
        pos++;
      } else if (code === HASH) {
        pos = this.commentEnd(pos);
      } else if (code === BACKSLASH) {
        // A continuation joins the next line to this one; anything else after a backslash is an error.
        const next = text.charCodeAt(pos + 1);
        if (next === LF) pos += 2;
        else if (next === CR) pos += text.charCodeAt(pos + 2) === LF ? 3 : 2;
        else throw new Unsplittable();
      } else {
        const opened = this.bracketChange(code);
        depth += opened;
        if (depth < 0) throw new Unsplittable();
        pos = this.token(pos);
      }
    }
    return this.recorder.finish();
  }

  /** +1 for an opening bracket, -1 for a closing one, 0 otherwise. */
  private bracketChange(code: number): number {
    if (code === 40 || code === 91 || code === 123) return 1;
    if (code === 41 || code === 93 || code === 125) return -1;
    return 0;
  }

  private commentEnd(pos: number): number {
    let end = pos;
    while (end < this.text.length) {
      const code = this.text.charCodeAt(end);
      if (code === LF || code === CR) break;
      end++;
    }
    return end;
  }

  /** Lexes one significant token at `pos` (not whitespace, newline or comment); returns the offset after it. */
  private token(pos: number, mentionsOnly = false): number {
    const { text } = this;
    const code = text.charCodeAt(pos);
    const head = this.chunkHead;
    this.chunkHead = false;
    if (code === SINGLE_QUOTE || code === DOUBLE_QUOTE) {
      this.afterDot = false;
      return this.string(pos, '');
    }
    const nameEnd = this.nameEnd(pos);
    if (nameEnd > pos) {
      const name = text.slice(pos, nameEnd);
      const next = text.charCodeAt(nameEnd);
      if ((next === SINGLE_QUOTE || next === DOUBLE_QUOTE) && STRING_PREFIX.test(name)) {
        this.afterDot = false;
        return this.string(nameEnd, name);
      }
      if (head && (name === 'import' || name === 'from')) this.recorder.markImport();
      if (this.afterDot) this.recorder.name(name, false);
      else if (!KEYWORDS.has(name)) this.recorder.name(name, !mentionsOnly);
      this.afterDot = false;
      return nameEnd;
    }
    if (code >= 48 && code <= 57) {
      // Numbers, including `1_000`, `0x1F`, `1.5e3`, `2j`: nothing in them matters.
      let end = pos + 1;
      while (end < text.length && /[\w.]/.test(text[end])) end++;
      this.afterDot = false;
      return end;
    }
    this.afterDot = code === DOT;
    // Operators and anything else: one code unit at a time is enough (brackets are counted by the caller).
    return pos + 1;
  }

  /** The end of the name starting at `pos`, or `pos` when none starts there. */
  private nameEnd(pos: number): number {
    const { text } = this;
    const first = text.charCodeAt(pos);
    const asciiStart = (first >= 97 && first <= 122) || (first >= 65 && first <= 90) || first === 95;
    if (!asciiStart && (first < 128 || !NAME_START.test(String.fromCodePoint(text.codePointAt(pos) ?? 0)))) return pos;
    let end = pos + (first >= 0xd800 && first <= 0xdbff ? 2 : 1);
    for (;;) {
      const code = text.charCodeAt(end);
      if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95) end++;
      else if (code >= 128) {
        NAME_REST.lastIndex = end;
        NAME_REST.exec(text);
        if (NAME_REST.lastIndex === end) return end;
        end = NAME_REST.lastIndex;
      } else return end;
    }
  }

  private wordAt(pos: number): string {
    return this.text.slice(pos, this.nameEnd(pos));
  }

  /** A string literal whose quote is at `pos`; returns the offset after its closing quote. */
  private string(pos: number, prefix: string): number {
    const { text } = this;
    const quote = text.charCodeAt(pos);
    const triple = text.charCodeAt(pos + 1) === quote && text.charCodeAt(pos + 2) === quote;
    const interpolates = /[fFtT]/.test(prefix);
    let at = pos + (triple ? 3 : 1);
    for (;;) {
      if (at >= text.length) throw new Unsplittable();
      const code = text.charCodeAt(at);
      if (code === BACKSLASH) {
        at += text.charCodeAt(at + 1) === CR && text.charCodeAt(at + 2) === LF ? 3 : 2;
      } else if (code === quote) {
        if (!triple) return at + 1;
        if (text.charCodeAt(at + 1) === quote && text.charCodeAt(at + 2) === quote) return at + 3;
        at++;
      } else if ((code === LF || code === CR) && !triple) {
        throw new Unsplittable();
      } else if (interpolates && code === 123) {
        at = text.charCodeAt(at + 1) === 123 ? at + 2 : this.replacementField(at + 1);
      } else {
        at++;
      }
    }
  }

  /**
   * The inside of an f-string `{…}` from just after its brace: an expression (which may hold strings, even
   * with the same quotes since Python 3.12), then an optional `!r` and `:format spec` that may nest more
   * fields. Returns the offset after the closing brace. Names in it are mentions, never reads: the linter
   * does not evaluate f-strings, but an assignment expression in one still rebinds a name.
   */
  private replacementField(pos: number): number {
    const { text } = this;
    let depth = 0;
    let at = pos;
    while (at < text.length) {
      const code = text.charCodeAt(at);
      if (code === SPACE || code === TAB || code === LF || code === CR || code === FORM_FEED || code === BACKSLASH) {
        at++;
      } else if (code === HASH) {
        at = this.commentEnd(at);
      } else if (depth === 0 && code === 125) {
        return at + 1;
      } else if (depth === 0 && code === 58 && text.charCodeAt(at + 1) !== 61) {
        return this.formatSpec(at + 1);
      } else {
        depth += this.bracketChange(code);
        if (depth < 0) throw new Unsplittable();
        at = this.token(at, true);
      }
    }
    throw new Unsplittable();
  }

  /** A format spec: literal text up to the field's closing brace, with nested `{…}` fields. */
  private formatSpec(pos: number): number {
    const { text } = this;
    let at = pos;
    while (at < text.length) {
      const code = text.charCodeAt(at);
      if (code === 125) return at + 1;
      at = code === 123 ? this.replacementField(at + 1) : at + 1;
    }
    throw new Unsplittable();
  }
}
