import { strict as assert } from 'node:assert';
import { z } from 'zod';
import { FIX_ANSWER_FORMAT_NAME, fixAnswerFormat, fixAnswerSchema } from '../../../src/core/inlineFix/answerSchema';
import { toStrictJsonSchema } from '../../../src/core/inlineFix/strictJsonSchema';
import { buildRequestBody } from '../../../src/core/responses/requestBody';

describe('inline fix: structured answer schema', () => {
  it('is a strict JSON schema: object root, closed, every property required, no $schema, no length keywords', () => {
    const { name, schema, strict } = fixAnswerFormat();
    assert.equal(name, FIX_ANSWER_FORMAT_NAME);
    assert.equal(strict, true);
    assert.equal(schema.$schema, undefined);
    assert.equal(schema.type, 'object');
    assert.equal(schema.additionalProperties, false);
    assert.deepEqual([...(schema.required as string[])].sort(), ['explanation', 'replacement']);
    const properties = schema.properties as Record<string, Record<string, unknown>>;
    assert.deepEqual(Object.keys(properties).sort(), ['explanation', 'replacement']);
    for (const property of Object.values(properties)) {
      assert.equal(property.type, 'string');
      assert.equal(typeof property.description, 'string');
      assert.equal(property.minLength, undefined);
      assert.equal(property.maxLength, undefined);
    }
  });

  it('goes out as the Responses API text.format {type:"json_schema", name, schema, strict}', () => {
    const format = fixAnswerFormat();
    const body = buildRequestBody('grok-build-0.1', { input: [{ role: 'user', content: 'x' }], jsonSchema: format });
    assert.deepEqual(body.text, { format: { type: 'json_schema', name: format.name, schema: format.schema, strict: true } });
    assert.equal(body.stream, true);
  });

  it('hands out copies, so a caller mutating one cannot change the next request', () => {
    const first = fixAnswerFormat();
    (first.schema.properties as Record<string, unknown>).replacement = 'tampered';
    assert.notEqual((fixAnswerFormat().schema.properties as Record<string, unknown>).replacement, 'tampered');
  });

  it('validates answers with the same zod schema (extra fields are dropped, wrong types refused)', () => {
    assert.deepEqual(fixAnswerSchema.parse({ replacement: 'a', explanation: 'b', extra: 1 }), { replacement: 'a', explanation: 'b' });
    assert.equal(fixAnswerSchema.safeParse({ replacement: 1, explanation: 'b' }).success, false);
    assert.equal(fixAnswerSchema.safeParse({ replacement: 'a' }).success, false);
  });

  it('refuses to build a schema strict mode would reject', () => {
    assert.throws(() => toStrictJsonSchema(z.object({ a: z.string().optional() })), /must require a/);
    assert.throws(() => toStrictJsonSchema(z.looseObject({ a: z.string() })), /additionalProperties: false/);
    assert.throws(() => toStrictJsonSchema(z.string()), /object at its root/);
    assert.throws(() => toStrictJsonSchema(z.object({ nested: z.object({ b: z.number().optional() }) })), /#\/properties\/nested must require b/);
    assert.deepEqual(toStrictJsonSchema(z.object({ a: z.string().nullable() })).required, ['a']);
  });
});
