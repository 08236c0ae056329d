import * as assert from 'node:assert/strict';
import { lintSchemaValue, preflightTools } from '../../../src/core/schemaLint/lintSchemaValue';
import { RULES, RULE_CODES } from '../../../src/core/schemaLint/ruleCatalog';

const rulesOf = (schema: unknown): string[] => lintSchemaValue(schema, { toolName: 'probe' }).map((finding) => `${finding.severity}:${finding.rule}`);

describe('schema rules (plain values)', () => {
  describe('accepted roots', () => {
    const accepted: [string, unknown][] = [
      ['an object root', { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }],
      ['an empty object root', { type: 'object' }],
      ['type ["object"]', { type: ['object'], properties: {} }],
      ['a root anyOf of objects', { anyOf: [{ type: 'object', properties: { a: { type: 'string' } } }, { type: 'object' }] }],
      ['a root oneOf of objects', { oneOf: [{ type: 'object' }, { type: 'object', required: ['b'] }] }],
      ['zod 4 output with $schema', { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: {}, additionalProperties: false }],
      ['null parameters (no arguments)', null],
      ['strict-mode style object', { type: 'object', properties: { a: { type: ['string', 'null'] } }, required: ['a'], additionalProperties: false }],
    ];
    for (const [name, schema] of accepted) {
      it(`accepts ${name}`, () => assert.deepEqual(rulesOf(schema), []));
    }
  });

  describe('errors', () => {
    const rejected: [string, unknown, string[]][] = [
      ['a string root', { type: 'string' }, ['error:root-not-object']],
      ['an integer root', { type: 'integer', minimum: 0 }, ['error:root-not-object']],
      ['an array root', { type: 'array', items: { type: 'string' } }, ['error:root-not-object']],
      ['a null root', { type: 'null' }, ['error:root-not-object']],
      ['a misspelt root type', { type: 'Object', properties: {} }, ['error:root-not-object']],
      ['a list literal as schema', [{ type: 'object' }], ['error:root-not-object']],
      ['a string literal as schema', 'object', ['error:root-not-object']],
      ['the boolean schema true', true, ['error:root-not-object']],
      ['a nullable root type list', { type: ['object', 'null'], properties: {} }, ['error:root-type-list']],
      ['a scalar type list', { type: ['string', 'number'] }, ['error:root-type-list']],
      ['an empty schema', {}, ['error:root-missing-type']],
      ['a description-only schema', { description: 'anything' }, ['error:root-missing-type']],
      ['an empty root anyOf', { anyOf: [] }, ['error:root-missing-type']],
      ['a root anyOf that is not a list', { anyOf: { type: 'object' } }, ['error:root-missing-type']],
      ['an allOf root', { allOf: [{ type: 'object' }, { required: ['a'] }] }, ['error:root-keyword-without-type']],
      ['a not root', { not: { type: 'string' } }, ['error:root-keyword-without-type']],
      ['an enum root', { enum: ['a', 'b'] }, ['error:root-keyword-without-type']],
      ['a const root', { const: 'x' }, ['error:root-keyword-without-type']],
      ['a root $ref to a missing definition', { $ref: '#/$defs/Missing', $defs: {} }, ['error:root-ref-unresolved']],
      ['a root $ref to another document', { $ref: 'https://example.com/schema.json' }, ['error:root-ref-unresolved']],
      ['a root $ref to itself', { $ref: '#' }, ['error:root-ref-unresolved']],
      ['a root $ref to a string definition', { $ref: '#/definitions/Name', definitions: { Name: { type: 'string' } } }, ['error:root-not-object']],
      ['a root anyOf with a string branch', { anyOf: [{ type: 'object' }, { type: 'string' }] }, ['error:union-branch-not-object']],
      ['a root oneOf with a null branch', { oneOf: [{ type: 'object' }, { type: 'null' }] }, ['error:union-branch-not-object']],
      ['a branch typed ["object","null"]', { anyOf: [{ type: ['object', 'null'] }] }, ['error:union-branch-not-object']],
      ['a constraint-only branch', { oneOf: [{ required: ['a'] }, { type: 'object' }] }, ['error:union-branch-not-object']],
      ['a branch $ref to a scalar', { anyOf: [{ $ref: '#/$defs/S' }], $defs: { S: { type: 'integer' } } }, ['error:union-branch-not-object']],
      ['a nested union with a scalar', { anyOf: [{ anyOf: [{ type: 'object' }, { type: 'string' }] }] }, ['error:union-branch-not-object']],
      ['two bad branches', { anyOf: [{ type: 'string' }, { type: 'object' }, { type: 'array' }] }, ['error:union-branch-not-object', 'error:union-branch-not-object']],
    ];
    for (const [name, schema, expected] of rejected) {
      it(`rejects ${name}`, () => assert.deepEqual(rulesOf(schema), expected));
    }
  });

  describe('warnings', () => {
    const warned: [string, unknown, string[]][] = [
      ['properties without type', { properties: { a: { type: 'string' } }, required: ['a'] }, ['warning:root-properties-without-type']],
      ['required without type', { required: ['a'] }, ['warning:root-properties-without-type']],
      ['an object root with a root oneOf', { type: 'object', properties: { a: {}, b: {} }, oneOf: [{ required: ['a'] }, { required: ['b'] }] }, ['warning:root-object-with-union']],
      ['a branch that is an object through $ref', { oneOf: [{ $ref: '#/$defs/A' }], $defs: { A: { type: 'object' } } }, ['warning:union-branch-indirect-object']],
      ['a branch that is a nested union of objects', { anyOf: [{ anyOf: [{ type: 'object' }, { type: 'object' }] }] }, ['warning:union-branch-indirect-object']],
      ['a branch with properties but no type', { anyOf: [{ properties: { a: {} } }] }, ['warning:union-branch-indirect-object']],
      ['a branch $ref that does not resolve', { anyOf: [{ $ref: '#/$defs/Nope' }] }, ['warning:union-branch-indirect-object']],
      ['a root $ref to an object (zod-to-json-schema named output)', { $ref: '#/definitions/Args', definitions: { Args: { type: 'object', properties: {} } } }, ['warning:root-ref-indirect-object']],
    ];
    for (const [name, schema, expected] of warned) {
      it(`warns about ${name}`, () => assert.deepEqual(rulesOf(schema), expected));
    }
  });

  describe('what cannot be known is not judged', () => {
    it('resolves $ref pointers with escapes', () => {
      assert.deepEqual(rulesOf({ $ref: '#/$defs/a~1b', $defs: { 'a/b': { type: 'string' } } }), ['error:root-not-object']);
    });
    it('does not chase $anchor references', () => {
      assert.deepEqual(rulesOf({ $ref: '#args', $defs: { A: { $anchor: 'args', type: 'object' } } }), []);
    });
    it('terminates on cyclic branch references', () => {
      assert.deepEqual(rulesOf({ anyOf: [{ $ref: '#/$defs/A' }], $defs: { A: { anyOf: [{ $ref: '#/$defs/A' }] } } }), ['warning:union-branch-indirect-object']);
    });
  });

  describe('messages', () => {
    it('name the tool, say what xAI does, and name the branch index', () => {
      const [finding] = lintSchemaValue({ anyOf: [{ type: 'object' }, { type: 'string' }] }, { toolName: 'get_weather' });
      assert.match(finding.message, /^Tool "get_weather": /);
      assert.match(finding.message, /anyOf branch 1/);
      assert.match(finding.message, /HTTP 400/);
      assert.equal(finding.toolName, 'get_weather');
    });
    it('use the locator for ranges', () => {
      const spans: Record<string, { start: number; end: number }> = { '': { start: 10, end: 50 }, 'anyOf/1': { start: 30, end: 48 } };
      const findings = lintSchemaValue({ anyOf: [{ type: 'object' }, { type: 'string' }] }, { locate: (path) => spans[path.join('/')] });
      assert.deepEqual(findings.map((finding) => [finding.start, finding.end]), [[30, 48]]);
    });
    it('every rule has a catalog entry whose severity the findings use', () => {
      assert.ok(RULE_CODES.length >= 10);
      for (const code of RULE_CODES) assert.ok(['error', 'warning', 'info'].includes(RULES[code].severity));
      const [finding] = lintSchemaValue({ properties: {} });
      assert.equal(finding.severity, RULES[finding.rule].severity);
    });
  });

  describe('preflightTools', () => {
    it('reports every invalid tool by name and ignores tools without parameters', () => {
      const findings = preflightTools([
        { name: 'ok', parameters: { type: 'object', properties: {} } },
        { name: 'scalar', parameters: { type: 'string' } },
        { name: 'none', parameters: undefined },
        { name: 'nullable', parameters: { anyOf: [{ type: 'object' }, { type: 'null' }] } },
      ]);
      assert.deepEqual(findings.map((finding) => [finding.toolName, finding.rule, finding.severity]), [
        ['scalar', 'root-not-object', 'error'],
        ['nullable', 'union-branch-not-object', 'error'],
      ]);
      assert.ok(findings.every((finding) => finding.message.includes(`"${finding.toolName}"`)));
    });
    it('survives hostile values (cycles, functions, symbols)', () => {
      const cyclic: Record<string, unknown> = { type: 'object' };
      cyclic.self = cyclic;
      const anyOfCycle: Record<string, unknown> = {};
      anyOfCycle.anyOf = [anyOfCycle];
      assert.deepEqual(preflightTools([{ name: 'c', parameters: cyclic }]), []);
      assert.doesNotThrow(() => preflightTools([{ name: 'a', parameters: anyOfCycle }, { name: 'f', parameters: () => 1 }, { name: 's', parameters: Symbol('x') }]));
    });
  });
});
