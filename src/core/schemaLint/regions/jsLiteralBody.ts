/**
 * Recognises an object literal made only of plain data — keys, strings, numbers, `true`/`false`/`null`, names,
 * member chains, calls (`z.string().describe("…")`), nested objects and arrays, spreads — from its opening
 * brace, and returns the offset of its closing brace. The subset is small on purpose: text in it is always
 * valid JavaScript and TypeScript (so excluding it cannot hide a syntax error), and it cannot declare, assign,
 * mutate (`Object.assign` is refused) or shadow a name (so excluding it cannot change name resolution).
 * Anything outside the subset — operators, arrows, regexes, `${}` templates, keywords, non-ASCII names — is a
 * refusal (`-1`): the body is then parsed as usual.
 */

import { LiteralScanner, literalEnd, MAX_NESTING, Refused } from './literalScanner';

/** Words that are not plain names in value position (reserved, strict-mode, contextual words that change a parse). */
const NOT_A_NAME = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export', 'extends',
  'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'return', 'super', 'switch', 'this', 'throw', 'try', 'typeof',
  'var', 'void', 'while', 'with', 'yield', 'await', 'let', 'static', 'implements', 'interface', 'package', 'private', 'protected', 'public',
  'async', 'as', 'satisfies', 'of', 'get', 'set', 'type', 'keyof', 'infer', 'is', 'asserts', 'declare', 'abstract', 'readonly', 'module',
  'namespace', 'unique', 'accessor', 'override', 'arguments', 'eval',
  // `Object.assign(x, …)` mutates `x`: a name the linter may resolve.
  'Object',
  // Type names: `{ properties: { a: string, b: number } }` is more likely a TypeScript type literal than data.
  'string', 'number', 'boolean', 'bigint', 'symbol', 'any', 'unknown', 'never', 'object',
]);
const VALUE_WORDS = new Set(['true', 'false', 'null']);
/** `0x1F`, `0o7`, `0b1`, `12`, `1.5`, `.5`, `1e-3`: no separators, legacy octals or bigints (refused, not wrong). */
const NUMBER = /(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?)(?![\w$.])/y;
/** Escapes every grammar agrees on; others (`\u{…}`, `\8`, `\x` without digits) are refused. */
const ESCAPE = /\\(?:['"\\/bfnrtv`$]|0(?![0-9])|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|\r\n|\n|\r)/y;

/** The offset of the `}` closing the plain-data object literal whose `{` is at `open`, or -1. */
export function plainObjectLiteralEnd(text: string, open: number): number {
  const scanner = new Scanner(text, open);
  return literalEnd(scanner, () => scanner.object(0));
}

class Scanner extends LiteralScanner {
  object(depth: number): void {
    if (depth > MAX_NESTING) throw new Refused();
    this.expect(123); // {
    for (;;) {
      this.trivia();
      if (this.eat(125)) return; // }
      if (this.eatSpread()) this.value(depth);
      else {
        const key = this.key();
        this.trivia();
        if (this.eat(58)) this.value(depth); // `key: value`
        else if (key === undefined || NOT_A_NAME.has(key) || VALUE_WORDS.has(key) || !this.peekEither(44, 125)) throw new Refused(); // shorthand `{ key }`
      }
      this.trivia();
      if (this.eat(125)) return;
      this.expect(44); // ,
    }
  }

  private array(depth: number): void {
    this.list(depth, () => {
      this.eatSpread();
      this.value(depth);
    });
  }

  /** A primary followed by `.name` and `(…)` postfixes. */
  private value(depth: number): void {
    this.trivia();
    const code = this.text.charCodeAt(this.pos);
    if (code === 123) this.object(depth + 1);
    else if (code === 91) this.array(depth + 1);
    else if (code === 39 || code === 34) this.string(code);
    else if (code === 96) this.template();
    else if (code === 45) {
      this.pos++;
      this.trivia();
      this.number();
    } else if (isDigit(code) || code === 46) this.number();
    else {
      const word = this.name();
      if (word === undefined || NOT_A_NAME.has(word)) throw new Refused();
    }
    for (;;) {
      this.trivia();
      const next = this.text.charCodeAt(this.pos);
      if (next === 46 && this.text.charCodeAt(this.pos + 1) !== 46) {
        this.pos++;
        this.trivia();
        if (this.name() === undefined) throw new Refused();
      } else if (next === 40) {
        this.pos++;
        this.callArguments(depth);
      } else return;
    }
  }

  private callArguments(depth: number): void {
    if (depth > MAX_NESTING) throw new Refused();
    for (;;) {
      this.trivia();
      if (this.eat(41)) return; // )
      this.value(depth + 1);
      this.trivia();
      if (this.eat(41)) return;
      this.expect(44);
    }
  }

  /** An identifier name, a string or a number; the identifier's text (for the shorthand check), else undefined. */
  private key(): string | undefined {
    const code = this.text.charCodeAt(this.pos);
    if (code === 39 || code === 34) {
      this.string(code);
      return undefined;
    }
    if (isDigit(code) || code === 46) {
      this.number();
      return undefined;
    }
    const word = this.name();
    if (word === undefined) throw new Refused();
    return word;
  }

  private name(): string | undefined {
    const start = this.pos;
    const first = this.text.charCodeAt(start);
    if (!(isLetter(first) || first === 36 || first === 95)) return undefined;
    let end = start + 1;
    for (;;) {
      const code = this.text.charCodeAt(end);
      if (isLetter(code) || isDigit(code) || code === 36 || code === 95) end++;
      else break;
    }
    // A non-ASCII name character: refused (the subset is ASCII names only).
    if (this.text.charCodeAt(end) >= 128) throw new Refused();
    this.pos = end;
    return this.text.slice(start, end);
  }

  private number(): void {
    NUMBER.lastIndex = this.pos;
    if (!NUMBER.test(this.text)) throw new Refused();
    this.pos = NUMBER.lastIndex;
  }

  private string(quote: number): void {
    const { text } = this;
    let at = this.pos + 1;
    for (;;) {
      const code = text.charCodeAt(at);
      if (Number.isNaN(code) || code === 10 || code === 13 || code === 0x2028 || code === 0x2029) throw new Refused();
      if (code === quote) break;
      at = code === 92 ? this.escape(at) : at + 1;
    }
    this.pos = at + 1;
  }

  /** A template literal without substitutions. */
  private template(): void {
    const { text } = this;
    let at = this.pos + 1;
    for (;;) {
      const code = text.charCodeAt(at);
      if (Number.isNaN(code) || (code === 36 && text.charCodeAt(at + 1) === 123)) throw new Refused();
      if (code === 96) break;
      at = code === 92 ? this.escape(at) : at + 1;
    }
    this.pos = at + 1;
  }

  private escape(at: number): number {
    ESCAPE.lastIndex = at;
    if (!ESCAPE.test(this.text)) throw new Refused();
    return ESCAPE.lastIndex;
  }

  /** Whitespace (ASCII and line terminators) and comments. */
  protected override trivia(): void {
    const { text } = this;
    for (;;) {
      const code = text.charCodeAt(this.pos);
      if (code === 32 || code === 10 || code === 13 || code === 9) this.pos++;
      else if (code === 47 && text.charCodeAt(this.pos + 1) === 47) {
        let at = this.pos + 2;
        while (at < text.length && text.charCodeAt(at) !== 10 && text.charCodeAt(at) !== 13) at++;
        this.pos = at;
      } else if (code === 47 && text.charCodeAt(this.pos + 1) === 42) {
        const end = text.indexOf('*/', this.pos + 2);
        if (end < 0) throw new Refused();
        this.pos = end + 2;
      } else return;
    }
  }

  private eatSpread(): boolean {
    const { text, pos } = this;
    if (text.charCodeAt(pos) !== 46 || text.charCodeAt(pos + 1) !== 46 || text.charCodeAt(pos + 2) !== 46) return false;
    this.pos += 3;
    return true;
  }

  private peekEither(a: number, b: number): boolean {
    const code = this.text.charCodeAt(this.pos);
    return code === a || code === b;
  }
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}
