import assert from 'node:assert/strict';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { toGrokError } from '../../../src/core/responses/errors';
import { backoffDelayMs, decideRetry, sleepUnlessAborted, type RetryPolicy } from '../../../src/core/responses/retry';
import { retryAfterHintMs } from '../../../src/core/responses/retryAfter';
import { systemError } from './sseFixtures';

const NOW = Date.parse('2026-07-01T12:00:00Z');
const POLICY: RetryPolicy = { maxRetries: 2, maxRetryDelayMs: 60_000, random: () => 0, now: () => NOW };

function status(code: number, headers: Record<string, string> = {}, body: unknown = { code: 'x', error: 'y' }): APIError {
  return APIError.generate(code, body as object, undefined, new Headers(headers));
}

function decide(err: unknown, retriesDone = 0, policy = POLICY) {
  return decideRetry(err, toGrokError(err), retriesDone, policy);
}

describe('retryAfterHintMs', () => {
  const hint = (headers: Record<string, string>) => retryAfterHintMs(new Headers(headers), NOW);

  it('prefers retry-after-ms, then retry-after in seconds or as an HTTP date', () => {
    assert.equal(hint({ 'retry-after-ms': '250.5', 'retry-after': '9' }), 250.5);
    assert.equal(hint({ 'retry-after': '2' }), 2000);
    assert.equal(hint({ 'retry-after': '1.5' }), 1500);
    assert.equal(hint({ 'retry-after': 'Wed, 01 Jul 2026 12:00:30 GMT' }), 30_000);
    assert.equal(hint({ 'retry-after': 'Wed, 01 Jul 2026 11:00:00 GMT' }), 0, 'a past date means now');
  });

  it('ignores absent and unreadable hints', () => {
    assert.equal(hint({}), undefined);
    assert.equal(hint({ 'retry-after': 'soon' }), undefined);
    assert.equal(hint({ 'retry-after': '-5' }), undefined);
    assert.equal(hint({ 'retry-after-ms': 'abc', 'retry-after': '3' }), 3000);
    assert.equal(hint({ 'retry-after': '' }), undefined);
    assert.equal(retryAfterHintMs(undefined), undefined);
  });
});

describe('backoffDelayMs', () => {
  it('doubles from 0.5 s, caps at 8 s and takes off up to 25 % jitter', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 5, 9].map((n) => backoffDelayMs(n, () => 0)), [500, 1000, 2000, 4000, 8000, 8000, 8000]);
    assert.equal(backoffDelayMs(0, () => 1), 375);
    assert.equal(backoffDelayMs(4, () => 0.5), 7000);
  });
});

describe('decideRetry', () => {
  it('retries 408, 409, 429 and 5xx, but not other client errors', () => {
    for (const code of [408, 409, 429, 500, 502, 503, 504]) assert.deepEqual(decide(status(code)), { retry: true, delayMs: 500 }, String(code));
    for (const code of [400, 401, 403, 404, 407, 413, 422]) assert.equal(decide(status(code)).retry, false, String(code));
  });

  it('never retries exhausted credits, even when told to', () => {
    const credits = status(429, { 'x-should-retry': 'true' }, { code: 'x', error: 'Your team has used all available credits.' });
    assert.deepEqual(decide(credits), { retry: false, why: 'not-retryable' });
  });

  it('uses the server hint as the delay and refuses hints above the limit', () => {
    assert.deepEqual(decide(status(429, { 'retry-after': '3' })), { retry: true, delayMs: 3000 });
    assert.deepEqual(decide(status(429, { 'retry-after': '61' })), { retry: false, why: 'wait-too-long', retryAfterMs: 61_000 });
    assert.deepEqual(decide(status(429, { 'retry-after': '61' }), 0, { ...POLICY, maxRetryDelayMs: 120_000 }), { retry: true, delayMs: 61_000 });
  });

  it('stops after maxRetries, keeping the hint', () => {
    assert.deepEqual(decide(status(503, { 'retry-after': '1' }), 2), { retry: false, why: 'exhausted', retryAfterMs: 1000 });
    assert.equal(decide(status(503), 1).retry, true);
    assert.deepEqual(decide(status(503), 1), { retry: true, delayMs: 1000 }, 'second retry backs off further');
  });

  it('retries connection failures and timeouts, not TLS problems or user aborts', () => {
    const refused = new APIConnectionError({ cause: new TypeError('fetch failed', { cause: systemError('ECONNREFUSED', 'connect ECONNREFUSED') }) as Error });
    assert.equal(decide(refused).retry, true);
    assert.equal(decide(new APIConnectionTimeoutError()).retry, true);
    const tls = new APIConnectionError({ cause: new TypeError('fetch failed', { cause: systemError('CERT_HAS_EXPIRED', 'certificate has expired') }) as Error });
    assert.equal(decide(tls).retry, false);
    assert.equal(decide(new APIUserAbortError()).retry, false);
    assert.equal(decide(new SyntaxError('bad json')).retry, false);
  });
});

describe('sleepUnlessAborted', () => {
  it('resolves true after the delay and false at once on abort', async () => {
    assert.equal(await sleepUnlessAborted(5, undefined), true);
    const controller = new AbortController();
    const started = performance.now();
    const pending = sleepUnlessAborted(10_000, controller.signal);
    controller.abort();
    assert.equal(await pending, false);
    assert.ok(performance.now() - started < 100);
    assert.equal(await sleepUnlessAborted(10_000, AbortSignal.abort()), false);
  });
});
