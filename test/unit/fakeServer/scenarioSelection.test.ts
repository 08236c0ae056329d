import assert from 'node:assert/strict';
import { startFakeServer } from '../../../src/fakeServer/server';
import type { ScenarioName } from '../../../src/fakeServer/server';
import { findScenarioMarker } from '../../../src/fakeServer/requestText';
import { parseSseEvents, rawRequest, streamBody } from './rawHttp';
import { collect, deltaText, last, sdkClient, useFakeServer } from './sdkHelpers';

describe('fake server: choosing the scenario', () => {
  const fake = useFakeServer();

  async function scenarioFor(input: unknown): Promise<string> {
    await rawRequest(fake.server.url, { body: streamBody(input) });
    return String(fake.server.requests.at(-1)?.scenario);
  }

  it('queued scenarios first (FIFO), then a marker in the input, then the default', async () => {
    fake.server.queueScenarios('code', 'reasoning');
    assert.equal(await scenarioFor('[[fake:citations]]'), 'code');
    assert.equal(await scenarioFor('[[fake:citations]]'), 'reasoning');
    assert.equal(await scenarioFor('Explain this [[fake:citations]] please'), 'citations');
    assert.equal(await scenarioFor('No marker'), 'plain');
  });

  it('finds a marker in message items and content parts; the last marker wins', async () => {
    assert.equal(await scenarioFor([{ role: 'system', content: 'Be brief.' }, { role: 'user', content: [{ type: 'input_text', text: 'x [[fake:code]]' }] }]), 'code');
    assert.equal(await scenarioFor([{ role: 'user', content: '[[fake:code]]' }, { role: 'assistant', content: 'ok' }, { role: 'user', content: 'again [[fake:reasoning]]' }]), 'reasoning');
    assert.equal(findScenarioMarker('[[fake:a]] then [[fake:b-c]]'), 'b-c');
    assert.equal(findScenarioMarker('[[fake:]] [fake:plain]'), undefined);
  });

  it('an unknown marker is a clear 400, not a silent default', async () => {
    const raw = await rawRequest(fake.server.url, { body: streamBody('[[fake:nope]]') });
    assert.equal(raw.status, 400);
    assert.match(raw.text, /Unknown fake scenario \[\[fake:nope\]\]/);
  });

  it('setDefaultScenario changes what unmarked requests get', async () => {
    fake.server.setDefaultScenario('code');
    try {
      assert.equal(await scenarioFor('Hi'), 'code');
    } finally {
      fake.server.setDefaultScenario('plain');
    }
  });

  it('rejects unknown scenario names at once', async () => {
    assert.throws(() => fake.server.queueScenarios('nope' as ScenarioName), /Unknown fake scenario 'nope'/);
    assert.throws(() => fake.server.setDefaultScenario('nope' as ScenarioName), /Unknown fake scenario/);
    await assert.rejects(startFakeServer({ defaultScenario: 'nope' as ScenarioName }), /Unknown fake scenario/);
  });
});

describe('fake server: scripted scenarios (ScenarioSpec)', () => {
  const fake = useFakeServer();

  it('streams the given events verbatim (objects framed, strings raw) and records the spec name', async () => {
    fake.server.queueScenarios({
      name: 'custom',
      events: [
        { type: 'response.created', sequence_number: 0, response: { id: 'r1', status: 'in_progress', output: [] } },
        ': a comment the test wrote itself\n\n',
        { type: 'response.output_text.delta', sequence_number: 1, item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'Hi' },
      ],
    });
    const { events, error } = await collect(fake.client);
    assert.equal(error, undefined);
    assert.deepEqual(events.map((e) => e.type), ['response.created', 'response.output_text.delta']);
    assert.equal(deltaText(events), 'Hi');
    assert.equal(fake.server.requests.at(-1)?.scenario, 'custom');
  });

  it('replies with a status, headers and body; without a body an error status gets an xAI-shaped body', async () => {
    fake.server.queueScenarios({ name: 'teapot', status: 418, headers: { 'x-custom': 'yes' }, body: { code: 'tea', error: 'I am a teapot' } }, { name: 'blank-403', status: 403 });
    const first = await rawRequest(fake.server.url, { body: streamBody() });
    assert.equal(first.status, 418);
    assert.equal(first.headers['x-custom'], 'yes');
    assert.deepEqual(JSON.parse(first.text), { code: 'tea', error: 'I am a teapot' });
    const second = await rawRequest(fake.server.url, { body: streamBody() });
    assert.equal(second.status, 403);
    assert.deepEqual(Object.keys(JSON.parse(second.text) as object).sort(), ['code', 'error']);
  });

  it('afterEvents: disconnect cuts the socket after the events', async () => {
    fake.server.queueScenarios({ name: 'cut', events: [{ type: 'response.created', sequence_number: 0, response: {} }], afterEvents: 'disconnect' });
    const raw = await rawRequest(fake.server.url, { body: streamBody() });
    assert.ok(raw.error);
    assert.equal(parseSseEvents(raw.text.slice(0, raw.text.lastIndexOf('\n\n') + 2)).length, 1);
  });

  it('per-spec chunking overrides the server default', async () => {
    fake.server.queueScenarios({ name: 'crlf', events: [{ type: 'response.created', sequence_number: 0 }], chunking: { crlf: true, sendDone: true } });
    const raw = await rawRequest(fake.server.url, { body: streamBody() });
    assert.equal(raw.text, 'event: response.created\r\ndata: {"type":"response.created","sequence_number":0}\r\n\r\ndata: [DONE]\r\n\r\n');
  });

  it('afterEvents: stall keeps the stream open until close(), which resolves promptly', async () => {
    const server = await startFakeServer();
    server.queueScenarios({ name: 'hang', events: [{ type: 'response.created', sequence_number: 0, response: {} }], afterEvents: 'stall' });
    const stream = await sdkClient(server).responses.create({ model: 'grok-build-0.1', input: 'Hi', stream: true });
    const iterator = stream[Symbol.asyncIterator]();
    assert.equal((await iterator.next()).value?.type, 'response.created');
    const pending = iterator.next();
    const started = Date.now();
    await server.close();
    await server.close(); // idempotent
    assert.ok(Date.now() - started < 500);
    await assert.rejects(pending);
  });

  it('close() also ends slow streams without waiting for their timers', async () => {
    const server = await startFakeServer({ defaultScenario: 'slow' });
    const client = sdkClient(server);
    const stream = await client.responses.create({ model: 'grok-build-0.1', input: 'Hi', stream: true });
    const iterator = stream[Symbol.asyncIterator]();
    assert.equal((await iterator.next()).value?.type, 'response.created');
    const started = Date.now();
    await server.close();
    assert.ok(Date.now() - started < 500);
    await assert.rejects(async () => {
      for (;;) if ((await iterator.next()).done) return;
    });
  });

  it('the request after a rejected one still gets the queue head', async () => {
    fake.server.queueScenarios('citations');
    await rawRequest(fake.server.url, { headers: { authorization: 'Bearer wrong-key-123' }, body: streamBody() });
    const { events } = await collect(fake.client);
    assert.equal(last(events).type, 'response.completed');
    assert.equal(fake.server.requests.at(-1)?.scenario, 'citations');
  });
});
