/**
 * Our own retry policy. The SDK runs with `maxRetries: 0` so that every wait is visible to the user (a
 * `retrying` event) and cancellable, and so that a 429 meaning "no credits" is not retried pointlessly.
 * Only failures before the response stream started are retried: once xAI has accepted the request,
 * retrying could bill and answer twice.
 */
import { APIConnectionError, APIUserAbortError } from 'openai';
import type { GrokError } from './types';
import { classifyNetworkFailure } from './networkErrors';
import { retryAfterHintMs, type HeaderReader } from './retryAfter';

export const DEFAULT_MAX_RETRY_DELAY_MS = 60_000;
const INITIAL_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8_000;

export interface RetryPolicy {
  /** Retries allowed after the first attempt. */
  maxRetries: number;
  /** A server hint longer than this is reported (`retryAfterMs`) instead of waited out. */
  maxRetryDelayMs: number;
  /** Injected for deterministic tests. */
  random?: () => number;
  now?: () => number;
}

export type RetryDecision =
  | { retry: true; delayMs: number }
  | { retry: false; why: 'not-retryable' | 'exhausted' | 'wait-too-long'; retryAfterMs?: number };

/**
 * Whether to retry a failed attempt. `retriesDone` counts retries already made (0 after the first attempt).
 * `err` is the raw failure (for status and headers), `mapped` its `GrokError`.
 */
export function decideRetry(err: unknown, mapped: GrokError, retriesDone: number, policy: RetryPolicy): RetryDecision {
  const headers = headersOf(err);
  const hint = retryAfterHintMs(headers, (policy.now ?? Date.now)());
  if (!isRetryable(err, mapped, headers)) return { retry: false, why: 'not-retryable', ...(hint !== undefined ? { retryAfterMs: hint } : {}) };
  if (retriesDone >= policy.maxRetries) return { retry: false, why: 'exhausted', ...(hint !== undefined ? { retryAfterMs: hint } : {}) };
  if (hint !== undefined && hint > policy.maxRetryDelayMs) return { retry: false, why: 'wait-too-long', retryAfterMs: hint };
  return { retry: true, delayMs: hint ?? backoffDelayMs(retriesDone, policy.random) };
}

/** 0.5 s · 2^n, capped at 8 s, minus up to 25 % jitter (the SDK's schedule, so behaviour matches its docs). */
export function backoffDelayMs(retriesDone: number, random: () => number = Math.random): number {
  const base = Math.min(INITIAL_BACKOFF_MS * 2 ** Math.max(0, retriesDone), MAX_BACKOFF_MS);
  return base * (1 - random() * 0.25);
}

function isRetryable(err: unknown, mapped: GrokError, headers: HeaderReader | undefined): boolean {
  // No credits stays no credits, whatever the headers say.
  if (mapped.kind === 'credits-exhausted') return false;
  if (err instanceof APIUserAbortError) return false;

  const status = statusOf(err);
  if (status !== undefined) {
    const shouldRetry = headers?.get('x-should-retry');
    if (shouldRetry === 'true') return true;
    if (shouldRetry === 'false') return false;
    return status === 408 || status === 409 || status === 429 || status >= 500;
  }
  if (mapped.kind === 'timeout') return true;
  if (err instanceof APIConnectionError || mapped.kind === 'network') {
    // A certificate or proxy configuration problem will fail the same way again.
    const problem = classifyNetworkFailure(err).problem;
    return problem !== 'tls' && problem !== 'proxy';
  }
  return false;
}

function statusOf(err: unknown): number | undefined {
  const status = typeof err === 'object' && err !== null ? (err as { status?: unknown }).status : undefined;
  return typeof status === 'number' ? status : undefined;
}

function headersOf(err: unknown): HeaderReader | undefined {
  const headers = typeof err === 'object' && err !== null ? (err as { headers?: unknown }).headers : undefined;
  return typeof headers === 'object' && headers !== null && typeof (headers as HeaderReader).get === 'function'
    ? (headers as HeaderReader)
    : undefined;
}

/** Resolves `true` after `ms`, or `false` as soon as `signal` aborts (never rejects). */
export function sleepUnlessAborted(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
