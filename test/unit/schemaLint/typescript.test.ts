import * as assert from 'node:assert/strict';
import { lintDocument } from '../../../src/core/schemaLint/lintDocument';
import { assertFixesWork, lint, summarize } from './lintHelpers';

/** `tool→rule@range text` for each finding. */
async function findingsOf(text: string, languageId = 'typescript'): Promise<string[]> {
  const findings = await lint(text, languageId);
  return findings.map((finding, index) => `${finding.toolName ?? '?'}→${summarize(text, findings)[index]}`);
}

describe('schema linter: TypeScript and JavaScript', () => {
  describe('Vercel AI SDK and zod', () => {
    it('judges zod roots passed to tool(), named by their key in the tools map', async () => {
      const text = `import { generateText, tool } from 'ai';
import { z } from 'zod';

const result = await generateText({
  model,
  tools: {
    weather: tool({
      description: 'Get the weather in a location',
      parameters: z.object({ location: z.string().describe('The location') }),
      execute: async ({ location }) => ({ location, temperature: 72 }),
    }),
    search: tool({ description: 'Search', parameters: z.string().describe('query') }),
    pick: tool({ inputSchema: z.union([z.object({ a: z.string() }), z.number().int()]) }),
    maybe: tool({ inputSchema: z.object({ a: z.string() }).nullable() }),
    optional: tool({ inputSchema: z.object({ a: z.string() }).optional() }),
    shapes: tool({ inputSchema: z.discriminatedUnion('kind', [z.object({ kind: z.literal('a') }), z.object({ kind: z.literal('b') })]) }),
    list: tool({ inputSchema: z.array(z.string()) }),
  },
});
`;
      assert.deepEqual(await findingsOf(text), [
        "search→root-not-object@z.string().describe('query')",
        'pick→union-branch-not-object@z.number().int()',
        'maybe→union-branch-not-object@z.object({ a: z.string() }).nullable()',
        'list→root-not-object@z.array(z.string())',
      ]);
    });

    it('resolves schemas declared elsewhere in the file and fixes them with z.object', async () => {
      const text = `import { tool } from 'ai';
import * as z from 'zod/v4';

const QueryParams = z.string().min(1);
const Base = z.object({ id: z.string() });
const Extended = Base.extend({ name: z.string() }).strict();

export const search = tool({ description: 'Search', inputSchema: QueryParams });
export const lookup = tool({ description: 'Lookup', inputSchema: Extended });
`;
      const findings = await lint(text, 'typescript');
      assert.deepEqual(summarize(text, findings), ['root-not-object@QueryParams']);
      assert.equal(findings[0].toolName, 'search');
      assert.equal(findings[0].fixes[0].edits[0].newText, 'z.object({ value: QueryParams })');
      assert.equal(await assertFixesWork(text, 'typescript', findings), 1);
    });

    it('understands zod imported under other names, as factories, and through require', async () => {
      const aliased = `import { z as zod } from 'zod';\nexport const t = tool({ parameters: zod.coerce.number() });\n`;
      const factories = `import { object, string } from 'zod';\nexport const t = tool({ parameters: string() });\n`;
      const required = `const { z } = require('zod');\nmodule.exports = { t: tool({ parameters: z.enum(['a', 'b']) }) };\n`;
      const snippet = `const t = tool({ parameters: z.boolean() });\n`;
      const notZod = `const z = makeSchemas();\nconst t = tool({ parameters: z.string() });\n`;
      assert.deepEqual(await findingsOf(aliased), ['t→root-not-object@zod.coerce.number()']);
      const factoryFindings = await lint(factories, 'typescript');
      assert.deepEqual(summarize(factories, factoryFindings), ['root-not-object@string()']);
      assert.equal(factoryFindings[0].fixes[0].edits[0].newText, 'object({ value: string() })');
      assert.deepEqual(await findingsOf(required, 'javascript'), ['t→root-not-object@z.enum([\'a\', \'b\'])']);
      assert.deepEqual(await findingsOf(snippet), ['t→root-not-object@z.boolean()']);
      assert.deepEqual(await findingsOf(notZod), []);
    });

    it('unwraps jsonSchema(), zodSchema() and z.toJSONSchema(), and models zodToJsonSchema names', async () => {
      const text = `import { jsonSchema, tool, zodSchema } from 'ai';
import { z } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';

const Args = z.object({ q: z.string() });
export const a = tool({ inputSchema: jsonSchema<{ q: string }>({ properties: { q: { type: 'string' } } }) });
export const b = tool({ inputSchema: zodSchema(z.string()) });
export const c = { type: 'function', name: 'c', parameters: z.toJSONSchema(Args) };
export const d = { type: 'function', name: 'd', parameters: zodToJsonSchema(Args, 'Args') };
export const e = { type: 'function', name: 'e', parameters: zodToJsonSchema(Args) };
`;
      const findings = await lint(text, 'typescript');
      assert.deepEqual(
        findings.map((finding) => `${finding.toolName}:${finding.rule}`),
        ['a:root-properties-without-type', 'b:root-not-object', 'd:root-ref-indirect-object'],
      );
      const jsonSchemaFix = findings[0].fixes[0];
      assert.equal(jsonSchemaFix.edits[0].newText, "type: 'object', ");
      assert.ok((await assertFixesWork(text, 'typescript', findings.slice(0, 2))) >= 2);
    });

    it('leaves zod raw shapes (MCP registerTool, {name, inputSchema: {a: z.string()}}) alone', async () => {
      const text = `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
server.registerTool('add', { title: 'Add', inputSchema: { a: z.number(), b: z.number() } }, async ({ a, b }) => ({ content: [] }));
server.tool('echo', 'Echo', { message: z.string() }, async ({ message }) => ({ content: [] }));
export const toolDef = { name: 'add', inputSchema: { a: z.number(), b: z.number().optional() } };
`;
      assert.deepEqual(await findingsOf(text), []);
    });
  });

  describe('object literals', () => {
    it('finds Responses, Chat Completions, MCP and Anthropic shapes', async () => {
      const text = `const tools = [
  { type: 'function', name: 'responses', parameters: { type: 'array', items: { type: 'string' } }, strict: false },
  { type: "function", function: { name: "chat", description: "d", parameters: { "type": "object", "properties": {} } } },
  { type: "function", function: { name: "chat_bad", parameters: { oneOf: [{ type: "object" }, { type: "string" }] } } },
];
server.setRequestHandler(ListToolsRequestSchema, async () => ({
  tools: [{ name: 'mcp', description: 'd', inputSchema: { type: 'object', properties: { a: { type: 'string' } } } },
          { name: 'mcp_bad', description: 'd', inputSchema: {} }],
}));
const claude = await anthropic.messages.create({ tools: [{ name: 'claude', input_schema: { type: 'string' } }] });
`;
      assert.deepEqual(await findingsOf(text, 'javascript'), [
        "responses→root-not-object@{ type: 'array', items: { type: 'string' } }",
        'chat_bad→union-branch-not-object@{ type: "string" }',
        'mcp_bad→root-missing-type@{}',
        "claude→root-not-object@{ type: 'string' }",
      ]);
    });

    it('resolves constants, members, spreads, as const and satisfies', async () => {
      const text = `const base = { type: 'object' } as const;
const schemas = { weather: { type: 'string' }, ok: { ...base, properties: {} } };
const spreadOnly = { ...base };
export const tools = [
  { type: 'function', name: 'member', parameters: schemas.weather },
  { type: 'function', name: 'subscript', parameters: schemas['ok'] },
  { type: 'function', name: 'spread', parameters: spreadOnly },
  { type: 'function', name: 'satisfies', parameters: { properties: {} } satisfies JSONSchema7 },
] as const;
`;
      assert.deepEqual(await findingsOf(text), ['member→root-not-object@schemas.weather', 'satisfies→root-properties-without-type@{ properties: {} }']);
    });

    it('does not guess: imports, parameters, reassigned, mutated or twice-declared names stay unjudged', async () => {
      const text = `import { importedSchema } from './schemas';
let reassigned = { type: 'string' };
reassigned = { type: 'object' };
const mutated = { properties: {} };
mutated.type = 'object';
const assigned = { properties: {} };
Object.assign(assigned, { type: 'object' });
function build(param) { return { type: 'function', name: 'param', parameters: param }; }
function one() { const local = { type: 'string' }; return local; }
function two() { const local = { type: 'object' }; return { type: 'function', name: 'twice', parameters: local }; }
const spreadUnknown = { ...importedSchema, properties: {} };
export const tools = [
  { type: 'function', name: 'imported', parameters: importedSchema },
  { type: 'function', name: 'reassigned', parameters: reassigned },
  { type: 'function', name: 'mutated', parameters: mutated },
  { type: 'function', name: 'assigned', parameters: assigned },
  { type: 'function', name: 'spread', parameters: spreadUnknown },
  { type: 'function', name: 'computed', parameters: { type: kind } },
  { type: 'function', name: 'call', parameters: loadSchema('x') },
  { type: 'function', name: 'template', parameters: { type: \`\${kind}\` } },
];
`;
      assert.deepEqual(await findingsOf(text), []);
    });

    it('reports a tool through a shorthand property and names it by its variable', async () => {
      const text = `const parameters = { type: 'null' };\nexport const weatherTool = { type: 'function', name: 'weather', parameters };\n`;
      assert.deepEqual(await findingsOf(text), ['weather→root-not-object@parameters']);
    });

    it('ignores TypeScript types, interfaces and JSX attributes that mention parameters', async () => {
      const text = `interface Tool { name: string; parameters: { type: 'string' } }
type T = { type: 'function'; name: string; parameters: unknown };
export const View = () => <ToolCard name="x" parameters={{ type: 'string' }} />;
`;
      assert.deepEqual(await findingsOf(text, 'typescriptreact'), []);
    });

    it('works in TSX and JSX files', async () => {
      const tsx = `export function Chat() {\n  const tools = [{ type: 'function', name: 'tsx', parameters: { type: 'number' } }];\n  return <div>{tools.length}</div>;\n}\n`;
      const jsx = `export const App = () => <Chat tools={[{ type: 'function', name: 'jsx', parameters: {} }]} />;\n`;
      assert.deepEqual(await findingsOf(tsx, 'typescriptreact'), ["tsx→root-not-object@{ type: 'number' }"]);
      assert.deepEqual(await findingsOf(jsx, 'javascriptreact'), ['jsx→root-missing-type@{}']);
    });

    it('reports what it cannot check as info only when asked', async () => {
      const text = `import { schema } from './schema';\nexport const tools = [{ type: 'function', name: 'far', parameters: schema }];\n`;
      assert.deepEqual(await lintDocument(text, 'typescript'), []);
      const findings = await lintDocument(text, 'typescript', { reportUnresolved: true });
      assert.deepEqual(summarize(text, findings), ['parameters-unresolved@schema']);
      assert.equal(findings[0].severity, 'info');
      assert.match(findings[0].message, /^Tool "far": parameters \(schema is an import, parameter or destructured binding\) cannot be checked statically/);
    });

    it('skips a tool that has a syntax error while the user types', async () => {
      const text = `const tools = [{ type: 'function', name: 'typing', parameters: { type: 'str }];\n`;
      assert.deepEqual(await findingsOf(text), []);
    });
  });

  it('offers fixes in TypeScript syntax that parse and satisfy the linter', async () => {
    const text = `import { z } from 'zod';
const scalar = { type: 'string' };
export const tools = [
  { type: 'function', name: 'a', parameters: scalar },
  { type: 'function', name: 'b', parameters: {
      properties: { q: { type: 'string' } },
    } },
  { type: 'function', name: 'c', parameters: {} },
  { type: 'function', name: 'd', parameters: { anyOf: [{ type: 'object' }, { type: 'integer' }, { $ref: '#/$defs/X' }], $defs: { X: { type: 'object' } } } },
  { type: 'function', name: 'e', parameters: { enum: ['a', 'b'] } as const },
  tool({ name: 'f', parameters: z.union([z.object({}), z.string()]) }),
  tool({ name: 'g', parameters: z.object({}).nullish() }),
];
`;
    const findings = await lint(text, 'typescript');
    assert.deepEqual(findings.map((finding) => `${finding.toolName}:${finding.rule}`), [
      'a:root-not-object',
      'b:root-properties-without-type',
      'c:root-missing-type',
      'd:union-branch-not-object',
      'd:union-branch-indirect-object',
      'e:root-keyword-without-type',
      'f:union-branch-not-object',
      'g:union-branch-not-object',
    ]);
    assert.ok(findings.every((finding) => finding.fixes.length > 0));
    assert.ok((await assertFixesWork(text, 'typescript', findings)) >= findings.length);
  });
});
