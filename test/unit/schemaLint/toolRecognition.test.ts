/**
 * Which objects are function tools, and which values are schemas: the cases found by linting real-world
 * definitions (see realWorld.test.ts), each pinned by a focused test.
 */
import * as assert from 'node:assert/strict';
import { assertFixesWork, lint, summarize } from './lintHelpers';

async function findingsOf(text: string, languageId = 'typescript'): Promise<string[]> {
  const findings = await lint(text, languageId);
  return findings.map((finding, index) => `${finding.toolName ?? '?'}→${summarize(text, findings)[index]}`);
}

describe('schema linter: tool recognition in real-world code', () => {
  describe('workflow pieces with {name, inputSchema} are not function tools', () => {
    it('leaves Genkit flows and prompts, Mastra and output.ai steps and pipeline stages alone', async () => {
      const text = `import { z } from 'genkit';
export const flow = ai.defineFlow({ name: 'weatherFlow', inputSchema: z.string(), outputSchema: z.string() }, async (city) => city);
export const prompt = ai.definePrompt({ name: 'p', inputSchema: z.array(z.string()) });
export const s1 = createStep({ id: 'a', name: 'a', inputSchema: z.array(z.any()) });
export const s2 = step({ name: 'processBatch', inputSchema: z.array(z.object({ v: z.number() })) });
await runStage({ name: 'parse', inputSchema: z.string() }, input);
`;
      assert.deepEqual(await findingsOf(text), []);
    });

    it('still judges Genkit tools, and Responses-shaped tools whatever they are passed to', async () => {
      const text = `import { z } from 'genkit';
export const t = ai.defineTool({ name: 'lookup', description: 'd', inputSchema: z.string() }, async (q) => q);
await runStage({ type: 'function', name: 'wrapped', parameters: { type: 'array' } });
`;
      assert.deepEqual(await findingsOf(text), ["lookup→root-not-object@z.string()", "wrapped→root-not-object@{ type: 'array' }"]);
    });

    it('applies to snake_case Python callables', async () => {
      const text = `flow = define_flow({"name": "f", "description": "d", "inputSchema": {"type": "string"}})
tool_def = {"name": "t", "description": "d", "inputSchema": {"type": "string"}}
`;
      assert.deepEqual(await findingsOf(text, 'python'), ['t→root-not-object@{"type": "string"}']);
    });
  });

  describe("the MCP SDK's registerTool(name, config, handler)", () => {
    it('judges the config, with its fixes', async () => {
      const intersection = `import { z } from 'zod';
server.registerTool('both', { inputSchema: z.intersection(z.object({ a: z.string() }), z.object({ b: z.string() })) }, cb);
`;
      const scalar = `import { z } from 'zod';
server.registerTool('query', { description: 'q', inputSchema: z.string() }, cb);
`;
      for (const [text, expected] of [
        [intersection, 'root-keyword-without-type@z.intersection(z.object({ a: z.string() }), z.object({ b: z.string() }))'],
        [scalar, 'root-not-object@z.string()'],
      ]) {
        const findings = await lint(text, 'typescript');
        assert.deepEqual(summarize(text, findings), [expected]);
        assert.equal(findings[0].severity, 'error');
        assert.equal(await assertFixesWork(text, 'typescript', findings), 1);
      }
    });

    it('reads raw shapes, including the empty one, as "no arguments" or object members', async () => {
      const text = `import { z } from 'zod';
server.registerTool('none', { description: 'n', inputSchema: {} }, cb);
server.registerTool('shape', { inputSchema: { path: z.string() } }, cb);
`;
      assert.deepEqual(await findingsOf(text), []);
    });
  });

  describe('raw shapes and empty inputSchemas in code', () => {
    it('does not judge a literal whose members are all unevaluable (imported schemas)', async () => {
      const text = `import { pathSchema, modeSchema } from './schemas.js';
export const readTool = { name: 'read_file', inputSchema: { path: pathSchema, mode: modeSchema } };
`;
      assert.deepEqual(await findingsOf(text), []);
    });

    it('still reports a properties map given as the schema when its values are known', async () => {
      const text = `const city = { type: 'string' };
export const t = { name: 'weather', description: 'w', inputSchema: { city, unit: unitSchema } };
export const u = { name: 'plain', description: 'p', inputSchema: { city: { type: 'string' } } };
`;
      assert.deepEqual(await findingsOf(text), ['weather→root-missing-type@{ city, unit: unitSchema }', "plain→root-missing-type@{ city: { type: 'string' } }"]);
    });

    it('reads inputSchema: {} beside a handler as the empty raw shape, but judges a bare listing', async () => {
      const text = `export const tools = [
  { name: 'with_handler', inputSchema: {}, handler: async () => ({ content: [] }) },
  { name: 'with_method', inputSchema: {}, async handler() { return { content: [] }; } },
  { name: 'listed', description: 'A tools/list entry', inputSchema: {} },
];
`;
      assert.deepEqual(await findingsOf(text), ['listed→root-missing-type@{}']);
    });

    it('applies the same reading to Python lambdas, and never to Anthropic input_schema', async () => {
      const text = `tools = [
    {"name": "with_handler", "inputSchema": {}, "handler": lambda args: args},
    {"name": "listed", "inputSchema": {}},
    {"name": "anthropic", "input_schema": {}, "handler": lambda args: args},
]
`;
      assert.deepEqual(await findingsOf(text, 'python'), ['listed→root-missing-type@{}', 'anthropic→root-missing-type@{}']);
    });
  });

  describe('{name, inputSchema} outside a tool list', () => {
    it('is a tool when it also carries a description, title, annotations or its implementation', async () => {
      const text = `export const ops = defineOperations([
  { name: 'xlsx.repair', summary: 'Repair workbook bytes', inputSchema: { type: 'string' } },
  { name: 'described', description: 'd', inputSchema: { type: 'string' } },
  { name: 'titled', title: 'T', inputSchema: { type: 'string' } },
  { name: 'annotated', annotations: { readOnlyHint: true }, inputSchema: { type: 'string' } },
  { name: 'implemented', inputSchema: { type: 'string' }, handler: async () => ({ content: [] }) },
]);
export const listed = { tools: [{ name: 'bare', inputSchema: { type: 'string' } }] };
export const searchTool = { name: 'named', inputSchema: { type: 'string' } };
`;
      assert.deepEqual(await findingsOf(text), [
        "described→root-not-object@{ type: 'string' }",
        "titled→root-not-object@{ type: 'string' }",
        "annotated→root-not-object@{ type: 'string' }",
        "implemented→root-not-object@{ type: 'string' }",
        "bare→root-not-object@{ type: 'string' }",
        "named→root-not-object@{ type: 'string' }",
      ]);
    });

    it('is a tool when a data document is that one tool', async () => {
      const text = `{ "name": "lookup", "inputSchema": { "type": "string" } }`;
      assert.deepEqual(await findingsOf(text, 'json'), ['lookup→root-not-object@{ "type": "string" }']);
    });
  });

  describe('a name beside a schema that is not an object', () => {
    it("leaves n8n tool nodes' JSON-text inputSchema alone, but judges the same shape in a tool list", async () => {
      const workflow = `{"nodes": [{"parameters": {"name": "query_sql", "inputSchema": "{\\"type\\": \\"object\\"}"}, "name": "Execute Query", "type": "@n8n/n8n-nodes-langchain.toolWorkflow"}]}`;
      const listing = `{"tools": [{"name": "query_sql", "inputSchema": "{\\"type\\": \\"object\\"}"}]}`;
      assert.deepEqual(await findingsOf(workflow, 'json'), []);
      assert.deepEqual(await findingsOf(listing, 'json'), ['query_sql→root-not-object@"{\\"type\\": \\"object\\"}"']);
      assert.deepEqual(await findingsOf(`tool({ inputSchema: 'text' });`), ["?→root-not-object@'text'"]);
    });
  });

  describe("zod's .optional() on the root", () => {
    it('is the object itself with zod 4, or when the zod major is not visible', async () => {
      const ambiguous = `import { z } from 'zod';\nexport const t = tool({ description: 'd', inputSchema: z.object({ a: z.string() }).optional() });\n`;
      const zod4 = `import * as z from 'zod/v4';\nexport const t = tool({ description: 'd', inputSchema: z.optional(z.object({ a: z.string() })) });\n`;
      assert.deepEqual(await findingsOf(ambiguous), []);
      assert.deepEqual(await findingsOf(zod4), []);
    });

    it("is zod-to-json-schema's anyOf [{not: {}}, object] with zod 3, or through zodToJsonSchema()", async () => {
      const zod3 = `import { z } from 'zod/v3';
export const a = tool({ description: 'a', inputSchema: z.object({ a: z.string() }).optional().describe('args') });
export const b = tool({ description: 'b', inputSchema: z.optional(z.object({ b: z.string() })) });
`;
      const converted = `import { z } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';
const Args = z.object({ q: z.string() }).optional();
export const tools = [{ type: 'function', name: 'search', parameters: zodToJsonSchema(Args) }];
`;
      for (const [text, expected] of [
        [zod3, ['a→union-branch-not-object@z.object({ a: z.string() }).optional()', 'b→union-branch-not-object@z.optional(z.object({ b: z.string() }))']],
        [converted, ['search→union-branch-not-object@Args']],
      ] as const) {
        const findings = await lint(text, 'typescript');
        assert.deepEqual(
          findings.map((finding, index) => `${finding.toolName}→${summarize(text, findings)[index]}`),
          expected,
        );
        for (const finding of findings) {
          assert.match(finding.message, /anyOf branch 0 \(the \{not: \{\}\} that zod-to-json-schema emits for \.optional\(\), no "type"\)/);
          assert.match(finding.fixes[0].title, /^Remove /);
        }
        assert.equal(await assertFixesWork(text, 'typescript', findings), findings.length * 2);
      }
    });
  });

  describe('fixes for a null branch zod adds', () => {
    it('offers to remove .nullable()/.nullish() or unwrap z.nullable(x) first, keeping the arguments as they are', async () => {
      const text = `import { z } from 'zod';
export const a = tool({ description: 'a', inputSchema: z.object({ a: z.string() }).nullable().describe('args') });
export const b = tool({ description: 'b', inputSchema: z.nullable(z.object({ b: z.string() })) });
export const c = tool({ description: 'c', inputSchema: z.object({ c: z.string() })
  .nullish() });
`;
      const findings = await lint(text, 'typescript');
      assert.deepEqual(
        findings.map((finding) => finding.fixes.map((fix) => fix.title)),
        [
          ['Remove .nullable() (tool arguments are always an object)', 'Wrap anyOf branch 1 in an object schema'],
          ['Remove z.nullable(…) around the schema (tool arguments are always an object)', 'Wrap anyOf branch 1 in an object schema'],
          ['Remove .nullish() (tool arguments are always an object)', 'Wrap anyOf branch 1 in an object schema'],
        ],
      );
      // The first line each removal changes.
      const lines = text.split('\n');
      assert.deepEqual(
        findings.map((finding) => {
          const [edit] = finding.fixes[0].edits;
          const fixed = (text.slice(0, edit.start) + edit.newText + text.slice(edit.end)).split('\n');
          return fixed.find((line, index) => line !== lines[index]);
        }),
        [
          "export const a = tool({ description: 'a', inputSchema: z.object({ a: z.string() }).describe('args') });",
          "export const b = tool({ description: 'b', inputSchema: z.object({ b: z.string() }) });",
          "export const c = tool({ description: 'c', inputSchema: z.object({ c: z.string() }) });",
        ],
      );
      assert.equal(await assertFixesWork(text, 'typescript', findings), 6);
    });
  });

  describe("Amazon Bedrock's toolSpec", () => {
    it('judges the JSON Schema inside inputSchema: {json: …}', async () => {
      const text = `[{"toolSpec": {"name": "ok", "description": "d", "inputSchema": {"json": {"type": "object", "properties": {}}}}},
 {"toolSpec": {"name": "bad", "description": "d", "inputSchema": {"json": {"type": "array"}}}}]`;
      assert.deepEqual(await findingsOf(text, 'json'), ['bad→root-not-object@{"type": "array"}']);
    });
  });

  describe('library wrappers versus same-file helpers', () => {
    it("does not read a same-file helper named jsonSchema as the AI SDK's identity wrapper", async () => {
      const text = `function jsonSchema(type, properties, required = []) {
  return { type, properties, required, additionalProperties: false };
}
const toJsonSchema = (fields) => ({ type: 'object', properties: fields });
export const tools = [
  { type: 'function', name: 'get_note', parameters: jsonSchema('object', { id: { type: 'string' } }, ['id']) },
  { type: 'function', name: 'search', parameters: jsonSchema({ query: { type: 'string' } }) },
];
`;
      assert.deepEqual(await findingsOf(text, 'javascript'), []);
    });

    it("keeps unwrapping the AI SDK's jsonSchema(schema) and rejects other argument lists", async () => {
      const text = `import { jsonSchema, tool } from 'ai';
import { helperSchema } from './helpers';
export const a = tool({ description: 'a', inputSchema: jsonSchema({ type: 'string' }) });
export const b = tool({ description: 'b', inputSchema: jsonSchema({ type: 'object', properties: {} }, { validate: check }) });
export const c = tool({ description: 'c', parameters: jsonSchema('object', { q: { type: 'string' } }) });
export const d = tool({ description: 'd', parameters: helperSchema('object', {}) });
`;
      assert.deepEqual(await findingsOf(text), ["a→root-not-object@{ type: 'string' }"]);
    });
  });
});
