import assert from 'node:assert/strict';
import { streamResponse } from '../../../src/core/responses/client';
import { buildRequestBody } from '../../../src/core/responses/requestBody';
import type { GrokRequest } from '../../../src/core/responses/types';
import { baseOptions, collect, frameAll, raw, scriptedFetch, sseResponse, TEST_KEY } from './sseFixtures';

const FULL_REQUEST: GrokRequest = {
  input: [
    { role: 'system', content: 'You are Grok.' },
    { role: 'developer', content: 'Answer in markdown.' },
    { role: 'user', content: 'Explain `x`.' },
    { role: 'assistant', content: 'Earlier answer.' },
    { role: 'user', content: 'And now?' },
  ],
  previousResponseId: 'resp_prev_1',
  webSearch: true,
  functionTools: [
    { name: 'get_weather', description: 'Weather for a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }, strict: true },
    { name: 'no_description', parameters: { type: 'object', properties: {} } },
  ],
  jsonSchema: { name: 'answer', schema: { type: 'object', properties: { ok: { type: 'boolean' } } }, strict: true },
  maxOutputTokens: 2048,
};

describe('buildRequestBody', () => {
  it('builds the full Responses body from a request', () => {
    assert.deepEqual(buildRequestBody('grok-build-0.1', FULL_REQUEST), {
      model: 'grok-build-0.1',
      input: [
        { role: 'system', content: 'You are Grok.' },
        { role: 'developer', content: 'Answer in markdown.' },
        { role: 'user', content: 'Explain `x`.' },
        { role: 'assistant', content: 'Earlier answer.' },
        { role: 'user', content: 'And now?' },
      ],
      stream: true,
      previous_response_id: 'resp_prev_1',
      tools: [
        { type: 'web_search' },
        {
          type: 'function',
          name: 'get_weather',
          description: 'Weather for a city',
          parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
          strict: true,
        },
        { type: 'function', name: 'no_description', parameters: { type: 'object', properties: {} }, strict: false },
      ],
      text: { format: { type: 'json_schema', name: 'answer', schema: { type: 'object', properties: { ok: { type: 'boolean' } } }, strict: true } },
      max_output_tokens: 2048,
    });
  });

  it('leaves out everything optional for a minimal request', () => {
    assert.deepEqual(buildRequestBody('grok-build-0.1', { input: [{ role: 'user', content: 'hi' }] }), {
      model: 'grok-build-0.1',
      input: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
  });

  it('sends a tool schema exactly as given, even one xAI will reject (its 400 names the tool)', () => {
    const body = buildRequestBody('m', { input: [{ role: 'user', content: 'x' }], functionTools: [{ name: 'bad', parameters: { anyOf: [{ type: 'string' }] } }] });
    assert.deepEqual(body.tools, [{ type: 'function', name: 'bad', parameters: { anyOf: [{ type: 'string' }] }, strict: false }]);
  });
});

describe('streamResponse: the request on the wire', () => {
  it('POSTs the body to {baseURL}/responses with the bearer key and never sends `reasoning`', async () => {
    const fetch = scriptedFetch(() => sseResponse([frameAll([raw.created(), raw.completed()])]));
    await collect(streamResponse(baseOptions(fetch, { baseURL: 'https://api.x.ai/v1/', defaultHeaders: { 'User-Agent': 'grok-vscode/0.1.0' } }), FULL_REQUEST));
    const [call] = fetch.calls;
    assert.equal(call.url, 'https://api.x.ai/v1/responses');
    assert.equal(call.method, 'POST');
    assert.equal(call.headers.get('authorization'), `Bearer ${TEST_KEY}`);
    assert.equal(call.headers.get('user-agent'), 'grok-vscode/0.1.0');
    assert.deepEqual(call.body, buildRequestBody('grok-build-0.1', FULL_REQUEST));
    assert.ok(!('reasoning' in call.body), 'grok-build-0.1 rejects reasoning.effort');
    assert.ok(!('instructions' in call.body));
  });

  it('does not forward OpenAI account settings from the environment to xAI', async () => {
    const saved = { org: process.env.OPENAI_ORG_ID, project: process.env.OPENAI_PROJECT_ID };
    process.env.OPENAI_ORG_ID = 'org-should-not-leak';
    process.env.OPENAI_PROJECT_ID = 'proj-should-not-leak';
    try {
      const fetch = scriptedFetch(() => sseResponse([frameAll([raw.created(), raw.completed()])]));
      await collect(streamResponse(baseOptions(fetch), { input: [{ role: 'user', content: 'hi' }] }));
      assert.equal(fetch.calls[0].headers.get('openai-organization'), null);
      assert.equal(fetch.calls[0].headers.get('openai-project'), null);
    } finally {
      restoreEnv('OPENAI_ORG_ID', saved.org);
      restoreEnv('OPENAI_PROJECT_ID', saved.project);
    }
  });

  it('logs the request (model, host), the outcome and timings, never the key', async () => {
    const lines: string[] = [];
    const record = (message: string | Error, ...args: unknown[]) => lines.push([String(message), ...args.map((a) => JSON.stringify(a))].join(' '));
    const logger = { trace: record, debug: record, info: record, warn: record, error: record };
    const fetch = scriptedFetch(
      () => new Response(JSON.stringify({ code: 'x', error: `bad key ${TEST_KEY}` }), { status: 503, headers: { 'retry-after-ms': '1' } }),
      () => sseResponse([frameAll([raw.created(), raw.delta('hi'), { type: 'response.future_thing' }, raw.completed()])]),
    );
    await collect(streamResponse(baseOptions(fetch), { input: [{ role: 'user', content: 'hi' }] }, undefined, logger));
    const log = lines.join('\n');
    assert.match(log, /POST api\.x\.ai\/responses model=grok-build-0\.1 attempt 1/);
    assert.match(log, /retry 1\/2 in 1 ms/);
    assert.match(log, /ignored event response\.future_thing/);
    assert.match(log, /first text after \d+ ms/);
    assert.match(log, /completed in \d+ ms, 2 chars/);
    assert.ok(!log.includes(TEST_KEY));
  });

  it('trims whitespace pasted around the key', async () => {
    const fetch = scriptedFetch(() => sseResponse([frameAll([raw.created(), raw.completed()])]));
    await collect(streamResponse(baseOptions(fetch, { apiKey: `  ${TEST_KEY}\n` }), { input: [{ role: 'user', content: 'hi' }] }));
    assert.equal(fetch.calls[0].headers.get('authorization'), `Bearer ${TEST_KEY}`);
  });
});

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
