/**
 * The stream client over real HTTP (Node's fetch, real sockets) against a server that writes exact bytes:
 * content types, gzip, chunked writes cut anywhere, resets, silences and error statuses.
 */
import assert from 'node:assert/strict';
import { gzipSync, createGzip, constants as zlib } from 'node:zlib';
import type { Socket } from 'node:net';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { streamResponse } from '../../../src/core/responses/client';
import type { GrokClientOptions, GrokRequest } from '../../../src/core/responses/types';
import { collect, endOf, errorOf, raw, textOf } from './sseFixtures';
import { REPRESENTATIVE_TEXT, representativeEvents, specFrame } from './sseSpecFrames';
import { reply, sendChunks, startRawSseServer, type RawSseServer } from './rawSseServer';

const REQUEST: GrokRequest = { input: [{ role: 'user', content: 'Explain this code' }] };
const SSE = { 'content-type': 'text/event-stream' };

describe('streamResponse over real HTTP: bodies, encodings, resets and statuses', function () {
  this.timeout(20_000);
  let server: RawSseServer;

  before(async () => {
    server = await startRawSseServer();
  });
  after(async () => {
    await server.close();
  });

  function options(overrides: Partial<GrokClientOptions> = {}): GrokClientOptions {
    return { apiKey: 'xai-test-key-0123456789', baseURL: server.url, model: 'grok-build-0.1', requestTimeoutMs: 5_000, idleTimeoutMs: 2_000, maxRetries: 0, ...overrides };
  }

  async function run(overrides: Partial<GrokClientOptions> = {}) {
    const events = await collect(streamResponse(options(overrides), REQUEST));
    return { events, end: endOf(events) };
  }

  function assertComplete(result: Awaited<ReturnType<typeof run>>, text: string, label = ''): void {
    assert.equal(result.end.outcome.status, 'completed', `${label} ${JSON.stringify(result.end.outcome)}`);
    assert.equal(textOf(result.events), text, label);
    assert.equal(result.end.text, text, label);
  }

  it('reads chunked writes cut at every 5th byte (inside UTF-8 characters and CRLF pairs)', async () => {
    const bytes = Buffer.from(specFrame(representativeEvents(), { eol: '\r\n' }));
    for (let at = 1; at < bytes.length; at += 5) {
      server.script(sendChunks([bytes.subarray(0, at), bytes.subarray(at)]));
      assertComplete(await run(), REPRESENTATIVE_TEXT, `split at ${at}`);
    }
  });

  it('reads one-byte chunked writes with bare CR line endings', async () => {
    const bytes = Buffer.from(specFrame(representativeEvents(), { eol: '\r' }));
    server.script(sendChunks(Array.from(bytes, (b) => Uint8Array.of(b))));
    assertComplete(await run(), REPRESENTATIVE_TEXT);
  });

  it('reads gzip-encoded SSE, whole and flushed event by event', async () => {
    const sse = specFrame(representativeEvents());
    server.script(reply(200, gzipSync(sse), { ...SSE, 'content-encoding': 'gzip' }));
    assertComplete(await run(), REPRESENTATIVE_TEXT, 'whole');

    server.script(async (_req, res) => {
      res.writeHead(200, { ...SSE, 'content-encoding': 'gzip' });
      const gzip = createGzip();
      gzip.pipe(res);
      for (const event of representativeEvents()) {
        gzip.write(specFrame([event]));
        await new Promise<void>((resolve) => gzip.flush(zlib.Z_SYNC_FLUSH, () => resolve()));
        await nextTurn();
      }
      gzip.end();
    });
    assertComplete(await run(), REPRESENTATIVE_TEXT, 'flushed');
  });

  it('ends interrupted, keeping the text, on a truncated or corrupt gzip body and on a body shorter than its content-length', async () => {
    const events = representativeEvents();
    const gz = gzipSync(specFrame(events));
    server.script(reply(200, gz.subarray(0, gz.length - 40), { ...SSE, 'content-encoding': 'gzip' }));
    const truncated = await run();
    assert.equal(errorOf(truncated.end).kind, 'interrupted');
    assert.ok(truncated.end.text.length > 0 && REPRESENTATIVE_TEXT.startsWith(truncated.end.text));

    server.script(reply(200, 'not gzip at all', { ...SSE, 'content-encoding': 'gzip' }));
    assert.equal(errorOf((await run()).end).kind, 'interrupted');

    server.script(async (_req, res) => {
      res.writeHead(200, { ...SSE, 'content-length': '100000' });
      res.write(specFrame(events.slice(0, 4)));
      await nextTurn();
      res.destroy();
    });
    const short = await run();
    assert.equal(errorOf(short.end).kind, 'interrupted');
    assert.equal(short.end.text, 'Résumé ');
  });

  it('reads SSE sent with no content-type, or mislabelled as JSON', async () => {
    const sse = specFrame(representativeEvents());
    server.script(sendChunks([sse], {}));
    assertComplete(await run(), REPRESENTATIVE_TEXT, 'no content-type');
    server.script(reply(200, sse, { 'content-type': 'application/json' }));
    assertComplete(await run(), REPRESENTATIVE_TEXT, 'labelled JSON');
  });

  it('reads a JSON reply sent as text/event-stream: a complete response, or an error', async () => {
    const body = { id: raw.responseId, object: 'response', status: 'completed', output: [{ id: 'msg_1', type: 'message', content: [{ type: 'output_text', text: 'Whole.' }] }] };
    server.script(reply(200, JSON.stringify(body), SSE));
    assertComplete(await run(), 'Whole.');
    server.script(reply(200, JSON.stringify({ error: { message: 'Upstream exploded', code: 'boom' } }), SSE));
    const error = errorOf((await run()).end);
    assert.equal(error.kind, 'stream-error');
    assert.match(error.message, /Upstream exploded/);
    server.script(reply(200, '{"error": {"message": "cut', SSE));
    assert.match(errorOf((await run()).end).message, /something other than an event stream/);
  });

  it('replays a 200 application/json body (a server that ignored stream:true)', async () => {
    const message = { id: 'msg_1', type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: REPRESENTATIVE_TEXT, annotations: [] }] };
    const body = { id: raw.responseId, object: 'response', model: 'grok-build-0.1', status: 'completed', output: [message], usage: { input_tokens: 1, output_tokens: 2, total_tokens: 3 } };
    server.script(reply(200, JSON.stringify(body), { 'content-type': 'application/json; charset=utf-8' }));
    const result = await run();
    assertComplete(result, REPRESENTATIVE_TEXT);
    assert.deepEqual(result.end.outcome, { status: 'completed', usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3 } });
  });

  it('says "a web page" for a 200 HTML page (captive portal, proxy), keeping its words as detail, without retrying', async () => {
    const page = '<!DOCTYPE html><html><head><title>Sign in</title></head><body><h1>Welcome to Airport Wi-Fi</h1><p>Accept the terms to continue.</p></body></html>';
    server.script(reply(200, page, { 'content-type': 'text/html; charset=utf-8' }));
    const { end } = await run({ maxRetries: 2 });
    const error = errorOf(end);
    assert.equal(error.kind, 'stream-error');
    assert.match(error.message, /web page \(text\/html; charset=utf-8\)/);
    assert.match(error.detail ?? '', /Welcome to Airport Wi-Fi Accept the terms/);
    assert.equal(server.requestCount, 1);
  });

  it('says "not an event stream" for a 200 text/plain gateway message', async () => {
    server.script(reply(200, 'upstream connect error or disconnect/reset before headers', { 'content-type': 'text/plain' }));
    const error = errorOf((await run()).end);
    assert.equal(error.kind, 'stream-error');
    assert.match(error.message, /something other than an event stream/);
    assert.match(error.detail ?? '', /upstream connect error/);
  });

  for (const [name, cut] of [
    ['destroy', (socket: Socket) => socket.destroy()],
    ['TCP reset', (socket: Socket) => socket.resetAndDestroy()],
  ] as const) {
    it(`ends interrupted on a connection ${name} mid-event, keeping the text, without retrying`, async () => {
      const sse = specFrame([raw.created(), raw.delta('Kept '), raw.delta('text')]);
      const half = specFrame([raw.delta(' lost')]).slice(0, 30);
      server.script(async (_req, res) => {
        res.writeHead(200, SSE);
        res.write(sse);
        res.write(half);
        await nextTurn();
        if (res.socket) cut(res.socket);
      });
      const { end } = await run({ maxRetries: 2 });
      const error = errorOf(end);
      assert.equal(error.kind, 'interrupted', JSON.stringify(error));
      assert.equal(end.text, 'Kept text');
      assert.equal(server.requestCount, 1);
    });
  }

  it('ends stalled when the server sends headers and then nothing', async () => {
    server.script((_req, res) => {
      res.writeHead(200, SSE);
      res.flushHeaders();
    });
    const started = Date.now();
    const { end } = await run({ idleTimeoutMs: 300 });
    assert.equal(errorOf(end).kind, 'stalled');
    assert.ok(Date.now() - started < 3_000);
  });

  it('ends stalled, keeping the text, when the stream goes silent after some events', async () => {
    server.script((_req, res) => {
      res.writeHead(200, SSE);
      res.write(specFrame([raw.created(), raw.delta('So far')]));
    });
    const { end } = await run({ idleTimeoutMs: 300 });
    assert.equal(errorOf(end).kind, 'stalled');
    assert.equal(end.text, 'So far');
  });

  const stream = () => sendChunks([specFrame(representativeEvents())]);
  const xaiError = (status: number, message: string, headers: Record<string, string> = {}) =>
    reply(status, JSON.stringify({ code: 'some-code', error: message }), { 'content-type': 'application/json', ...headers });

  for (const [name, headers, expectedDelay] of [
    ['429 with retry-after-ms', { 'retry-after-ms': '40' }, (ms: number) => ms === 40],
    ['429 with retry-after in seconds', { 'retry-after': '0' }, (ms: number) => ms === 0],
    ['503 without a hint (backoff)', {}, (ms: number) => ms >= 375 && ms <= 500],
  ] as const) {
    it(`retries ${name}, announcing the wait, then streams`, async () => {
      const status = name.startsWith('429') ? 429 : 503;
      server.script(xaiError(status, 'Too busy', headers), stream());
      const { events, end } = await run({ maxRetries: 2 });
      const retrying = events.filter((e) => e.kind === 'retrying');
      assert.equal(retrying.length, 1);
      assert.ok(retrying[0].kind === 'retrying' && expectedDelay(retrying[0].delayMs), JSON.stringify(retrying[0]));
      assertComplete({ events, end }, REPRESENTATIVE_TEXT);
      assert.equal(server.requestCount, 2);
    });
  }

  it('does not wait out a retry-after longer than the limit: reports it instead', async () => {
    server.script(xaiError(429, 'Rate limit reached', { 'retry-after': '120' }), stream());
    const { end } = await run({ maxRetries: 2, maxRetryDelayMs: 10_000 });
    const error = errorOf(end);
    assert.equal(error.kind, 'rate-limited');
    assert.equal(error.retryAfterMs, 120_000);
    assert.equal(server.requestCount, 1);
  });

  it('maps a 500 after retries are exhausted to server-error', async () => {
    server.script(xaiError(500, 'Internal error', { 'retry-after-ms': '1' }));
    const { events, end } = await run({ maxRetries: 1 });
    assert.equal(events.filter((e) => e.kind === 'retrying').length, 1);
    assert.equal(errorOf(end).kind, 'server-error');
    assert.equal(errorOf(end).status, 500);
    assert.equal(server.requestCount, 2);
  });

  it('maps a 400 naming a tool to invalid-tool-schema with the tool name, without retrying', async () => {
    server.script(xaiError(400, 'lookup_symbol: tool parameter root must be an object type (root schema is an anyOf/oneOf union with a non-object branch)'));
    const { end } = await run({ maxRetries: 2 });
    const error = errorOf(end);
    assert.equal(error.kind, 'invalid-tool-schema');
    assert.equal(error.toolName, 'lookup_symbol');
    assert.equal(server.requestCount, 1);
  });
});
