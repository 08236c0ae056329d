/**
 * A language-neutral view of a value as far as it can be known without running the code: what the JSON,
 * YAML, TypeScript/JavaScript and Python front-ends turn their syntax into, and what the rule engine judges.
 * Anything the linter cannot evaluate (an import, a call, a spread) is `unknown`, never guessed.
 */
import type { LintTextEdit } from './types';

export interface Span {
  start: number;
  end: number;
}

/** How to edit a value in its source language. Absent for values without source text. */
export interface FixSyntax {
  /** Replaces the text at `span` (which holds `value`) with an object schema holding it as property `value`. */
  wrapInObject(span: Span, value: StaticValue): LintTextEdit[] | undefined;
  /** Adds `type: "object"` to an object literal. */
  addObjectType(object: StaticObject): LintTextEdit[] | undefined;
}

interface ValueBase extends Span {
  /** Where the value is referred to from when it was reached through a name (identifier, YAML alias). */
  site?: Span;
  syntax?: FixSyntax;
  /** Short source-like label for messages, e.g. `z.string()`; set on values derived from code. */
  label?: string;
  /** Set on values derived from a zod expression (the JSON Schema zod would produce). */
  fromZod?: boolean;
  /** A zod schema built with zod 3 (imported from `zod/v3`): its converters differ from zod 4's. */
  zod3?: boolean;
  /**
   * A zod `.optional()` read as its inner schema (zod 4's `toJSONSchema` at the root), with the edit that removes
   * it. zod-to-json-schema, the zod 3 converter, emits `anyOf: [{not: {}}, inner]` for it instead.
   */
  zodOptional?: ModifierRemoval;
  /**
   * For a union branch that a zod modifier added (the `{type: "null"}` of `.nullable()`): the edit that removes
   * the modifier, keeping the inner schema.
   */
  removal?: ModifierRemoval;
}

/** A quick fix that removes a zod modifier (`.nullable()`, `z.optional(x)` → `x`). */
export interface ModifierRemoval {
  title: string;
  edit: LintTextEdit;
}

export interface StaticEntry {
  /** `undefined` for a spread or computed key: an entry whose contribution is unknown. */
  readonly key: string | undefined;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly value: StaticValue;
}

export interface StaticObject extends ValueBase {
  kind: 'object';
  entries: readonly StaticEntry[];
  /** Offset just after the opening delimiter (`{`, `(`), where a first entry can be inserted. */
  openEnd?: number;
  /** YAML block mapping (no delimiters). */
  block?: boolean;
}

export interface StaticArray extends ValueBase {
  kind: 'array';
  /** A spread element appears as an `unknown` item. */
  items: readonly StaticValue[];
}

export interface StaticString extends ValueBase {
  kind: 'string';
  value: string;
}
export interface StaticNumber extends ValueBase {
  kind: 'number';
  value: number;
}
export interface StaticBoolean extends ValueBase {
  kind: 'boolean';
  value: boolean;
}
export interface StaticNull extends ValueBase {
  kind: 'null';
}
export interface StaticUnknown extends ValueBase {
  kind: 'unknown';
  /** Why, for info-level notes: "imported binding", "call of f()", … */
  reason: string;
  /** The code is a function (arrow, expression, method, lambda): an object holding one carries its implementation. */
  callable?: boolean;
}

export type StaticScalar = StaticString | StaticNumber | StaticBoolean | StaticNull;
export type StaticValue = StaticObject | StaticArray | StaticScalar | StaticUnknown;

/** An entry whose value is computed on first access: front-ends convert only what the rules look at. */
export class LazyEntry implements StaticEntry {
  private computed: StaticValue | undefined;
  constructor(
    readonly key: string | undefined,
    readonly keyStart: number,
    readonly keyEnd: number,
    private readonly compute: () => StaticValue,
  ) {}
  get value(): StaticValue {
    this.computed ??= this.compute();
    return this.computed;
  }
}

export type Lookup = { state: 'absent' } | { state: 'unknown' } | { state: 'present'; value: StaticValue; entry: StaticEntry };

const ABSENT: Lookup = { state: 'absent' };
const UNKNOWN: Lookup = { state: 'unknown' };

/** The value of `key`, honouring later-wins and spreads: a spread after the last definition makes it unknown. */
export function lookup(object: StaticObject, key: string): Lookup {
  const { entries } = object;
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry.key === undefined) return UNKNOWN;
    if (entry.key === key) return { state: 'present', value: entry.value, entry };
  }
  return ABSENT;
}

export function isPresent(object: StaticObject, key: string): boolean {
  return lookup(object, key).state === 'present';
}

/** The string value at `key`, `undefined` when absent or not a string literal. */
export function stringAt(object: StaticObject, key: string): string | undefined {
  const found = lookup(object, key);
  return found.state === 'present' && found.value.kind === 'string' ? found.value.value : undefined;
}

/** The span to report for a value: its reference site when reached through a name, else its own text. */
export function reportSpan(value: StaticValue): Span {
  return value.site ?? { start: value.start, end: value.end };
}

export function unknownValue(span: Span, reason: string): StaticUnknown {
  return { kind: 'unknown', start: span.start, end: span.end, reason };
}

/** The same value, seen from a reference (identifier, alias) at `site`. */
export function viaReference(value: StaticValue, site: Span): StaticValue {
  return { ...value, site };
}
