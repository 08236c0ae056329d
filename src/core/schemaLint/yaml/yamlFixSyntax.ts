/**
 * Quick-fix text for YAML. Flow values and scalars are wrapped inline in a flow mapping; block collections
 * are rewritten as a block mapping whose `value` key holds the old lines, shifted right uniformly (which keeps
 * nested block scalars and comments valid).
 */
import type { FixSyntax, Span, StaticObject, StaticValue } from '../staticValue';
import type { LintTextEdit } from '../types';

export type YamlStyle = 'block-map' | 'block-seq' | 'flow' | 'plain' | 'quoted' | 'block-scalar' | 'alias';

export interface YamlLayout {
  style: YamlStyle;
  /** Column of the enclosing mapping key or sequence dash (-1 at the root): block content must sit deeper. */
  parentIndent: number;
}

/** One per node (the layout differs); `eol` is the document's line break, found once by the caller. */
export class YamlFixSyntax implements FixSyntax {
  constructor(
    private readonly text: string,
    private readonly eol: string,
    private readonly layout: YamlLayout,
  ) {}

  wrapInObject(span: Span, value: StaticValue): LintTextEdit[] | undefined {
    const { style } = this.layout;
    if (value.site !== undefined || style === 'alias' || style === 'flow' || style === 'quoted') {
      return [this.inline(span, this.text.slice(span.start, span.end))];
    }
    if (style === 'plain' || style === 'block-scalar') {
      const trimmed = this.trimEnd(span);
      const scalar = value.kind === 'string' ? JSON.stringify(value.value) : this.text.slice(trimmed.start, trimmed.end);
      return [this.inline(trimmed, scalar)];
    }
    return [this.block(this.trimEnd(span))];
  }

  addObjectType(object: StaticObject): LintTextEdit[] | undefined {
    const first = object.entries[0];
    if (this.layout.style === 'block-map') {
      if (first === undefined) return undefined;
      const column = first.keyStart - this.lineStart(first.keyStart);
      return [{ start: first.keyStart, end: first.keyStart, newText: `type: object${this.eol}${' '.repeat(column)}` }];
    }
    if (this.layout.style !== 'flow') return undefined;
    if (first !== undefined) return [{ start: first.keyStart, end: first.keyStart, newText: 'type: object, ' }];
    return object.openEnd === undefined ? undefined : [{ start: object.openEnd, end: object.openEnd, newText: 'type: object' }];
  }

  private inline(span: Span, inner: string): LintTextEdit {
    return { start: span.start, end: span.end, newText: `{type: object, properties: {value: ${inner}}, required: [value]}` };
  }

  /** A block collection becomes `type: object / properties: / value: <old lines>` at a valid indentation. */
  private block(span: Span): LintTextEdit {
    const lineStart = this.lineStart(span.start);
    const column = span.start - lineStart;
    const startsLine = /^[ ]*$/.test(this.text.slice(lineStart, span.start));
    // A compact sequence sits at its key's column; a mapping in its place must be indented deeper.
    const target = startsLine ? Math.max(column, this.layout.parentIndent + 2) : column;
    const pad = (n: number): string => ' '.repeat(n);
    const shift = target + 4 - column;
    const old = this.text.slice(span.start, span.end).replace(/(\r?\n)(?=[^\r\n])/g, `$1${pad(shift)}`);
    const { eol } = this;
    const newText =
      `${pad(target - column)}type: object${eol}${pad(target)}properties:${eol}${pad(target + 2)}value:${eol}` +
      `${pad(target + 4)}${old}${eol}${pad(target)}required: [value]`;
    return { start: span.start, end: span.end, newText };
  }

  private lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** Node ranges include the line break (and blank lines) after a block node; edits keep them. */
  private trimEnd(span: Span): Span {
    let end = span.end;
    while (end > span.start && /\s/.test(this.text[end - 1])) end--;
    return { start: span.start, end };
  }
}
