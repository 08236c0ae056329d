/**
 * The streamed Responses call: one request (plus visible, cancellable retries) mapped to `GrokStreamEvent`s.
 *
 * The SDK sends the request and maps HTTP errors; the SSE body is read by our own reader (sseReader.ts),
 * neither the `responses.stream()` helper, which throws on unknown events and on sequences it does not
 * expect (fact sheet §3), nor the raw iterator, whose SSE decoder mishandles framings the spec allows. The
 * SDK's own retries are off (`maxRetries: 0`); see retry.ts for ours.
 */
import OpenAI from 'openai';
import { silentLogger, type Logger } from '../logger';
import { runAttempt } from './attempt';
import { CancelGate } from './cancelGate';
import { redactGrokError, toGrokError, type ErrorContext } from './errors';
import { hostOf } from './errorText';
import { ResponseEventMapper } from './eventMapper';
import { withIdleWatchdog } from './idleWatchdog';
import { preflightError } from './preflight';
import { buildRequestBody } from './requestBody';
import { decideRetry, DEFAULT_MAX_RETRY_DELAY_MS, sleepUnlessAborted, type RetryPolicy } from './retry';
import type { GrokClientOptions, GrokRequest, GrokStreamEvent, ResponseOutcome } from './types';

/**
 * Streams one response. Yields events as they arrive and ALWAYS ends with exactly one `end` event that
 * carries the outcome and all text received (also on errors and cancellation). Never throws: every failure
 * becomes an `end` with an error outcome. Aborting `signal` ends the stream with `cancelled` promptly,
 * including during a retry wait. Stopping iteration early (`break`) aborts the HTTP request.
 */
export async function* streamResponse(
  options: GrokClientOptions,
  request: GrokRequest,
  signal?: AbortSignal,
  log: Logger = silentLogger,
): AsyncGenerator<GrokStreamEvent, void, undefined> {
  const startedAt = performance.now();
  const mapper = new ResponseEventMapper(log);
  const apiKey = typeof options.apiKey === 'string' ? options.apiKey.trim() : '';
  const context: ErrorContext = {
    model: options.model,
    baseURL: options.baseURL,
    requestTimeoutMs: options.requestTimeoutMs,
    idleTimeoutMs: options.idleTimeoutMs,
    secrets: [apiKey, options.apiKey].filter((s) => typeof s === 'string' && s.length > 0),
  };
  const end = (outcome: ResponseOutcome): GrokStreamEvent => {
    const safe = outcome.status === 'error' ? { status: 'error' as const, error: redactGrokError(outcome.error, context.secrets) } : outcome;
    logOutcome(log, safe, performance.now() - startedAt, mapper.text.length);
    return { kind: 'end', outcome: safe, text: mapper.text, ...(mapper.responseId ? { responseId: mapper.responseId } : {}) };
  };

  const problem = preflightError(options, request);
  if (problem) {
    yield end({ status: 'error', error: problem });
    return;
  }
  if (signal?.aborted) {
    yield end({ status: 'cancelled' });
    return;
  }

  // Owns the HTTP request: aborted when the user cancels and when the consumer stops iterating early.
  const requestAbort = new AbortController();
  const forwardAbort = () => requestAbort.abort();
  signal?.addEventListener('abort', forwardAbort, { once: true });
  const gate = new CancelGate(signal);
  try {
    const client = createClient(options, apiKey, log);
    const requestBody = buildRequestBody(options.model, request);
    const policy: RetryPolicy = {
      maxRetries: Math.floor(nonNegativeOr(options.maxRetries, 0)),
      maxRetryDelayMs: nonNegativeOr(options.maxRetryDelayMs, DEFAULT_MAX_RETRY_DELAY_MS),
    };
    const attemptContext = { client, requestBody, mapper, gate, requestAbort, errorContext: context, log, startedAt };

    for (let retriesDone = 0; ; retriesDone++) {
      log.debug(`responses: POST ${hostOf(options.baseURL) ?? options.baseURL}/responses model=${options.model} attempt ${retriesDone + 1}`);
      const attempt = yield* runAttempt(attemptContext);
      if (attempt.kind === 'outcome') {
        yield end(attempt.outcome);
        return;
      }
      const error = toGrokError(attempt.error, { ...context, phase: 'request' });
      const decision = decideRetry(attempt.error, error, retriesDone, policy);
      if (!decision.retry) {
        const retryAfterMs = error.retryAfterMs ?? decision.retryAfterMs;
        log.debug(`responses: not retrying ${error.kind} (${decision.why})`);
        yield end({ status: 'error', error: retryAfterMs === undefined ? error : { ...error, retryAfterMs } });
        return;
      }
      const delayMs = Math.max(0, Math.round(decision.delayMs));
      log.debug(`responses: ${error.kind}${error.status ? ` (${error.status})` : ''}; retry ${retriesDone + 1}/${policy.maxRetries} in ${delayMs} ms`);
      yield { kind: 'retrying', attempt: retriesDone + 2, maxAttempts: policy.maxRetries + 1, delayMs, reason: redactGrokError(error, context.secrets) };
      if (!(await sleepUnlessAborted(delayMs, signal))) {
        yield end({ status: 'cancelled' });
        return;
      }
    }
  } finally {
    gate.dispose();
    signal?.removeEventListener('abort', forwardAbort);
    requestAbort.abort();
  }
}

function createClient(options: GrokClientOptions, apiKey: string, log: Logger): OpenAI {
  const timeout = options.requestTimeoutMs > 0 && Number.isFinite(options.requestTimeoutMs) ? options.requestTimeoutMs : undefined;
  return new OpenAI({
    apiKey,
    baseURL: options.baseURL,
    ...(timeout !== undefined ? { timeout } : {}),
    maxRetries: 0,
    fetch: withIdleWatchdog(options.fetch ?? globalThis.fetch, options.idleTimeoutMs),
    ...(options.defaultHeaders ? { defaultHeaders: options.defaultHeaders } : {}),
    // Explicit nulls: otherwise the SDK reads OPENAI_ORG_ID / OPENAI_PROJECT_ID / OPENAI_ADMIN_KEY from the
    // environment and would send OpenAI account identifiers to xAI.
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    logLevel: 'warn',
    logger: {
      error: (message: string) => log.trace(`openai sdk: ${message}`),
      warn: (message: string) => log.trace(`openai sdk: ${message}`),
      info: (message: string) => log.trace(`openai sdk: ${message}`),
      debug: (message: string) => log.trace(`openai sdk: ${message}`),
    },
  });
}

function logOutcome(log: Logger, outcome: ResponseOutcome, totalMs: number, textLength: number): void {
  const took = `${Math.round(totalMs)} ms, ${textLength} chars`;
  switch (outcome.status) {
    case 'completed':
      log.debug(`responses: completed in ${took}${outcome.usage ? `, ${outcome.usage.totalTokens} tokens` : ''}`);
      return;
    case 'incomplete':
      log.debug(`responses: incomplete (${outcome.reason}) in ${took}`);
      return;
    case 'cancelled':
      log.debug(`responses: cancelled after ${took}`);
      return;
    case 'error':
      log.debug(
        `responses: ${outcome.error.kind}${outcome.error.status ? ` (${outcome.error.status})` : ''} after ${took}: ${outcome.error.message}` +
          (outcome.error.detail ? ` | ${outcome.error.detail}` : '') +
          (outcome.error.requestId ? ` | request ${outcome.error.requestId}` : ''),
      );
  }
}

function nonNegativeOr(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}
