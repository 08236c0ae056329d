import assert from 'node:assert/strict';
import { streamResponse } from '../../../src/core/responses/client';
import type { GrokRequest, GrokStreamEvent } from '../../../src/core/responses/types';
import { baseOptions, collect, endOf, frame, frameAll, jsonResponse, raw, scriptedFetch, sseBody, sseResponse, type BodyOptions } from './sseFixtures';

const REQUEST: GrokRequest = { input: [{ role: 'user', content: 'Go' }] };
const CANCEL_BUDGET_MS = 100;

/**
 * Consumes the stream, aborting once `shouldCancel` says so; returns the events and how long the end event
 * took to arrive after the abort.
 */
async function cancelWhen(stream: (signal: AbortSignal) => AsyncIterable<GrokStreamEvent>, shouldCancel: (e: GrokStreamEvent) => boolean) {
  const controller = new AbortController();
  const events: GrokStreamEvent[] = [];
  let abortedAt = 0;
  let endedAt = 0;
  for await (const event of stream(controller.signal)) {
    events.push(event);
    if (event.kind === 'end') endedAt = performance.now();
    else if (!controller.signal.aborted && shouldCancel(event)) {
      abortedAt = performance.now();
      controller.abort();
    }
  }
  return { events, end: endOf(events), latencyMs: endedAt - abortedAt };
}

function streamOf(chunks: string[], body: BodyOptions) {
  return (signal: AbortSignal) => streamResponse(baseOptions(scriptedFetch(() => sseResponse(chunks, body)), { idleTimeoutMs: 30_000 }), REQUEST, signal);
}

describe('streamResponse: cancellation', () => {
  it(`ends cancelled within ${CANCEL_BUDGET_MS} ms against a stalled stream, keeping the text`, async () => {
    const { end, latencyMs } = await cancelWhen(streamOf([frameAll([raw.created(), raw.delta('Kept text')])], { end: 'stall' }), (e) => e.kind === 'text-delta');
    assert.deepEqual(end.outcome, { status: 'cancelled' });
    assert.equal(end.text, 'Kept text');
    assert.ok(latencyMs <= CANCEL_BUDGET_MS, `took ${latencyMs} ms`);
  });

  it(`ends cancelled within ${CANCEL_BUDGET_MS} ms against a slow stream, keeping what arrived`, async () => {
    const deltas = Array.from({ length: 200 }, (_, i) => frame(raw.delta(`w${i} `)));
    const { events, end, latencyMs } = await cancelWhen(
      streamOf([frame(raw.created()), ...deltas, frame(raw.completed())], { chunkDelayMs: 20 }),
      (e) => e.kind === 'text-delta' && e.delta === 'w3 ',
    );
    assert.deepEqual(end.outcome, { status: 'cancelled' });
    assert.ok(end.text.startsWith('w0 w1 w2 w3 '), end.text);
    assert.equal(end.text, events.map((e) => (e.kind === 'text-delta' ? e.delta : '')).join(''));
    assert.ok(latencyMs <= CANCEL_BUDGET_MS, `took ${latencyMs} ms`);
  });

  it('ends cancelled promptly while waiting for response headers, and aborts the request', async () => {
    const fetch = scriptedFetch(() => new Promise<Response>(() => undefined));
    const controller = new AbortController();
    const pending = collect(streamResponse(baseOptions(fetch), REQUEST, controller.signal));
    await waitFor(() => fetch.calls.length === 1);
    const abortedAt = performance.now();
    controller.abort();
    const events = await pending;
    assert.ok(performance.now() - abortedAt <= CANCEL_BUDGET_MS);
    assert.deepEqual(endOf(events).outcome, { status: 'cancelled' });
    assert.equal(fetch.calls[0].signal?.aborted, true);
  });

  it('ends cancelled promptly during a retry wait, without another request', async () => {
    const fetch = scriptedFetch(
      () => jsonResponse(503, { code: 'unavailable', error: 'busy' }, { 'retry-after': '30' }),
      () => sseResponse([frameAll([raw.created(), raw.completed()])]),
    );
    const { events, end, latencyMs } = await cancelWhen(
      (signal) => streamResponse(baseOptions(fetch), REQUEST, signal),
      (e) => e.kind === 'retrying',
    );
    assert.equal(events[0].kind, 'retrying');
    assert.deepEqual(end.outcome, { status: 'cancelled' });
    assert.ok(latencyMs <= CANCEL_BUDGET_MS, `took ${latencyMs} ms`);
    assert.equal(fetch.calls.length, 1);
  });

  it('ends cancelled at once, without a request, when the signal is already aborted', async () => {
    const fetch = scriptedFetch(() => sseResponse([]));
    const events = await collect(streamResponse(baseOptions(fetch), REQUEST, AbortSignal.abort()));
    assert.deepEqual(events, [{ kind: 'end', outcome: { status: 'cancelled' }, text: '' }]);
    assert.equal(fetch.calls.length, 0);
  });

  it('reports the cancellation even when the body honours the abort itself', async () => {
    // A body wired to the request signal, like undici's: the SDK then ends quietly rather than throwing.
    const fetch = scriptedFetch((call) => {
      const body = sseBody([frameAll([raw.created(), raw.delta('x')])], { end: 'stall' });
      const reader = body.getReader();
      const wired = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const next = await reader.read();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        },
      });
      call.signal?.addEventListener('abort', () => {
        void reader.cancel();
      });
      return new Response(wired, { status: 200, headers: { 'content-type': 'text/event-stream' } });
    });
    const { end } = await cancelWhen((signal) => streamResponse(baseOptions(fetch), REQUEST, signal), (e) => e.kind === 'text-delta');
    assert.deepEqual(end.outcome, { status: 'cancelled' });
    assert.equal(end.text, 'x');
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
