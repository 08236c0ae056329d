/**
 * The cursor the plain-literal recognisers share (jsLiteralBody.ts, pyLiteralBody.ts): each reads a small
 * subset of its language from an opening brace, and anything outside the subset throws `Refused`.
 */

export class Refused extends Error {}

/** Nesting deeper than this is refused: hostile input must not exhaust the stack. */
export const MAX_NESTING = 64;

export abstract class LiteralScanner {
  constructor(
    protected readonly text: string,
    public pos: number,
  ) {}

  /** Skips whitespace and comments, as the language has them. */
  protected abstract trivia(): void;

  /** `[a, b, …]`, a trailing comma allowed; `element` reads one element. */
  protected list(depth: number, element: () => void): void {
    if (depth > MAX_NESTING) throw new Refused();
    this.expect(91); // [
    for (;;) {
      this.trivia();
      if (this.eat(93)) return; // ]
      element();
      this.trivia();
      if (this.eat(93)) return;
      this.expect(44); // ,
    }
  }

  protected eat(code: number): boolean {
    if (this.text.charCodeAt(this.pos) !== code) return false;
    this.pos++;
    return true;
  }

  protected expect(code: number): void {
    if (!this.eat(code)) throw new Refused();
  }
}

/** The offset of the closing brace of what `scan` reads, or -1 when the text is outside the subset. */
export function literalEnd(scanner: LiteralScanner, scan: () => void): number {
  try {
    scan();
    return scanner.pos - 1;
  } catch (error) {
    if (error instanceof Refused) return -1;
    throw error;
  }
}
