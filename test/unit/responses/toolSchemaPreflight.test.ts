import assert from 'node:assert/strict';
import { streamResponse } from '../../../src/core/responses/client';
import { toolSchemaError } from '../../../src/core/responses/toolSchemaPreflight';
import type { FunctionToolDefinition, GrokRequest } from '../../../src/core/responses/types';
import { baseOptions, collect, endOf, errorOf, frameAll, raw, scriptedFetch, sseResponse } from './sseFixtures';

const INPUT: GrokRequest['input'] = [{ role: 'user', content: 'What is the weather?' }];
const OBJECT = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };

function okFetch() {
  return scriptedFetch(() => sseResponse([frameAll([raw.created(), raw.delta('ok'), raw.completed()])]));
}

async function send(functionTools: FunctionToolDefinition[]) {
  const fetch = okFetch();
  const events = await collect(streamResponse(baseOptions(fetch), { input: INPUT, functionTools }));
  return { end: endOf(events), events, calls: fetch.calls };
}

describe('pre-flight: function tools are linted before any HTTP', () => {
  it('stops a request whose tool schema xAI rejects, with the linter message and the tool name, and sends nothing', async () => {
    const { end, events, calls } = await send([
      { name: 'get_weather', parameters: OBJECT },
      { name: 'pick_color', parameters: { anyOf: [{ type: 'object', properties: {} }, { type: 'string' }] } },
    ]);
    assert.equal(calls.length, 0, 'no HTTP request left');
    assert.equal(events.length, 1, 'only the end event');
    const error = errorOf(end);
    assert.equal(error.kind, 'invalid-tool-schema');
    assert.equal(error.toolName, 'pick_color');
    assert.match(error.message, /^Tool "pick_color": .*anyOf branch 1 .*not an object.*HTTP 400/);
    assert.match(error.message, /The request was not sent\.$/);
    assert.equal(error.detail, undefined, 'one rejected tool: the message says it all');
  });

  for (const [label, parameters] of [
    ['a scalar root', { type: 'string' }],
    ['an array root', { type: 'array', items: { type: 'string' } }],
    ['a nullable type list', { type: ['object', 'null'], properties: {} }],
    ['an empty schema', {}],
    ['a root allOf without type', { allOf: [{ type: 'object' }] }],
    ['a root $ref that points nowhere', { $ref: '#/$defs/Missing' }],
    ['a value that is not a schema', 'city'],
  ] as const) {
    it(`stops ${label}`, () => {
      const error = toolSchemaError([{ name: 'tool_a', parameters }]);
      assert.equal(error?.kind, 'invalid-tool-schema', JSON.stringify(parameters));
      assert.equal(error.toolName, 'tool_a');
      assert.match(error.message, /^Tool "tool_a": /);
    });
  }

  it('lists every rejected tool in the detail when several are', () => {
    const error = toolSchemaError([
      { name: 'first', parameters: { type: 'string' } },
      { name: 'fine', parameters: OBJECT },
      { name: 'second', parameters: { type: 'array' } },
    ]);
    assert.equal(error?.toolName, 'first');
    const lines = error.detail?.split('\n') ?? [];
    assert.equal(lines.length, 2);
    assert.match(lines[0], /^Tool "first"/);
    assert.match(lines[1], /^Tool "second"/);
  });

  it('lets valid tools, tools without arguments and warning-only schemas through to the server', async () => {
    for (const functionTools of [
      [{ name: 'get_weather', parameters: OBJECT }],
      [{ name: 'no_args', parameters: null }, { name: 'also_none', parameters: undefined }],
      [{ name: 'union', parameters: { oneOf: [OBJECT, { type: 'object', properties: { id: { type: 'integer' } } }] } }],
      // Warnings (undocumented cases) are not ours to block: xAI decides.
      [{ name: 'untyped', parameters: { properties: { a: { type: 'string' } } } }],
    ]) {
      assert.equal(toolSchemaError(functionTools), undefined, JSON.stringify(functionTools));
      const { end, calls } = await send(functionTools);
      assert.equal(calls.length, 1);
      assert.equal(end.outcome.status, 'completed');
      const body = calls[0].body as { tools: { name: string }[] };
      assert.deepEqual(
        body.tools.map((tool) => tool.name),
        functionTools.map((tool) => tool.name),
      );
    }
  });

  it('turns malformed tool lists into a clear bad-request instead of throwing', () => {
    assert.equal(toolSchemaError(undefined), undefined);
    assert.equal(toolSchemaError([]), undefined);
    const notAList = toolSchemaError({ name: 'x' } as unknown as FunctionToolDefinition[]);
    assert.equal(notAList?.kind, 'bad-request');
    for (const tools of [[null], [{ parameters: OBJECT }], [{ name: '  ', parameters: OBJECT }], [{ name: 'ok', parameters: OBJECT }, 7]]) {
      const error = toolSchemaError(tools as unknown as FunctionToolDefinition[]);
      assert.equal(error?.kind, 'bad-request', JSON.stringify(tools));
      assert.match(error.message, /^Function tool \d of the request has no name\.$/);
    }
  });

  it('survives hostile parameters: cycles, huge nesting, exotic values', () => {
    const cyclic: Record<string, unknown> = { type: 'object' };
    cyclic.properties = { self: cyclic };
    assert.equal(toolSchemaError([{ name: 'cyclic', parameters: cyclic }]), undefined);
    const loop: Record<string, unknown> = {};
    loop.anyOf = [loop];
    assert.doesNotThrow(() => toolSchemaError([{ name: 'loop', parameters: loop }]));
    let deep: Record<string, unknown> = { type: 'object' };
    for (let i = 0; i < 10_000; i++) deep = { anyOf: [deep] };
    assert.doesNotThrow(() => toolSchemaError([{ name: 'deep', parameters: deep }]));
    for (const parameters of [Symbol('s'), () => 1, 10n, new Map(), Number.NaN]) {
      assert.doesNotThrow(() => toolSchemaError([{ name: 'odd', parameters }]));
    }
  });
});
