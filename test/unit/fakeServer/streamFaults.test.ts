import assert from 'node:assert/strict';
import { APIError } from 'openai';
import { startFakeServer } from '../../../src/fakeServer/server';
import { parseSseData, parseSseEvents, rawRequest, streamBody } from './rawHttp';
import { collect, deltaText, last, sdkClient, types, useFakeServer } from './sdkHelpers';

describe('fake server: streams that go wrong after the headers', () => {
  const fake = useFakeServer();

  it('error-event: some deltas, then an SSE error event (the SDK throws an APIError) and the stream ends', async () => {
    fake.server.queueScenarios('error-event');
    const { events, error } = await collect(fake.client);
    assert.ok(deltaText(events).length > 0, 'deltas arrived first');
    assert.ok(error instanceof APIError);
    assert.equal(error.status, undefined);
    assert.match(error.message, /internal error/);

    fake.server.queueScenarios('error-event');
    const raw = await rawRequest(fake.server.url, { body: streamBody() });
    const rawEvents = parseSseEvents(raw.text);
    const errorEvent = last(rawEvents);
    assert.deepEqual(Object.keys(errorEvent).sort(), ['code', 'message', 'param', 'sequence_number', 'type']);
    assert.equal(errorEvent.type, 'error');
    assert.equal(errorEvent.param, null);
    assert.equal(errorEvent.sequence_number, rawEvents.length - 1);
    assert.match(raw.text, /event: error\ndata: /);
  });

  it('failed: deltas, then response.failed carrying response.error {code, message}', async () => {
    fake.server.queueScenarios('failed');
    const { events, error } = await collect(fake.client);
    assert.equal(error, undefined);
    const failed = last(events);
    assert.equal(failed.type, 'response.failed');
    const response = failed.response as { status: string; error: { code: string; message: string }; output: { content: { text: string }[] }[] };
    assert.equal(response.status, 'failed');
    assert.equal(response.error.code, 'server_error');
    assert.match(response.error.message, /restarted/);
    assert.equal(response.output[0].content[0].text, deltaText(events), 'the partial text is in the snapshot');
  });

  it('incomplete: deltas, then response.incomplete with incomplete_details.reason "max_output_tokens"', async () => {
    fake.server.queueScenarios('incomplete');
    const { events, error } = await collect(fake.client);
    assert.equal(error, undefined);
    const incomplete = last(events);
    assert.equal(incomplete.type, 'response.incomplete');
    const response = incomplete.response as { status: string; incomplete_details: { reason: string } };
    assert.equal(response.status, 'incomplete');
    assert.deepEqual(response.incomplete_details, { reason: 'max_output_tokens' });
    assert.ok(deltaText(events).length > 0);
  });

  it('disconnect: deltas, a partial line, then the socket dies (undici TypeError through the SDK)', async () => {
    fake.server.queueScenarios('disconnect');
    const { events, error } = await collect(fake.client);
    assert.ok(deltaText(events).length > 0);
    assert.ok(error instanceof TypeError, `got ${String(error)}`);

    fake.server.queueScenarios('disconnect');
    const raw = await rawRequest(fake.server.url, { body: streamBody() });
    assert.ok(raw.error, 'the response did not end cleanly');
    const tail = raw.text.slice(raw.text.lastIndexOf('\n\n') + 2);
    assert.match(tail, /^event: response\.output_text\.delta\ndata: \{"type":"response\.output_text\.delta"/);
    assert.ok(!tail.endsWith('\n'), 'cut inside the data line');
  });

  it('no-terminal: deltas, then a clean end with no terminal event (the SDK loop just ends)', async () => {
    fake.server.queueScenarios('no-terminal');
    const { events, error } = await collect(fake.client);
    assert.equal(error, undefined);
    assert.equal(last(events).type, 'response.output_text.delta');
    assert.ok(!types(events).some((type) => /completed|failed|incomplete/.test(type)));
  });

  it('malformed: a complete event whose data is not JSON, after some deltas (the SDK throws SyntaxError)', async () => {
    fake.server.queueScenarios('malformed');
    const { events, error } = await collect(fake.client);
    assert.ok(deltaText(events).length > 0);
    assert.ok(error instanceof SyntaxError);

    fake.server.queueScenarios('malformed');
    const raw = await rawRequest(fake.server.url, { body: streamBody() });
    const broken = parseSseData(raw.text).filter((data) => {
      try {
        JSON.parse(data);
        return false;
      } catch {
        return true;
      }
    });
    assert.equal(broken.length, 1);
  });

  it('stall: headers and a few events, then silence until close() destroys the socket', async () => {
    const server = await startFakeServer({ defaultScenario: 'stall' });
    try {
      const stream = await sdkClient(server).responses.create({ model: 'grok-build-0.1', input: 'Hi', stream: true });
      const iterator = stream[Symbol.asyncIterator]();
      const seen: string[] = [];
      for (;;) {
        const next = await iterator.next();
        assert.equal(next.done, false);
        seen.push(next.value.type);
        if (seen.filter((type) => type === 'response.output_text.delta').length === 3) break;
      }
      // Bounded check that nothing more comes (the stall is the behaviour under test).
      const pending = iterator.next();
      const silence = await Promise.race([pending.then(() => 'event'), new Promise((resolve) => setTimeout(() => resolve('silence'), 150))]);
      assert.equal(silence, 'silence');
      const closing = Date.now();
      await server.close();
      assert.ok(Date.now() - closing < 1000, 'close() does not wait for the stalled stream');
      await assert.rejects(pending);
    } finally {
      await server.close();
    }
  });
});

describe('fake server: HTTP errors before the stream', () => {
  const fake = useFakeServer();

  it('rate-limit: 429 about requests per second with retry hints; the retry gets plain', async () => {
    fake.server.queueScenarios('rate-limit');
    const raw = await rawRequest(fake.server.url, { body: streamBody('Hi [[fake:rate-limit]]') });
    assert.equal(raw.status, 429);
    assert.equal(raw.headers['retry-after'], '1');
    assert.equal(raw.headers['retry-after-ms'], '50');
    const body = JSON.parse(raw.text) as { code: string; error: string };
    assert.equal(typeof body.code, 'string');
    assert.match(body.error, /requests per second/);
    // The retry carries the same marker and still recovers.
    const retry = await rawRequest(fake.server.url, { body: streamBody('Hi [[fake:rate-limit]]') });
    assert.equal(retry.status, 200);
    assert.deepEqual(fake.server.requests.slice(-2).map((r) => r.scenario), ['rate-limit', 'plain']);
  });

  it('rate-limit: the SDK honours retry-after-ms and its retry succeeds', async () => {
    fake.server.queueScenarios('rate-limit');
    const before = fake.server.requests.length;
    const { events, error } = await collect(sdkClient(fake.server, { maxRetries: 1 }));
    assert.equal(error, undefined);
    assert.equal(last(events).type, 'response.completed');
    assert.deepEqual(fake.server.requests.slice(before).map((r) => r.scenario), ['rate-limit', 'plain']);
  });

  it('rate-limit: the request after it takes the next queued scenario', async () => {
    fake.server.queueScenarios('rate-limit', 'citations');
    await rawRequest(fake.server.url, { body: streamBody() });
    await rawRequest(fake.server.url, { body: streamBody() });
    assert.deepEqual(fake.server.requests.slice(-2).map((r) => r.scenario), ['rate-limit', 'citations']);
  });

  it('credits-exhausted: 429 saying the team used its credits or hit its spending limit, every time', async () => {
    const first = await collect(fake.client, { input: '[[fake:credits-exhausted]]' });
    const second = await collect(fake.client, { input: '[[fake:credits-exhausted]]' });
    for (const { error } of [first, second]) {
      assert.ok(error instanceof APIError);
      assert.equal(error.status, 429);
      assert.match(error.message, /has either used all available credits or reached its monthly spending limit/);
    }
  });

  it('server-error: 503, then the next request is chosen as usual', async () => {
    fake.server.queueScenarios('server-error');
    const failed = await collect(fake.client);
    assert.ok(failed.error instanceof APIError);
    assert.equal(failed.error.status, 503);
    const again = await collect(fake.client, { input: '[[fake:server-error]]' });
    assert.equal((again.error as APIError).status, 503, 'a marker keeps failing');
    const recovered = await collect(fake.client);
    assert.equal(last(recovered.events).type, 'response.completed');
  });

  it('server-error-then-plain: 503, then a retry of the same request succeeds', async () => {
    const failed = await collect(fake.client, { input: '[[fake:server-error-then-plain]]' });
    assert.equal((failed.error as APIError).status, 503);
    const retried = await collect(fake.client, { input: '[[fake:server-error-then-plain]]' });
    assert.equal(last(retried.events).type, 'response.completed');
  });

  it('tool-schema-400 by name: 400 naming the request\'s first function tool', async () => {
    fake.server.queueScenarios('tool-schema-400');
    const tools = [{ type: 'web_search' }, { type: 'function', name: 'lookup', parameters: { type: 'object', properties: {} }, strict: false }];
    const raw = await rawRequest(fake.server.url, { body: streamBody('Hi', { tools }) });
    assert.equal(raw.status, 400);
    assert.deepEqual(JSON.parse(raw.text), { code: 'invalid-argument', error: 'lookup: tool parameter root must be an object type (root schema is an anyOf/oneOf union with a non-object branch)' });
  });

  it('refuses a non-streamed request for a scenario that only streams', async () => {
    fake.server.queueScenarios('stall');
    const raw = await rawRequest(fake.server.url, { body: { model: 'grok-build-0.1', input: 'Hi' } });
    assert.equal(raw.status, 400);
    assert.match(raw.text, /only streams/);
  });
});
