/**
 * Quick-fix text for languages with `{ key: value }` literals: JSON/JSONC, TypeScript/JavaScript object
 * literals, Python dicts (and `dict(key=value)` calls), and zod expressions. Edits are minimal and keep the
 * surrounding layout: a new first entry goes on its own line when the old first entry had one.
 */
import type { FixSyntax, Span, StaticObject, StaticValue } from './staticValue';
import type { LintTextEdit } from './types';

export interface BraceDialect {
  /** `"type": "object"`, `type: "object"`, `type="object"`. */
  typeEntry: string;
  /** The object schema holding `inner` as its only (required) property `value`. */
  wrap(inner: string): string;
}

export const JSON_DIALECT: BraceDialect = {
  typeEntry: '"type": "object"',
  wrap: (inner) => `{"type": "object", "properties": {"value": ${inner}}, "required": ["value"]}`,
};

export const PYTHON_DICT_DIALECT: BraceDialect = JSON_DIALECT;

export const PYTHON_KWARGS_DIALECT: BraceDialect = { ...JSON_DIALECT, typeEntry: 'type="object"' };

export function typescriptDialect(quote: '"' | "'"): BraceDialect {
  const q = (text: string): string => `${quote}${text}${quote}`;
  return {
    typeEntry: `type: ${q('object')}`,
    wrap: (inner) => `{ type: ${q('object')}, properties: { value: ${inner} }, required: [${q('value')}] }`,
  };
}

/** `z.object({ value: <inner> })`, with the object factory as the file spells it (`z.object`, `object`). */
export function zodDialect(objectFactory: string): BraceDialect {
  return { typeEntry: '', wrap: (inner) => `${objectFactory}({ value: ${inner} })` };
}

export class BraceFixSyntax implements FixSyntax {
  private readonly eol: string;

  constructor(
    private readonly text: string,
    private readonly dialect: BraceDialect,
  ) {
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
  }

  wrapInObject(span: Span, _value: StaticValue): LintTextEdit[] | undefined {
    if (span.end <= span.start) return undefined;
    return [{ start: span.start, end: span.end, newText: this.dialect.wrap(this.text.slice(span.start, span.end)) }];
  }

  addObjectType(object: StaticObject): LintTextEdit[] | undefined {
    const entry = this.dialect.typeEntry;
    if (entry === '') return undefined;
    const first = object.entries[0];
    if (first === undefined) {
      return object.openEnd === undefined ? undefined : [{ start: object.openEnd, end: object.openEnd, newText: entry }];
    }
    const lineStart = this.text.lastIndexOf('\n', first.keyStart - 1) + 1;
    const lead = this.text.slice(lineStart, first.keyStart);
    const newText = /^[ \t]*$/.test(lead) ? `${entry},${this.eol}${lead}` : `${entry}, `;
    return [{ start: first.keyStart, end: first.keyStart, newText }];
  }
}
