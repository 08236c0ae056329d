import assert from 'node:assert/strict';
import { monitorBody, StreamStalledError, withIdleWatchdog } from '../../../src/core/responses/idleWatchdog';
import { sseBody } from './sseFixtures';

async function readAll(stream: ReadableStream<Uint8Array>, pauseMs = 0): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    text += decoder.decode(value, { stream: true });
    if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}

describe('idle watchdog', () => {
  it('passes every chunk through unchanged', async () => {
    const text = await readAll(monitorBody(sseBody(['data: 1\n', '\n', 'data: 2\n\n']), 1_000));
    assert.equal(text, 'data: 1\n\ndata: 2\n\n');
  });

  it('errors the body with StreamStalledError when no chunk arrives in time', async () => {
    const monitored = monitorBody(sseBody(['data: 1\n\n'], { end: 'stall' }), 100);
    const started = performance.now();
    await assert.rejects(readAll(monitored), (err: unknown) => err instanceof StreamStalledError && err.idleMs === 100);
    const waited = performance.now() - started;
    assert.ok(waited >= 95 && waited < 1_000, `waited ${waited} ms`);
  });

  it('does not count time spent by a slow reader', async () => {
    const text = await readAll(monitorBody(sseBody(['a', 'b', 'c']), 50), 120);
    assert.equal(text, 'abc');
  });

  it('forwards errors of the underlying body', async () => {
    const boom = new TypeError('terminated');
    await assert.rejects(readAll(monitorBody(sseBody(['x'], { end: { error: boom } }), 1_000)), (err: unknown) => err === boom);
  });

  it('wraps fetch, keeping status and headers', async () => {
    const inner = (async () => new Response(sseBody(['hi']), { status: 429, headers: { 'retry-after': '3' } })) as typeof fetch;
    const response = await withIdleWatchdog(inner, 1_000)('https://example.com');
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), '3');
    assert.equal(await response.text(), 'hi');
  });
});
