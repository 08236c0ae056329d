/** Answers "does this span touch a syntax error?" for the spans of parse errors a parser reported. */
import type { Span } from './staticValue';

export class SyntaxErrorIndex {
  private readonly errors: readonly Span[];

  constructor(errors: readonly Span[]) {
    this.errors = [...errors].sort((a, b) => a.start - b.start);
  }

  get size(): number {
    return this.errors.length;
  }

  /** Touching counts: an error right at the end of a value (an unclosed brace at EOF) is about that value. */
  intersects(span: Span): boolean {
    // Few errors in practice (a document being typed): a linear scan is simplest and fast enough.
    for (const error of this.errors) {
      if (error.start > span.end) return false;
      if (error.end >= span.start) return true;
    }
    return false;
  }
}
