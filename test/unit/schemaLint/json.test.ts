import * as assert from 'node:assert/strict';
import { assertFixesWork, lint, summarize } from './lintHelpers';

const responsesTool = (name: string, parameters: unknown): unknown => ({ type: 'function', name, description: `${name} tool`, parameters, strict: false });
const chatTool = (name: string, parameters: unknown): unknown => ({ type: 'function', function: { name, description: `${name} tool`, parameters } });

describe('schema linter: JSON and JSONC', () => {
  it('finds every tool shape and ranges the parameters value', async () => {
    const text = JSON.stringify(
      {
        model: 'grok-build-0.1',
        tools: [
          responsesTool('responses_scalar', { type: 'string' }),
          chatTool('chat_array', { type: 'array', items: { type: 'string' } }),
          { name: 'mcp_no_type', description: 'MCP', inputSchema: {} },
          { name: 'anthropic_list', description: 'Anthropic', input_schema: { type: ['object', 'null'] } },
          responsesTool('fine', { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] }),
          { type: 'web_search' },
        ],
      },
      null,
      2,
    );
    const findings = await lint(text, 'json');
    assert.deepEqual(
      findings.map((finding) => [finding.toolName, finding.rule, finding.severity]),
      [
        ['responses_scalar', 'root-not-object', 'error'],
        ['chat_array', 'root-not-object', 'error'],
        ['mcp_no_type', 'root-missing-type', 'error'],
        ['anthropic_list', 'root-type-list', 'error'],
      ],
    );
    for (const finding of findings) {
      assert.doesNotThrow(() => JSON.parse(text.slice(finding.start, finding.end)), 'the range is exactly the parameters value');
    }
    assert.deepEqual(JSON.parse(text.slice(findings[0].start, findings[0].end)), { type: 'string' });
  });

  it('ranges a bad union branch and names its index', async () => {
    const text = JSON.stringify([responsesTool('u', { anyOf: [{ type: 'object' }, { type: 'integer' }] })]);
    const findings = await lint(text, 'json');
    assert.deepEqual(summarize(text, findings), ['union-branch-not-object@{"type":"integer"}']);
    assert.match(findings[0].message, /anyOf branch 1/);
  });

  it('reads a single tool file, a bare tool array, {tools:[...]} and an MCP tools/list result', async () => {
    const single = JSON.stringify(responsesTool('single', { type: 'number' }));
    const bare = JSON.stringify([chatTool('bare', { enum: ['a'] })]);
    const wrapped = JSON.stringify({ tools: [{ name: 'legacy', description: 'd', parameters: { type: 'boolean' } }] });
    const mcp = JSON.stringify({ jsonrpc: '2.0', id: 1, result: { tools: [{ name: 'mcp', inputSchema: { type: 'string' } }] } });
    assert.deepEqual((await lint(single, 'json')).map((finding) => finding.rule), ['root-not-object']);
    assert.deepEqual((await lint(bare, 'json')).map((finding) => finding.rule), ['root-keyword-without-type']);
    assert.deepEqual((await lint(wrapped, 'json')).map((finding) => finding.rule), ['root-not-object']);
    assert.deepEqual((await lint(mcp, 'json')).map((finding) => finding.rule), ['root-not-object']);
  });

  it('reads JSONC with comments and trailing commas, and handles UTF-16 offsets', async () => {
    const text = `// tools for the demo 😀\n{\n  "tools": [\n    /* weather */ {"type": "function", "name": "w😀", "parameters": {"properties": {"a": {"type": "string"}},},},\n  ],\n}\n`;
    const findings = await lint(text, 'jsonc');
    assert.deepEqual(summarize(text, findings), ['root-properties-without-type@{"properties": {"a": {"type": "string"}},}']);
    assert.equal(findings[0].toolName, 'w😀');
  });

  it('does not report tool-free or look-alike documents', async () => {
    const openApi = JSON.stringify({
      openapi: '3.1.0',
      paths: { '/weather': { get: { operationId: 'getWeather', parameters: [{ name: 'city', in: 'query', schema: { type: 'string' } }] } } },
      components: {
        schemas: {
          FunctionTool: { type: 'object', properties: { type: { type: 'string', enum: ['function'] }, name: { type: 'string' }, parameters: { $ref: '#/components/schemas/FunctionParameters' } } },
          FunctionParameters: { type: 'object', additionalProperties: true },
        },
      },
    });
    const gemini = JSON.stringify({ functionDeclarations: [{ name: 'find', parameters: { type: 'OBJECT', properties: { q: { type: 'STRING' } } } }] });
    const pipeline = JSON.stringify({ name: 'build', parameters: [{ name: 'image', type: 'string', default: 'ubuntu' }] });
    const templateCall = JSON.stringify({ name: 'deploy', parameters: { environment: 'prod', type: 'Release' } });
    const packageJson = JSON.stringify({ name: 'x', version: '1.0.0', scripts: { test: 'mocha' } });
    // API documentation / AST dumps describe functions with their own parameter lists.
    const apiDocs = JSON.stringify({
      module: 'math',
      functions: [
        { type: 'function', name: 'add', parameters: [{ name: 'a', type: 'number' }, { name: 'b', type: 'number' }], returns: 'number' },
        { type: 'function', name: 'now', parameters: [], returns: 'Date' },
        { type: 'function', name: 'format', parameters: 'value, pattern' },
        { type: 'function', name: 'parse', parameters: { input: { type: 'string', description: 'the text' } } },
      ],
    });
    for (const [label, text] of Object.entries({ openApi, gemini, pipeline, templateCall, packageJson, apiDocs })) {
      assert.deepEqual(await lint(text, 'json'), [], label);
    }
  });

  it('judges non-schema parameters when the tool is corroborated (a tools list, strict, a bare tool list file)', async () => {
    const inTools = JSON.stringify({ tools: [{ type: 'function', name: 'listed', parameters: [{ name: 'a' }] }] });
    const strict = JSON.stringify({ type: 'function', name: 'strict', parameters: 'none', strict: true });
    const bareList = JSON.stringify([{ type: 'function', name: 'bare', parameters: {} }]);
    assert.deepEqual((await lint(inTools, 'json')).map((finding) => finding.rule), ['root-not-object']);
    assert.deepEqual((await lint(strict, 'json')).map((finding) => finding.rule), ['root-not-object']);
    assert.deepEqual((await lint(bareList, 'json')).map((finding) => finding.rule), ['root-missing-type']);
  });

  it('leaves a tool being typed alone instead of reporting a half-written schema', async () => {
    const text = '{"type": "function", "name": "w", "parameters": {"type": "str';
    assert.deepEqual(await lint(text, 'json'), []);
  });

  it('offers fixes that keep valid JSON and remove the finding', async () => {
    const text = `${JSON.stringify(
      [
        responsesTool('a', { type: 'string', description: 'x' }),
        responsesTool('b', { properties: { q: { type: 'string' } } }),
        responsesTool('c', {}),
        chatTool('d', { anyOf: [{ type: 'object' }, { type: 'string' }, { $ref: '#/$defs/O' }], $defs: { O: { type: 'object' } } }),
        responsesTool('e', { allOf: [{ type: 'object' }] }),
        responsesTool('f', { $ref: '#/$defs/Args', $defs: { Args: { type: 'object' } } }),
      ],
      null,
      2,
    )}\n`;
    const findings = await lint(text, 'json');
    assert.deepEqual(findings.map((finding) => `${finding.toolName}:${finding.rule}`), [
      'a:root-not-object',
      'b:root-properties-without-type',
      'c:root-missing-type',
      'd:union-branch-not-object',
      'd:union-branch-indirect-object',
      'e:root-keyword-without-type',
      'f:root-ref-indirect-object',
    ]);
    assert.ok(findings.every((finding) => finding.fixes.length > 0), 'every finding here has a fix');
    const applied = await assertFixesWork(text, 'json', findings);
    assert.ok(applied >= findings.length);
  });

  it('adds the type on its own line when entries are on their own lines', async () => {
    const text = '{"type": "function", "name": "b", "parameters": {\n    "properties": {}\n  }}';
    const [finding] = await lint(text, 'json');
    const [fix] = finding.fixes;
    assert.deepEqual(fix.edits, [{ start: text.indexOf('"properties"'), end: text.indexOf('"properties"'), newText: '"type": "object",\n    ' }]);
  });
});
