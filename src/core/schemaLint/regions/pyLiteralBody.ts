/**
 * Recognises a Python dict literal made only of JSON-like data — string or number keys, strings (no prefixes:
 * no f-strings), numbers, `True`/`False`/`None`, nested dicts and lists, comments — from its opening brace,
 * and returns the offset of its closing brace. Such text is always valid Python and names nothing, so
 * excluding it from a parse can neither hide a syntax error nor change name resolution. Anything else is a
 * refusal (`-1`): the body is then parsed as usual.
 */

import { LiteralScanner, literalEnd, MAX_NESTING, Refused } from './literalScanner';

const VALUE_WORDS = ['True', 'False', 'None'];
const NUMBER = /(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)(?![\w.])/y;

/** The offset of the `}` closing the plain-data dict literal whose `{` is at `open`, or -1. */
export function plainDictLiteralEnd(text: string, open: number): number {
  const scanner = new Scanner(text, open);
  return literalEnd(scanner, () => scanner.dict(0));
}

class Scanner extends LiteralScanner {
  dict(depth: number): void {
    if (depth > MAX_NESTING) throw new Refused();
    this.expect(123); // {
    for (;;) {
      this.trivia();
      if (this.eat(125)) return; // }
      const code = this.text.charCodeAt(this.pos);
      if (code === 39 || code === 34) this.strings();
      else this.number();
      this.trivia();
      this.expect(58); // :
      this.value(depth);
      this.trivia();
      if (this.eat(125)) return;
      this.expect(44); // ,
    }
  }

  private value(depth: number): void {
    this.trivia();
    const code = this.text.charCodeAt(this.pos);
    if (code === 123) this.dict(depth + 1);
    else if (code === 91) this.list(depth + 1, () => this.value(depth + 1));
    else if (code === 39 || code === 34) this.strings();
    else if (code === 45) {
      this.pos++;
      this.trivia();
      this.number();
    } else if (code >= 48 && code <= 57) this.number();
    else {
      const word = VALUE_WORDS.find((candidate) => this.text.startsWith(candidate, this.pos));
      if (word === undefined) throw new Refused();
      this.pos += word.length;
      if (/[\w\u0080-\uffff]/.test(this.text[this.pos] ?? '')) throw new Refused();
    }
  }

  /** One string, or several side by side (implicit concatenation). */
  private strings(): void {
    this.string();
    for (;;) {
      this.trivia();
      const code = this.text.charCodeAt(this.pos);
      if (code !== 39 && code !== 34) return;
      this.string();
    }
  }

  private string(): void {
    const { text } = this;
    const quote = text.charCodeAt(this.pos);
    const triple = text.charCodeAt(this.pos + 1) === quote && text.charCodeAt(this.pos + 2) === quote;
    let at = this.pos + (triple ? 3 : 1);
    for (;;) {
      const code = text.charCodeAt(at);
      if (Number.isNaN(code)) throw new Refused();
      if (code === 92) {
        at += text.charCodeAt(at + 1) === 13 && text.charCodeAt(at + 2) === 10 ? 3 : 2;
      } else if (code === quote) {
        if (!triple) break;
        if (text.charCodeAt(at + 1) === quote && text.charCodeAt(at + 2) === quote) {
          at += 2;
          break;
        }
        at++;
      } else if ((code === 10 || code === 13) && !triple) {
        throw new Refused();
      } else at++;
    }
    this.pos = at + 1;
  }

  private number(): void {
    NUMBER.lastIndex = this.pos;
    if (!NUMBER.test(this.text)) throw new Refused();
    this.pos = NUMBER.lastIndex;
  }

  /** Spaces, tabs, line breaks (inside brackets they are whitespace) and comments; a backslash continuation is refused. */
  protected override trivia(): void {
    const { text } = this;
    for (;;) {
      const code = text.charCodeAt(this.pos);
      if (code === 32 || code === 10 || code === 13 || code === 9 || code === 12) this.pos++;
      else if (code === 35) {
        let at = this.pos + 1;
        while (at < text.length && text.charCodeAt(at) !== 10 && text.charCodeAt(at) !== 13) at++;
        this.pos = at;
      } else return;
    }
  }
}
