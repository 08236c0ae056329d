import assert from 'node:assert/strict';
import { streamResponse } from '../../../src/core/responses/client';
import type { GrokRequest, GrokStreamEvent } from '../../../src/core/responses/types';
import { baseOptions, collect, endOf, errorOf, failingFetch, frameAll, jsonResponse, raw, scriptedFetch, sseResponse, systemError } from './sseFixtures';

const REQUEST: GrokRequest = { input: [{ role: 'user', content: 'Go' }] };
const OK = () => sseResponse([frameAll([raw.created(), raw.delta('Answer'), raw.completed()])]);
const RATE_LIMIT_BODY = { code: 'Some resource has been exhausted', error: 'Too many requests: you have exceeded 30 requests per second for grok-build-0.1.' };
const CREDITS_BODY = {
  code: 'Some resource has been exhausted',
  error: 'Your team 0a1b has either used all available credits or reached its monthly spending limit. To continue making API requests, please purchase more credits or raise your spending limit.',
};

type Retrying = Extract<GrokStreamEvent, { kind: 'retrying' }>;
const retryingOf = (events: GrokStreamEvent[]) => events.filter((e): e is Retrying => e.kind === 'retrying');

describe('streamResponse: retries', () => {
  it('retries a 429 after the retry-after-ms wait, with a visible retrying event, then streams', async () => {
    const fetch = scriptedFetch(() => jsonResponse(429, RATE_LIMIT_BODY, { 'retry-after-ms': '40', 'retry-after': '1' }), OK);
    const started = performance.now();
    const events = await collect(streamResponse(baseOptions(fetch), REQUEST));
    const elapsed = performance.now() - started;

    const [retrying] = retryingOf(events);
    assert.equal(retrying.attempt, 2);
    assert.equal(retrying.maxAttempts, 3);
    assert.equal(retrying.delayMs, 40, 'retry-after-ms wins over retry-after');
    assert.equal(retrying.reason.kind, 'rate-limited');
    assert.equal(events[0], retrying, 'the wait is announced before anything else');
    assert.ok(elapsed >= 35 && elapsed < 900, `elapsed ${elapsed} ms`);
    assert.equal(endOf(events).outcome.status, 'completed');
    assert.equal(endOf(events).text, 'Answer');
    assert.equal(fetch.calls.length, 2);
    assert.equal(fetch.calls[1].headers.get('x-stainless-retry-count'), '0', 'our retries are fresh SDK requests');
  });

  it('retries a 503 then succeeds, honouring retry-after in seconds', async () => {
    const fetch = scriptedFetch(() => jsonResponse(503, { code: 'unavailable', error: 'Service temporarily unavailable' }, { 'retry-after': '0.05' }), OK);
    const events = await collect(streamResponse(baseOptions(fetch), REQUEST));
    const [retrying] = retryingOf(events);
    assert.equal(retrying.delayMs, 50);
    assert.equal(retrying.reason.kind, 'server-error');
    assert.equal(retrying.reason.status, 503);
    assert.equal(endOf(events).outcome.status, 'completed');
  });

  it('backs off by default (0.5 s · 2^n with jitter) when the server gives no hint', async () => {
    const fetch = scriptedFetch(() => jsonResponse(500, 'Internal error'), OK);
    const events = await collect(streamResponse(baseOptions(fetch), REQUEST));
    const [retrying] = retryingOf(events);
    assert.ok(retrying.delayMs >= 375 && retrying.delayMs <= 500, `delay ${retrying.delayMs}`);
    assert.equal(endOf(events).outcome.status, 'completed');
  });

  it('does not retry a 429 that means credits are exhausted', async () => {
    const fetch = scriptedFetch(() => jsonResponse(429, CREDITS_BODY, { 'retry-after': '0' }), OK);
    const events = await collect(streamResponse(baseOptions(fetch), REQUEST));
    assert.deepEqual(retryingOf(events), []);
    const error = errorOf(endOf(events));
    assert.equal(error.kind, 'credits-exhausted');
    assert.deepEqual(error.actions, ['open-billing']);
    assert.equal(fetch.calls.length, 1);
  });

  it('does not retry once output has started', async () => {
    const drop = new TypeError('terminated');
    const fetch = scriptedFetch(() => sseResponse([frameAll([raw.created(), raw.delta('Started')])], { end: { error: drop } }), OK);
    const events = await collect(streamResponse(baseOptions(fetch), REQUEST));
    assert.deepEqual(retryingOf(events), []);
    assert.equal(errorOf(endOf(events)).kind, 'interrupted');
    assert.equal(endOf(events).text, 'Started');
    assert.equal(fetch.calls.length, 1);
  });

  it('gives up after maxRetries and reports the last error with its retry hint', async () => {
    const fetch = scriptedFetch(() => jsonResponse(429, RATE_LIMIT_BODY, { 'retry-after-ms': '5' }));
    const events = await collect(streamResponse(baseOptions(fetch, { maxRetries: 2 }), REQUEST));
    assert.deepEqual(retryingOf(events).map((r) => [r.attempt, r.maxAttempts]), [[2, 3], [3, 3]]);
    const error = errorOf(endOf(events));
    assert.equal(error.kind, 'rate-limited');
    assert.equal(error.retryAfterMs, 5);
    assert.equal(fetch.calls.length, 3);
  });

  it('reports instead of waiting when the hint is longer than maxRetryDelayMs', async () => {
    const fetch = scriptedFetch(() => jsonResponse(429, RATE_LIMIT_BODY, { 'retry-after': '120' }), OK);
    const started = performance.now();
    const events = await collect(streamResponse(baseOptions(fetch, { maxRetryDelayMs: 60_000 }), REQUEST));
    assert.ok(performance.now() - started < 500);
    assert.deepEqual(retryingOf(events), []);
    const error = errorOf(endOf(events));
    assert.equal(error.kind, 'rate-limited');
    assert.equal(error.retryAfterMs, 120_000);
    assert.match(error.message, /wait 2 min/);
  });

  it('honours x-should-retry both ways', async () => {
    const refused = scriptedFetch(() => jsonResponse(503, 'down', { 'x-should-retry': 'false' }), OK);
    const noRetry = await collect(streamResponse(baseOptions(refused), REQUEST));
    assert.equal(errorOf(endOf(noRetry)).kind, 'server-error');
    assert.equal(refused.calls.length, 1);

    const forced = scriptedFetch(() => jsonResponse(400, { code: 'x', error: 'transient' }, { 'x-should-retry': 'true', 'retry-after-ms': '1' }), OK);
    const retried = await collect(streamResponse(baseOptions(forced), REQUEST));
    assert.equal(endOf(retried).outcome.status, 'completed');
    assert.equal(forced.calls.length, 2);
  });

  it('does not retry client errors such as a wrong key', async () => {
    const fetch = scriptedFetch(() => jsonResponse(400, { code: 'Client specified an invalid argument', error: 'Incorrect API key provided: xa***ef.' }), OK);
    const events = await collect(streamResponse(baseOptions(fetch), REQUEST));
    assert.equal(errorOf(endOf(events)).kind, 'invalid-api-key');
    assert.equal(fetch.calls.length, 1);
  });

  it('retries connection failures but not certificate problems', async () => {
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      calls++;
      if (calls === 1) throw new TypeError('fetch failed', { cause: systemError('ECONNRESET', 'read ECONNRESET') });
      return scriptedFetch(OK)(input, init);
    };
    const events = await collect(streamResponse(baseOptions(flaky, { maxRetryDelayMs: 60_000 }), REQUEST));
    assert.equal(retryingOf(events)[0]?.reason.kind, 'network');
    assert.equal(endOf(events).outcome.status, 'completed');

    const tls = await collect(streamResponse(baseOptions(failingFetch(systemError('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain'))), REQUEST));
    assert.deepEqual(retryingOf(tls), []);
    assert.equal(errorOf(endOf(tls)).kind, 'network');
  });

  it('makes no request when retries are off and the first attempt fails', async () => {
    const fetch = scriptedFetch(() => jsonResponse(502, '<html><body><h1>502 Bad Gateway</h1></body></html>'));
    const events = await collect(streamResponse(baseOptions(fetch, { maxRetries: 0 }), REQUEST));
    assert.deepEqual(retryingOf(events), []);
    const error = errorOf(endOf(events));
    assert.equal(error.kind, 'server-error');
    assert.equal(error.detail, '502 Bad Gateway');
    assert.equal(fetch.calls.length, 1);
  });
});
