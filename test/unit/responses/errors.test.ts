import assert from 'node:assert/strict';
import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { streamResponse } from '../../../src/core/responses/client';
import { toGrokError, type ErrorContext } from '../../../src/core/responses/errors';
import { isCreditsExhaustedText } from '../../../src/core/responses/httpErrors';
import { StreamStalledError } from '../../../src/core/responses/idleWatchdog';
import { baseOptions, collect, endOf, errorOf, failingFetch, jsonResponse, scriptedFetch, systemError, TEST_KEY } from './sseFixtures';

const CONTEXT: ErrorContext = { model: 'grok-build-0.1', baseURL: 'https://api.x.ai/v1', requestTimeoutMs: 60_000 };

/** The error the SDK throws for an HTTP error response with this JSON body (its own factory). */
function httpError(status: number, body: unknown, headers: Record<string, string> = {}): APIError {
  return APIError.generate(status, body as object, undefined, new Headers(headers));
}

function connectionError(cause: unknown): APIConnectionError {
  return new APIConnectionError({ message: 'Connection error.', cause: new TypeError('fetch failed', { cause }) as Error });
}

describe('toGrokError: HTTP statuses', () => {
  it("maps xAI's 400 'Incorrect API key' to invalid-api-key", () => {
    const error = toGrokError(
      httpError(400, { code: 'Client specified an invalid argument', error: 'Incorrect API key provided: xa***ef. You can obtain an API key from https://console.x.ai.' }),
      CONTEXT,
    );
    assert.equal(error.kind, 'invalid-api-key');
    assert.deepEqual(error.actions, ['set-api-key']);
    assert.equal(error.status, 400);
    assert.match(error.detail ?? '', /Incorrect API key provided/);
    assert.match(error.message, /Grok: Set API Key/);
  });

  it("maps an OpenAI-shaped 401 invalid_api_key to invalid-api-key and a bare 401 to missing-api-key", () => {
    const openAiShape = toGrokError(httpError(401, { error: { message: 'Incorrect API key provided: sk-abc.', type: 'invalid_request_error', code: 'invalid_api_key' } }));
    assert.equal(openAiShape.kind, 'invalid-api-key');
    const bare = toGrokError(httpError(401, { code: 'Unauthenticated', error: 'Missing or malformed Authorization header.' }));
    assert.equal(bare.kind, 'missing-api-key');
    assert.deepEqual(bare.actions, ['set-api-key']);
  });

  it('maps 403 to forbidden, offering billing when the team is blocked', () => {
    const permission = toGrokError(httpError(403, { code: 'Permission denied', error: 'The API key does not have permission to use model grok-build-0.1.' }));
    assert.equal(permission.kind, 'forbidden');
    assert.deepEqual(permission.actions, ['set-api-key', 'open-settings']);
    const blocked = toGrokError(httpError(403, { code: 'Permission denied', error: 'Your team is blocked due to an unpaid invoice.' }));
    assert.equal(blocked.kind, 'forbidden');
    assert.deepEqual(blocked.actions, ['open-billing', 'open-settings']);
  });

  it('maps 404 to model-not-found naming the model and the grok.model setting', () => {
    const error = toGrokError(httpError(404, { code: 'Some requested entity was not found', error: 'The model grok-nope does not exist or your team does not have access to it.' }), {
      ...CONTEXT,
      model: 'grok-nope',
    });
    assert.equal(error.kind, 'model-not-found');
    assert.match(error.message, /"grok-nope"/);
    assert.match(error.message, /grok\.model/);
    assert.deepEqual(error.actions, ['open-settings']);
  });

  it('points at grok.baseUrl when a 404 does not talk about a model', () => {
    const error = toGrokError(APIError.generate(404, undefined, '<html><title>404 Not Found</title></html>', new Headers()), {
      ...CONTEXT,
      baseURL: 'https://proxy.example.com/v2',
    });
    assert.equal(error.kind, 'model-not-found');
    assert.match(error.message, /proxy\.example\.com/);
    assert.match(error.message, /grok\.baseUrl/);
    assert.equal(error.detail, '404 Not Found');
  });

  it('maps a 400 naming a tool to invalid-tool-schema with the tool name (direct and behind a proxy prefix)', () => {
    for (const text of [
      'get_weather: tool parameter root must be an object type (root schema is an anyOf/oneOf union with a non-object branch)',
      'Failed to start sampling: [invalid_client_tool_schema] get_weather: tool parameter root must be an object type',
    ]) {
      const error = toGrokError(httpError(400, { code: 'invalid-argument', error: text }));
      assert.equal(error.kind, 'invalid-tool-schema', text);
      assert.equal(error.toolName, 'get_weather');
      assert.match(error.message, /"get_weather"/);
    }
  });

  it('says so when the stored conversation is gone, keeping status and server text for the fallback', () => {
    for (const [status, text] of [
      [404, "Response with id 'resp_old' not found."],
      [400, 'previous_response_id resp_old has expired.'],
    ] as const) {
      const error = toGrokError(httpError(status, { code: 'x', error: text }), CONTEXT);
      assert.equal(error.kind, 'bad-request', text);
      assert.equal(error.status, status);
      assert.equal(error.detail, text);
      assert.match(error.message, /no longer has the earlier part of this conversation/);
    }
  });

  it('maps other 400s and 422s to bad-request with the server text', () => {
    const effort = toGrokError(httpError(400, { code: 'invalid-argument', error: 'Model grok-build-0.1 does not support parameter reasoningEffort.' }));
    assert.equal(effort.kind, 'bad-request');
    assert.match(effort.message, /does not support parameter reasoningEffort/);
    const unprocessable = toGrokError(httpError(422, { error: { message: 'input must not be empty', type: 'invalid_request_error' } }));
    assert.equal(unprocessable.kind, 'bad-request');
    assert.match(unprocessable.message, /input must not be empty/);
    assert.equal(unprocessable.status, 422);
  });

  it('tells a rate limit from exhausted credits on 429', () => {
    const rate = toGrokError(httpError(429, { code: 'Some resource has been exhausted', error: 'Too many requests per second.' }, { 'retry-after': '3' }));
    assert.equal(rate.kind, 'rate-limited');
    assert.equal(rate.retryAfterMs, 3000);
    assert.deepEqual(rate.actions, ['retry']);

    for (const text of [
      'Your team abc has either used all available credits or reached its monthly spending limit.',
      'You have run out of credits. Purchase more at console.x.ai.',
      'Billing hard limit has been reached',
    ]) {
      const credits = toGrokError(httpError(429, { code: 'Some resource has been exhausted', error: text }));
      assert.equal(credits.kind, 'credits-exhausted', text);
      assert.deepEqual(credits.actions, ['open-billing']);
    }
    const openAiQuota = toGrokError(httpError(429, { error: { message: 'You exceeded your current quota.', type: 'insufficient_quota', code: 'insufficient_quota' } }));
    assert.equal(openAiQuota.kind, 'credits-exhausted');
  });

  it('maps 5xx to server-error with a retry action', () => {
    for (const status of [500, 502, 503, 504, 529]) {
      const error = toGrokError(httpError(status, { code: 'internal', error: 'oops' }));
      assert.equal(error.kind, 'server-error', String(status));
      assert.deepEqual(error.actions, ['retry']);
      assert.equal(error.status, status);
    }
  });

  it('maps 407 to a proxy network error and 408 to timeout', () => {
    const proxy = toGrokError(APIError.generate(407, undefined, 'Proxy Authentication Required', new Headers()));
    assert.equal(proxy.kind, 'network');
    assert.match(proxy.message, /proxy/i);
    assert.ok(proxy.actions.includes('check-network') && proxy.actions.includes('open-settings'));
    assert.equal(toGrokError(httpError(408, { error: 'timeout' })).kind, 'timeout');
  });

  it('carries the request id when the response has one', () => {
    const error = toGrokError(httpError(500, { error: 'x' }, { 'x-request-id': 'req_123' }));
    assert.equal(error.requestId, 'req_123');
  });
});

