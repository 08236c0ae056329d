/**
 * A zod schema as the JSON schema of a Responses API `json_schema` text format in strict mode. Strict
 * structured output (OpenAI's rules, which xAI-compatible gateways apply) needs a root object, and every
 * object closed (`additionalProperties: false`) with all of its properties required; zod 4's
 * `z.toJSONSchema` gives that for plain `z.object`s, and this checks it so a later schema edit (an
 * `.optional()`, a `z.looseObject`) fails here, in a unit test, rather than as an HTTP 400.
 */
import { z } from 'zod';

export function toStrictJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
  if (json.type !== 'object') throw new TypeError('A strict structured-output schema needs an object at its root.');
  assertStrict(json, '#');
  return json;
}

function assertStrict(node: unknown, path: string): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => assertStrict(item, `${path}/${index}`));
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  if (record.type === 'object') {
    const properties = (record.properties ?? {}) as Record<string, unknown>;
    if (record.additionalProperties !== false) throw new TypeError(`Strict schema: the object at ${path} must set additionalProperties: false.`);
    const required = new Set(Array.isArray(record.required) ? record.required : []);
    const missing = Object.keys(properties).filter((key) => !required.has(key));
    if (missing.length > 0) throw new TypeError(`Strict schema: the object at ${path} must require ${missing.join(', ')} (make optional values nullable instead).`);
  }
  for (const [key, value] of Object.entries(record)) assertStrict(value, `${path}/${key}`);
}
