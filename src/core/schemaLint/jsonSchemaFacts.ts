/** JSON Schema vocabulary the rules and the tool recognisers need. */
import { lookup, type StaticObject, type StaticValue } from './staticValue';

export const JSON_SCHEMA_TYPES: ReadonlySet<string> = new Set(['object', 'array', 'string', 'number', 'integer', 'boolean', 'null']);

/** Keywords that only make sense on an object schema: their presence says "this is meant as an object". */
export const OBJECT_KEYWORDS = [
  'properties',
  'patternProperties',
  'additionalProperties',
  'required',
  'propertyNames',
  'minProperties',
  'maxProperties',
  'dependentRequired',
  'dependentSchemas',
  'unevaluatedProperties',
] as const;

const SCHEMA_KEYWORDS = new Set<string>([
  ...OBJECT_KEYWORDS,
  'type',
  'anyOf',
  'oneOf',
  'allOf',
  'not',
  '$ref',
  '$schema',
  '$defs',
  'definitions',
  'enum',
  'const',
  'items',
]);

export function isSchemaKeyword(key: string): boolean {
  return SCHEMA_KEYWORDS.has(key);
}

/**
 * Whether a value is recognisably a JSON Schema (or a zod schema). Used where the surrounding shape alone does
 * not prove that a `parameters` key is a tool's schema, so that unrelated `{name, parameters}` data (CI
 * templates, Gemini's upper-case `"OBJECT"` dialect) is left alone.
 */
export function looksLikeSchema(value: StaticValue): boolean {
  if (value.fromZod) return true;
  if (value.kind !== 'object') return false;
  let keyword = false;
  for (const entry of value.entries) {
    if (entry.key === undefined || !SCHEMA_KEYWORDS.has(entry.key)) continue;
    keyword = true;
  }
  if (!keyword) return false;
  const type = lookup(value, 'type');
  if (type.state !== 'present') return true;
  return isJsonSchemaType(type.value);
}

/** A `type` value made of JSON Schema type names (a name, or a non-empty list of names). */
export function isJsonSchemaType(value: StaticValue): boolean {
  if (value.kind === 'string') return JSON_SCHEMA_TYPES.has(value.value);
  if (value.kind === 'array') {
    return value.items.length > 0 && value.items.every((item) => item.kind === 'string' && JSON_SCHEMA_TYPES.has(item.value));
  }
  return false;
}

/** Keywords that describe an object's members, not just constrain one: a schema with them defines an object. */
export const MEMBER_KEYWORDS = ['properties', 'patternProperties', 'additionalProperties'] as const;

/** The first of `keywords` the object has: why it is "meant as an object" although it has no `type`. */
export function firstObjectKeyword(object: StaticObject, keywords: readonly string[] = OBJECT_KEYWORDS): string | undefined {
  return keywords.find((keyword) => lookup(object, keyword).state === 'present');
}
