import assert from 'node:assert/strict';
import OpenAI, { AuthenticationError, BadRequestError, NotFoundError } from 'openai';
import { parametersRootProblem } from '../../../src/fakeServer/toolSchemaRule';
import { rawRequest, streamBody } from './rawHttp';
import { collect, sdkClient, useFakeServer } from './sdkHelpers';

function fn(name: string, parameters: unknown) {
  return { type: 'function', name, parameters, strict: false };
}

describe('fake server: request validation', () => {
  const fake = useFakeServer({ apiKey: 'test-key', models: ['grok-build-0.1', 'grok-4'] });

  it('no or malformed Authorization header: 401', async () => {
    for (const authorization of ['', 'Basic dGVzdA==', 'Bearer', 'Bearer  ', 'test-key']) {
      const raw = await rawRequest(fake.server.url, { headers: { authorization }, body: streamBody() });
      assert.equal(raw.status, 401, `authorization ${JSON.stringify(authorization)}`);
      assert.equal(typeof (JSON.parse(raw.text) as { error: unknown }).error, 'string');
    }
    const client = new OpenAI({ apiKey: 'unused', baseURL: fake.server.url, maxRetries: 0, defaultHeaders: { authorization: 'Token abc' } });
    assert.ok((await collect(client)).error instanceof AuthenticationError);
  });

  it('wrong key: xAI\'s 400 with the key masked (a BadRequestError, not an AuthenticationError)', async () => {
    const raw = await rawRequest(fake.server.url, { headers: { authorization: 'Bearer wrong-key' }, body: streamBody() });
    assert.equal(raw.status, 400);
    assert.deepEqual(JSON.parse(raw.text), {
      code: 'Client specified an invalid argument',
      error: 'Incorrect API key provided: wr***ey. You can obtain an API key from https://console.x.ai.',
    });
    assert.ok(!raw.text.includes('wrong-key'));
    const { error } = await collect(sdkClient(fake.server, { apiKey: 'xai-0123456789abcdef' }));
    assert.ok(error instanceof BadRequestError);
    assert.ok(!(error instanceof AuthenticationError));
    assert.match(error.message, /Incorrect API key provided: xa\*\*\*ef\./);
  });

  it('unknown model: 404 in xAI\'s body shape; a configured second model works', async () => {
    const raw = await rawRequest(fake.server.url, { body: streamBody('Hi', { model: 'grok-nope' }) });
    assert.equal(raw.status, 404);
    const body = JSON.parse(raw.text) as Record<string, string>;
    assert.deepEqual(Object.keys(body).sort(), ['code', 'error']);
    assert.match(body.error, /grok-nope/);
    assert.ok((await collect(fake.client, { model: 'grok-nope' })).error instanceof NotFoundError);
    assert.equal((await collect(fake.client, { model: 'grok-4' })).error, undefined);
  });

  it('reasoning.effort: 400 "does not support parameter reasoningEffort"; reasoning.summary alone is fine', async () => {
    const raw = await rawRequest(fake.server.url, { body: streamBody('Hi', { reasoning: { effort: 'low' } }) });
    assert.equal(raw.status, 400);
    assert.equal((JSON.parse(raw.text) as { error: string }).error, 'Model grok-build-0.1 does not support parameter reasoningEffort.');
    assert.equal((await collect(fake.client, { reasoning: { summary: 'auto' } })).error, undefined);
  });

  it('function tool whose parameters root is not an object: 400 naming the tool, regardless of the queued scenario', async () => {
    fake.server.queueScenarios('citations');
    const tools = [{ type: 'web_search' }, fn('good', { type: 'object', properties: {} }), fn('get_weather', { type: 'string' })];
    const raw = await rawRequest(fake.server.url, { body: streamBody('Hi', { tools }) });
    assert.equal(raw.status, 400);
    assert.deepEqual(JSON.parse(raw.text), { code: 'invalid-argument', error: 'get_weather: tool parameter root must be an object type (root schema has type "string")' });
    assert.equal(fake.server.requests.at(-1)?.scenario, 'tool-schema-400');
    // The rejected request did not consume the queued scenario.
    await rawRequest(fake.server.url, { body: streamBody() });
    assert.equal(fake.server.requests.at(-1)?.scenario, 'citations');
  });

  it('root anyOf/oneOf: fine when every branch is an object, 400 with a non-object branch', async () => {
    const objects = { oneOf: [{ type: 'object', properties: { a: { type: 'string' } } }, { type: 'object', properties: { b: { type: 'number' } } }] };
    assert.equal((await rawRequest(fake.server.url, { body: streamBody('Hi', { tools: [fn('notify', objects)] }) })).status, 200);
    const mixed = { anyOf: [{ type: 'object' }, { type: 'string' }] };
    const raw = await rawRequest(fake.server.url, { body: streamBody('Hi', { tools: [fn('notify', mixed)] }) });
    assert.equal(raw.status, 400);
    assert.equal(
      (JSON.parse(raw.text) as { error: string }).error,
      'notify: tool parameter root must be an object type (root schema is an anyOf/oneOf union with a non-object branch)',
    );
  });

  it('tool schema rule: the cases the fact sheet lists', () => {
    assert.equal(parametersRootProblem({ type: 'object', properties: {} }), undefined);
    assert.equal(parametersRootProblem(undefined), undefined);
    assert.match(String(parametersRootProblem({ type: ['object', 'null'] })), /has type \["object","null"\]/);
    assert.match(String(parametersRootProblem({ type: 'object', oneOf: [{ required: ['a'] }, { required: ['b'] }] })), /non-object branch/);
    assert.match(String(parametersRootProblem({ oneOf: [{ $ref: '#/$defs/A' }] })), /non-object branch/);
    assert.match(String(parametersRootProblem({ $ref: '#/definitions/Args', definitions: {} })), /\$ref/);
    assert.match(String(parametersRootProblem({ $schema: 'https://json-schema.org/draft/2020-12/schema' })), /no type/);
    assert.match(String(parametersRootProblem({ type: 'array', items: {} })), /"array"/);
    assert.match(String(parametersRootProblem('string')), /not a JSON schema object/);
    assert.match(String(parametersRootProblem({ anyOf: [] })), /non-empty/);
  });

  it('bad JSON, a non-object body, a missing model or input: 400 in xAI\'s shape', async () => {
    const cases: [string, RegExp][] = [
      ['{"model":', /parse the request body as JSON/],
      ['[1,2]', /must be a JSON object/],
      ['{"input":"Hi"}', /model/],
      ['{"model":"grok-build-0.1"}', /input/],
      ['{"model":"grok-build-0.1","input":"Hi","tools":{}}', /tools must be an array/],
    ];
    for (const [rawBody, message] of cases) {
      const raw = await rawRequest(fake.server.url, { rawBody });
      assert.equal(raw.status, 400, rawBody);
      assert.match((JSON.parse(raw.text) as { error: string }).error, message);
    }
  });

  it('other paths and methods: 404 with a JSON body', async () => {
    for (const [method, path] of [['POST', '/chat/completions'], ['GET', '/responses'], ['GET', '/models']]) {
      const raw = await rawRequest(fake.server.url, { method, path });
      assert.equal(raw.status, 404, `${method} ${path}`);
      assert.equal(raw.headers['content-type'], 'application/json');
      assert.match((JSON.parse(raw.text) as { error: string }).error, /No route/);
    }
  });

  it('records every request: method, path, headers, parsed and raw body, time and scenario', async () => {
    const before = Date.now();
    const startIndex = fake.server.requests.length;
    await collect(fake.client, { input: [{ role: 'user', content: 'Record me' }], previous_response_id: 'abc' });
    await rawRequest(fake.server.url, { rawBody: 'not json' });
    const [sdkRequest, badRequest] = fake.server.requests.slice(startIndex);
    assert.equal(sdkRequest.method, 'POST');
    assert.equal(sdkRequest.path, '/v1/responses');
    assert.equal(sdkRequest.headers.authorization, 'Bearer test-key');
    assert.deepEqual(sdkRequest.body, {
      model: 'grok-build-0.1',
      input: [{ role: 'user', content: 'Record me' }],
      previous_response_id: 'abc',
      stream: true,
    });
    assert.deepEqual(JSON.parse(sdkRequest.rawBody), sdkRequest.body);
    assert.ok(sdkRequest.receivedAt >= before && sdkRequest.receivedAt <= Date.now());
    assert.equal(sdkRequest.scenario, 'plain');
    assert.equal(badRequest.body, undefined);
    assert.equal(badRequest.rawBody, 'not json');
    assert.equal(badRequest.scenario, 'bad-json');
  });
});
