/**
 * Maps anything that can go wrong in a Responses call to a `GrokError`: one or two actionable sentences,
 * the server's own words as `detail`, and the actions to offer. This module dispatches by kind of failure;
 * the messages live in httpErrors.ts, transportErrors.ts and streamErrors.ts.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { clip, describe } from './errorText';
import { apiErrorWithoutStatus, httpStatusError, isStatusErrorLike, type StatusErrorLike } from './httpErrors';
import { StreamStalledError } from './idleWatchdog';
import { isConnectionDrop } from './networkErrors';
import { redactSecrets } from './redact';
import { interruptedError, malformedStreamError, stalledError } from './streamErrors';
import { connectionError, timeoutError } from './transportErrors';
import type { GrokError } from './types';

/** What the mapper may know about the call, to name the model, the host and the limits in messages. */
export interface ErrorContext {
  model?: string;
  baseURL?: string;
  requestTimeoutMs?: number;
  idleTimeoutMs?: number;
  /**
   * `stream`: the response had started, so a transport failure means the answer was cut off
   * (`interrupted`) rather than that xAI could not be reached (`network`).
   */
  phase?: 'request' | 'stream';
  /** Values to redact verbatim (the API key). Key-shaped strings are redacted regardless. */
  secrets?: readonly string[];
}

/** Maps any thrown value (SDK errors, fetch/undici errors, our own stream failures) to a `GrokError`. */
export function toGrokError(err: unknown, context: ErrorContext = {}): GrokError {
  const error = mapError(err, context);
  return redactGrokError(error, context.secrets ?? []);
}

/** Applies secret redaction to a `GrokError`'s texts (defence in depth for errors built elsewhere). */
export function redactGrokError(error: GrokError, secrets: readonly string[] = []): GrokError {
  const message = redactSecrets(error.message, secrets);
  const detail = error.detail === undefined ? undefined : redactSecrets(error.detail, secrets);
  return { ...error, message, ...(detail === undefined ? {} : { detail }) };
}

function mapError(err: unknown, context: ErrorContext): GrokError {
  if (err instanceof StreamStalledError) return stalledError(err.idleMs);
  if (err instanceof APIUserAbortError) {
    return { kind: 'unknown', message: 'The request was cancelled.', actions: ['retry'] };
  }
  if (err instanceof APIConnectionTimeoutError) return timeoutError(context, err);
  if (err instanceof APIConnectionError) return connectionError(err, context);
  if (err instanceof APIError || isStatusErrorLike(err)) {
    const apiError = err as StatusErrorLike;
    if (typeof apiError.status === 'number') return httpStatusError(apiError, context);
    return apiErrorWithoutStatus(apiError);
  }
  if (err instanceof SyntaxError) return malformedStreamError(err.message);
  if (isConnectionDrop(err) && context.phase === 'stream') return interruptedError(describe(err));
  if (err instanceof TypeError || hasErrorCode(err)) return connectionError(err, context);
  // Whatever else breaks a stream that had started (an empty body, an SDK surprise) still cut the answer off.
  if (context.phase === 'stream') return interruptedError(describe(err));
  return {
    kind: 'unknown',
    message: `Unexpected error: ${clip(describe(err))}`,
    detail: describe(err),
    actions: ['retry'],
  };
}

function hasErrorCode(err: unknown): boolean {
  return typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string';
}