describe('toGrokError: transport and stream failures', () => {
  const cases: [string, unknown, RegExp][] = [
    ['ENOTFOUND', systemError('ENOTFOUND', 'getaddrinfo ENOTFOUND api.x.ai'), /Could not find api\.x\.ai \(DNS/],
    ['EAI_AGAIN', systemError('EAI_AGAIN', 'getaddrinfo EAI_AGAIN api.x.ai'), /DNS lookup failed/],
    ['ECONNREFUSED (happy-eyeballs AggregateError)', Object.assign(new AggregateError([systemError('ECONNREFUSED', 'connect ECONNREFUSED ::1:443'), systemError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:443')]), { code: 'ECONNREFUSED' }), /refused/],
    ['ECONNRESET', systemError('ECONNRESET', 'read ECONNRESET'), /reset/],
    ['ETIMEDOUT', systemError('ETIMEDOUT', 'connect ETIMEDOUT 1.2.3.4:443'), /unreachable or connecting timed out/],
    ['UND_ERR_CONNECT_TIMEOUT', systemError('UND_ERR_CONNECT_TIMEOUT', 'Connect Timeout Error'), /connecting timed out/],
    ['CERT_HAS_EXPIRED', systemError('CERT_HAS_EXPIRED', 'certificate has expired'), /CERT_HAS_EXPIRED/],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', systemError('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate'), /secure connection.*proxy/],
    ['SELF_SIGNED_CERT_IN_CHAIN', systemError('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain'), /NODE_EXTRA_CA_CERTS/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', systemError('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames"), /secure connection/],
    ['a proxy failure', new Error('Proxy response (502) !== 200 when HTTP Tunneling'), /proxy/i],
  ];
  for (const [name, cause, message] of cases) {
    it(`maps a connection error caused by ${name} to a specific network message`, () => {
      const error = toGrokError(connectionError(cause), CONTEXT);
      assert.equal(error.kind, 'network');
      assert.match(error.message, message);
      assert.ok(error.actions.includes('check-network'), 'offers to check the network');
      assert.ok(error.actions.includes('open-settings'), 'offers the settings (base URL, proxy)');
      assert.ok(error.detail && error.detail.length > 0);
    });
  }

  it("maps Node's raw fetch TypeError the same way as the SDK's wrapper", () => {
    const error = toGrokError(new TypeError('fetch failed', { cause: systemError('ENOTFOUND', 'getaddrinfo ENOTFOUND api.x.ai') }), CONTEXT);
    assert.equal(error.kind, 'network');
    assert.match(error.message, /DNS/);
  });

  it('maps the SDK timeout and an undici headers timeout to timeout', () => {
    const sdk = toGrokError(new APIConnectionTimeoutError(), CONTEXT);
    assert.equal(sdk.kind, 'timeout');
    assert.match(sdk.message, /60 s/);
    assert.match(sdk.message, /grok\.requestTimeoutSeconds/);
    const undici = toGrokError(connectionError(systemError('UND_ERR_HEADERS_TIMEOUT', 'Headers Timeout Error')), CONTEXT);
    assert.equal(undici.kind, 'timeout');
  });

  it('maps a connection drop mid-stream to interrupted, and before any response to network', () => {
    const drop = new TypeError('terminated', { cause: systemError('UND_ERR_SOCKET', 'other side closed') });
    assert.equal(toGrokError(drop, { ...CONTEXT, phase: 'stream' }).kind, 'interrupted');
    assert.equal(toGrokError(drop, { ...CONTEXT, phase: 'request' }).kind, 'network');
  });

  it('maps malformed stream JSON, a stall and an SSE error event', () => {
    assert.equal(toGrokError(new SyntaxError('Error reading response: malformed server-sent event JSON.')).kind, 'stream-error');
    const stalled = toGrokError(new StreamStalledError(30_000));
    assert.equal(stalled.kind, 'stalled');
    assert.match(stalled.message, /30 s/);
    const sse = toGrokError(new APIError(undefined, { type: 'error', code: 'overloaded', message: 'The model is overloaded' }, undefined, new Headers()));
    assert.equal(sse.kind, 'stream-error');
    assert.match(sse.message, /The model is overloaded/);
  });

  it('maps any other failure of a started stream to interrupted', () => {
    const error = toGrokError(new Error('Attempted to iterate over a response with no body'), { ...CONTEXT, phase: 'stream' });
    assert.equal(error.kind, 'interrupted');
    assert.equal(error.detail, 'Attempted to iterate over a response with no body');
  });

  it('maps anything else to unknown without throwing', () => {
    for (const value of [new Error('boom'), 'a string', 42, null, undefined, { weird: true }]) {
      const error = toGrokError(value);
      assert.equal(error.kind, 'unknown');
      assert.equal(typeof error.message, 'string');
    }
  });
});

describe('toGrokError: secrets', () => {
  it('never includes the API key or anything shaped like one', () => {
    const echoed = httpError(400, { code: 'invalid-argument', error: `Bad header: Authorization: Bearer ${TEST_KEY}; also xai-ANOTHERKEY987654321 and sk-proj-abcdef123456` });
    const error = toGrokError(echoed, { secrets: [TEST_KEY] });
    const text = JSON.stringify(error);
    assert.ok(!text.includes(TEST_KEY));
    assert.ok(!text.includes('xai-ANOTHERKEY987654321'));
    assert.ok(!text.includes('sk-proj-abcdef123456'));
    assert.match(error.detail ?? '', /\[redacted\]/);

    const custom = toGrokError(new Error('failed with key my-custom-secret-value'), { secrets: ['my-custom-secret-value'] });
    assert.ok(!JSON.stringify(custom).includes('my-custom-secret-value'));
  });

  it('keeps the key out of every event the client yields', async () => {
    const fetch = scriptedFetch(
      () => jsonResponse(503, { error: `upstream rejected Bearer ${TEST_KEY}` }, { 'retry-after-ms': '1' }),
      () => jsonResponse(400, { code: 'invalid-argument', error: `Incorrect API key provided: ${TEST_KEY}` }),
    );
    const events = await collect(streamResponse(baseOptions(fetch), { input: [{ role: 'user', content: 'hi' }] }));
    assert.equal(errorOf(endOf(events)).kind, 'invalid-api-key');
    assert.ok(!JSON.stringify(events).includes(TEST_KEY));
    assert.ok(!JSON.stringify(events).includes(TEST_KEY.slice(4)));
  });

  it('detects credit exhaustion in varied wordings but not in plain rate limits', () => {
    assert.ok(isCreditsExhaustedText('reached its monthly spending limit'));
    assert.ok(isCreditsExhaustedText('insufficient_quota'));
    assert.ok(isCreditsExhaustedText('Your account has insufficient balance'));
    assert.ok(!isCreditsExhaustedText('Rate limit reached for requests per second'));
    assert.ok(!isCreditsExhaustedText('Too many tokens per minute'));
  });
});

describe('streamResponse: errors over crafted HTTP responses', () => {
  const REQUEST = { input: [{ role: 'user' as const, content: 'hi' }] };

  it('names the configured model on a 404', async () => {
    const fetch = scriptedFetch(() => jsonResponse(404, { code: 'Some requested entity was not found', error: 'The model grok-typo does not exist.' }));
    const events = await collect(streamResponse(baseOptions(fetch, { model: 'grok-typo' }), REQUEST));
    const error = errorOf(endOf(events));
    assert.equal(error.kind, 'model-not-found');
    assert.match(error.message, /grok-typo/);
  });

  it('maps a network failure of the injected fetch, naming the host', async () => {
    const events = await collect(
      streamResponse(baseOptions(failingFetch(systemError('ENOTFOUND', 'getaddrinfo ENOTFOUND api.example.invalid')), { baseURL: 'https://api.example.invalid/v1', maxRetries: 0 }), REQUEST),
    );
    const error = errorOf(endOf(events));
    assert.equal(error.kind, 'network');
    assert.match(error.message, /api\.example\.invalid/);
  });

  it('answers a missing key or a broken setting without any request', async () => {
    const fetch = scriptedFetch(() => jsonResponse(500, {}));
    const cases: [Parameters<typeof baseOptions>[1], string][] = [
      [{ apiKey: '  ' }, 'missing-api-key'],
      [{ apiKey: 'xai-abc def' }, 'invalid-api-key'],
      [{ baseURL: 'not a url' }, 'network'],
      [{ baseURL: 'ftp://api.x.ai' }, 'network'],
      [{ model: '' }, 'model-not-found'],
    ];
    for (const [overrides, kind] of cases) {
      const events = await collect(streamResponse(baseOptions(fetch, overrides), REQUEST));
      assert.equal(events.length, 1);
      assert.equal(errorOf(endOf(events)).kind, kind, JSON.stringify(overrides));
    }
    const empty = await collect(streamResponse(baseOptions(fetch), { input: [] }));
    assert.equal(errorOf(endOf(empty)).kind, 'bad-request');
    const badTokens = await collect(streamResponse(baseOptions(fetch), { ...REQUEST, maxOutputTokens: 0 }));
    assert.equal(errorOf(endOf(badTokens)).kind, 'bad-request');
    assert.equal(fetch.calls.length, 0);
  });
});
