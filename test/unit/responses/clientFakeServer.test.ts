/** The client against the project's fake xAI server over real HTTP (real undici sockets, real framing). */
import assert from 'node:assert/strict';
import { streamResponse } from '../../../src/core/responses/client';
import type { GrokClientOptions, GrokRequest, GrokStreamEvent } from '../../../src/core/responses/types';
import { startFakeServer, type FakeServer, type ScenarioName } from '../../../src/fakeServer/server';
import { collect, endOf, errorOf, textOf } from './sseFixtures';

const REQUEST: GrokRequest = { input: [{ role: 'user', content: 'Explain the selection.' }] };

describe('streamResponse against the fake xAI server (real HTTP)', function () {
  this.timeout(10_000);
  let server: FakeServer;

  before(async () => {
    server = await startFakeServer();
  });
  after(async () => {
    await server.close();
  });

  function options(overrides: Partial<GrokClientOptions> = {}): GrokClientOptions {
    return { apiKey: 'test-key', baseURL: server.url, model: 'grok-build-0.1', requestTimeoutMs: 5_000, idleTimeoutMs: 2_000, maxRetries: 2, ...overrides };
  }

  async function run(scenario: ScenarioName | undefined, overrides: Partial<GrokClientOptions> = {}, request: GrokRequest = REQUEST) {
    if (scenario) server.queueScenarios(scenario);
    const before = server.requests.length;
    const events = await collect(streamResponse(options(overrides), request));
    return { events, end: endOf(events), requests: server.requests.slice(before) };
  }

  const kinds = (events: GrokStreamEvent[]) => new Set(events.map((e) => e.kind));

  it('plain: streams the answer, completes with usage, and sent a clean body', async () => {
    const { events, end, requests } = await run('plain');
    assert.equal(events[0].kind, 'created');
    assert.ok(end.text.length > 50);
    assert.equal(end.text, textOf(events));
    assert.ok(end.outcome.status === 'completed' && end.outcome.usage && end.outcome.usage.outputTokens > 0);
    assert.equal(requests.length, 1);
    const body = requests[0].body as Record<string, unknown>;
    assert.equal(body.model, 'grok-build-0.1');
    assert.equal(body.stream, true);
    assert.deepEqual(body.input, REQUEST.input);
    assert.ok(!('reasoning' in body));
    assert.equal(requests[0].headers.authorization, 'Bearer test-key');
  });

  it('citations: web search activity with its query, and citations whose offsets span [[N]](url) in the text', async () => {
    const { events, end } = await run('citations', {}, { ...REQUEST, webSearch: true });
    assert.equal(end.outcome.status, 'completed');
    const tools = events.flatMap((e) => (e.kind === 'tool-activity' ? [e.activity] : []));
    assert.ok(tools.some((t) => t.tool === 'web_search' && t.status === 'completed'));
    assert.ok(tools.some((t) => typeof t.query === 'string' && t.query.length > 0));
    const citations = events.flatMap((e) => (e.kind === 'citation' ? [e.citation] : []));
    assert.ok(citations.length >= 2);
    for (const c of citations) {
      assert.ok(c.startIndex !== undefined && c.endIndex !== undefined);
      assert.match(end.text.slice(c.startIndex, c.endIndex), /^\[\[\d+\]\]\(.+\)$/);
      assert.ok(end.text.slice(c.startIndex, c.endIndex).includes(c.url));
    }
  });

  it('reasoning: summary deltas arrive before the answer text', async () => {
    const { events, end } = await run('reasoning');
    const firstReasoning = events.findIndex((e) => e.kind === 'reasoning-delta');
    const firstText = events.findIndex((e) => e.kind === 'text-delta');
    assert.ok(firstReasoning >= 0 && firstReasoning < firstText);
    assert.equal(end.outcome.status, 'completed');
  });

  it('code and unknown-events: complete normally', async () => {
    const code = await run('code');
    assert.equal(code.end.outcome.status, 'completed');
    assert.match(code.end.text, /```/);
    const unknown = await run('unknown-events');
    assert.equal(unknown.end.outcome.status, 'completed');
    assert.ok(unknown.end.text.length > 0);
  });

  it('rate-limit: waits retry-after-ms, announces it, then streams', async () => {
    const { events, end, requests } = await run('rate-limit');
    const retrying = events.find((e) => e.kind === 'retrying');
    assert.ok(retrying && retrying.kind === 'retrying');
    assert.equal(retrying.delayMs, 50);
    assert.equal(retrying.reason.kind, 'rate-limited');
    assert.equal(end.outcome.status, 'completed');
    assert.equal(requests.length, 2);
  });

  it('server-error-then-plain: retries the 503 and streams', async () => {
    const { events, end, requests } = await run('server-error-then-plain', { maxRetryDelayMs: 60_000 });
    assert.ok(kinds(events).has('retrying'));
    assert.equal(end.outcome.status, 'completed');
    assert.equal(requests.length, 2);
  });

  it('credits-exhausted: no retry, billing action', async () => {
    const { events, end, requests } = await run('credits-exhausted');
    assert.ok(!kinds(events).has('retrying'));
    assert.equal(errorOf(end).kind, 'credits-exhausted');
    assert.equal(requests.length, 1);
  });

  const faults: [ScenarioName, string][] = [
    ['error-event', 'stream-error'],
    ['failed', 'response-failed'],
    ['disconnect', 'interrupted'],
    ['no-terminal', 'interrupted'],
    ['malformed', 'stream-error'],
  ];
  for (const [scenario, kind] of faults) {
    it(`${scenario}: ends with ${kind}, keeping the partial text`, async () => {
      const { events, end, requests } = await run(scenario);
      assert.equal(errorOf(end).kind, kind);
      assert.ok(end.text.length > 0, 'partial text kept');
      assert.equal(end.text, textOf(events));
      assert.equal(requests.length, 1, 'a started stream is not retried');
    });
  }

  it('incomplete: ends incomplete with the reason', async () => {
    const { end } = await run('incomplete');
    assert.deepEqual(end.outcome, { status: 'incomplete', reason: 'max_output_tokens', ...(end.outcome.status === 'incomplete' && end.outcome.usage ? { usage: end.outcome.usage } : {}) });
    assert.ok(end.text.length > 0);
  });

  it('stall: the idle watchdog ends it as stalled, keeping the partial text', async () => {
    const started = Date.now();
    const { events, end } = await run('stall', { idleTimeoutMs: 200 });
    assert.equal(errorOf(end).kind, 'stalled');
    assert.ok(end.text.length > 0);
    assert.equal(end.text, textOf(events));
    assert.ok(Date.now() - started < 2_000);
  });

  for (const scenario of ['slow', 'stall'] as const) {
    it(`${scenario}: cancel ends the stream within 100 ms, keeping what arrived`, async () => {
      server.queueScenarios(scenario);
      const controller = new AbortController();
      const events: GrokStreamEvent[] = [];
      let abortedAt = 0;
      for await (const event of streamResponse(options({ idleTimeoutMs: 30_000 }), REQUEST, controller.signal)) {
        events.push(event);
        if (event.kind === 'text-delta' && !controller.signal.aborted) {
          abortedAt = performance.now();
          controller.abort();
        }
      }
      const latency = performance.now() - abortedAt;
      const end = endOf(events);
      assert.deepEqual(end.outcome, { status: 'cancelled' });
      assert.equal(end.text, textOf(events));
      assert.ok(end.text.length > 0);
      assert.ok(latency <= 100, `took ${latency} ms`);
    });
  }

  it('the [[fake:NAME]] marker in the input picks the scenario', async () => {
    const { end } = await run(undefined, {}, { input: [{ role: 'user', content: 'Explain [[fake:incomplete]] please' }] });
    assert.equal(end.outcome.status, 'incomplete');
  });

  const framings = [
    ['CRLF, keep-alive comments, no event lines, [DONE], random splits', { crlf: true, keepAliveComments: true, eventLines: false, sendDone: true, splitWrites: 'random', seed: 7 }],
    ['byte-wise split writes', { splitWrites: 'bytewise' }],
  ] as const;
  for (const [name, chunking] of framings) {
    it(`framing: ${name} give the same answer and citations`, async () => {
      const reference = await run('citations');
      const framed = await startFakeServer({ chunking });
      try {
        framed.queueScenarios('citations');
        const events = await collect(streamResponse({ ...options(), baseURL: framed.url }, REQUEST));
        assert.equal(endOf(events).outcome.status, 'completed');
        assert.equal(endOf(events).text, reference.end.text);
        assert.match(reference.end.text, /[\u{10000}-\u{10FFFF}]/u, 'the answer has a non-BMP character to split inside');
        assert.deepEqual(
          events.filter((e) => e.kind === 'citation'),
          reference.events.filter((e) => e.kind === 'citation'),
        );
      } finally {
        await framed.close();
      }
    });
  }

  it('maps a wrong key, an unknown model and a rejected tool schema, never echoing the key', async () => {
    const wrongKey = await run(undefined, { apiKey: 'xai-wrongkey-1234567890' });
    assert.equal(errorOf(wrongKey.end).kind, 'invalid-api-key');
    assert.ok(!JSON.stringify(wrongKey.events).includes('xai-wrongkey-1234567890'));

    const model = await run(undefined, { model: 'grok-nope' });
    assert.equal(errorOf(model.end).kind, 'model-not-found');
    assert.match(errorOf(model.end).message, /grok-nope/);

    // A root $ref to an object: only a warning for pre-flight (undocumented), so it reaches the server, which rejects it.
    const refRoot = { $ref: '#/$defs/Color', $defs: { Color: { type: 'object', properties: {} } } };
    const tool = await run(undefined, {}, { ...REQUEST, functionTools: [{ name: 'pick_color', parameters: refRoot }] });
    const error = errorOf(tool.end);
    assert.equal(error.kind, 'invalid-tool-schema');
    assert.equal(error.toolName, 'pick_color');
    assert.equal(error.status, 400, 'judged by the server, not by pre-flight');
  });

  it('maps a refused connection to a network error naming the host', async () => {
    const closed = await startFakeServer();
    const url = closed.url;
    await closed.close();
    const events = await collect(streamResponse({ ...options(), baseURL: url, maxRetries: 0 }, REQUEST));
    const error = errorOf(endOf(events));
    assert.equal(error.kind, 'network');
    assert.match(error.message, /refused/);
    assert.match(error.message, new RegExp(new URL(url).host.replace(/\./g, '\\.')));
  });
});
