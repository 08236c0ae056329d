/**
 * What JSON Schema a zod expression becomes (zod 4 `z.toJSONSchema`, and zod-to-json-schema for zod 3 where
 * they agree), reduced to what the root rule needs: the root's type, or its union branches.
 * `.optional()` is transparent at the root (zod 4 emits the inner schema); `.nullable()` adds a null branch.
 */

export type ZodFactoryRule =
  | { kind: 'type'; type: string }
  | { kind: 'any' }
  | { kind: 'never' }
  /** `z.literal(v)`: the type of its argument. */
  | { kind: 'literal' }
  /** Branches from the array argument at `listArg` (`last` for `discriminatedUnion(key, [...])`). */
  | { kind: 'union'; keyword: 'anyOf' | 'oneOf'; listArg: 'first' | 'last' }
  | { kind: 'intersection' }
  /** The same schema as argument `arg` (`optional(x)`, `preprocess(fn, x)`, `pipe(a, b)` → input side). */
  | { kind: 'inner'; arg: number }
  | { kind: 'nullable'; arg: number }
  /** `z.optional(x)`: transparent at the root in zod 4, a `{not: {}}` branch with zod-to-json-schema. */
  | { kind: 'optional'; arg: number }
  | { kind: 'unknown' };

const type = (name: string): ZodFactoryRule => ({ kind: 'type', type: name });

const STRING_FACTORIES = [
  'string', 'email', 'url', 'httpUrl', 'uuid', 'uuidv4', 'uuidv6', 'uuidv7', 'guid', 'cuid', 'cuid2', 'ulid', 'nanoid', 'xid', 'ksuid',
  'emoji', 'base64', 'base64url', 'ipv4', 'ipv6', 'cidrv4', 'cidrv6', 'mac', 'e164', 'jwt', 'hostname', 'hex', 'hash', 'date',
  'datetime', 'time', 'duration', 'templateLiteral', 'stringbool', 'stringFormat', 'enum', 'nativeEnum', 'symbol',
];

export const ZOD_FACTORIES: ReadonlyMap<string, ZodFactoryRule> = new Map<string, ZodFactoryRule>([
  ...STRING_FACTORIES.map((name): [string, ZodFactoryRule] => [name, type('string')]),
  ...['object', 'strictObject', 'looseObject', 'interface', 'record', 'partialRecord', 'looseRecord'].map((name): [string, ZodFactoryRule] => [name, type('object')]),
  ...['number', 'float32', 'float64', 'nan'].map((name): [string, ZodFactoryRule] => [name, type('number')]),
  ...['int', 'int32', 'uint32', 'bigint', 'int64', 'uint64'].map((name): [string, ZodFactoryRule] => [name, type('integer')]),
  ['boolean', type('boolean')],
  ['null', type('null')],
  ['array', type('array')],
  ['tuple', type('array')],
  ['set', type('array')],
  ['any', { kind: 'any' }],
  ['unknown', { kind: 'any' }],
  ['never', { kind: 'never' }],
  ['literal', { kind: 'literal' }],
  ['union', { kind: 'union', keyword: 'anyOf', listArg: 'first' }],
  ['xor', { kind: 'union', keyword: 'oneOf', listArg: 'first' }],
  ['discriminatedUnion', { kind: 'union', keyword: 'oneOf', listArg: 'last' }],
  ['intersection', { kind: 'intersection' }],
  ['optional', { kind: 'optional', arg: 0 }],
  ['readonly', { kind: 'inner', arg: 0 }],
  ['nonoptional', { kind: 'inner', arg: 0 }],
  ['default', { kind: 'inner', arg: 0 }],
  ['prefault', { kind: 'inner', arg: 0 }],
  ['catch', { kind: 'inner', arg: 0 }],
  ['pipe', { kind: 'inner', arg: 0 }],
  ['preprocess', { kind: 'inner', arg: 1 }],
  ['nullable', { kind: 'nullable', arg: 0 }],
  ['nullish', { kind: 'nullable', arg: 0 }],
]);

export type ZodMethodRule = 'same' | 'optional' | 'nullable' | 'array' | 'or' | 'and' | 'string' | 'unknown';

/** Methods whose result is not a schema of the same shape. Any other method (refinements, checks, `describe`…) keeps it. */
const METHOD_RULES: ReadonlyMap<string, ZodMethodRule> = new Map<string, ZodMethodRule>([
  ['optional', 'optional'],
  ['nullable', 'nullable'],
  ['nullish', 'nullable'],
  ['array', 'array'],
  ['or', 'or'],
  ['and', 'and'],
  ['keyof', 'string'],
  ...['parse', 'safeParse', 'parseAsync', 'safeParseAsync', 'spa', 'decode', 'encode', 'safeDecode', 'safeEncode', 'unwrap', 'removeDefault', 'promise', 'then', 'valueOf', 'toString'].map(
    (name): [string, ZodMethodRule] => [name, 'unknown'],
  ),
]);

export function zodMethodRule(name: string): ZodMethodRule {
  return METHOD_RULES.get(name) ?? 'same';
}

/** Module specifiers that export zod (`zod`, `zod/v4`, `zod/mini`, `@zod/mini`, `@hono/zod-openapi`…). */
export function isZodModule(specifier: string): boolean {
  return /(^|[/@])zod(\/|$|-openapi)/.test(specifier) || specifier === 'astro/zod' || specifier === 'astro:content' || specifier === 'astro:schema';
}
