/**
 * Messages for HTTP error statuses, following xAI's quirks (fact sheet §6): a wrong key is a 400, exhausted
 * credits are a 429, and the body is `{"code","error"}` (the SDK exposes the string as `err.error`) rather
 * than OpenAI's `{"error":{message}}`; both shapes are read.
 */
import type { ErrorContext } from './errors';
import { clip, formatDuration, hostOf, safeStringify, statusLabel, tidy } from './errorText';
import { retryAfterHintMs, type HeaderReader } from './retryAfter';
import { streamErrorEvent } from './streamErrors';
import type { GrokError } from './types';

/** 429 bodies that mean "no money", not "too fast": retrying cannot help (xAI, OpenAI and proxy wordings). */
const CREDITS_PATTERN =
  /credit|spending limit|spend(?:ing)? cap|billing|insufficient[_ ](?:quota|funds|balance)|exceeded your current quota|out of funds|payment|prepaid|monthly (?:spending )?limit|account balance/i;

/** True when an error text says the account has run out of credits or hit its spending limit. */
export function isCreditsExhaustedText(text: string): boolean {
  return CREDITS_PATTERN.test(text);
}

const INVALID_KEY_PATTERN = /incorrect api key|invalid api key|invalid_api_key|api key (?:is )?(?:invalid|not valid|revoked|expired)/i;

/** A `previous_response_id` the server no longer has (expired, or stored with `store:false`). */
const LOST_PREVIOUS_RESPONSE_PATTERN = /previous[_ ]response|\bresponse\b[^.]*\b(?:not found|expired|does not exist)/i;

/** xAI: `<tool>: tool parameter root must be an object type (…)`, possibly behind a proxy's prefix. */
const TOOL_SCHEMA_PATTERN = /([A-Za-z0-9_.-]+):\s*tool parameters? (?:root|schema)/i;
const TOOL_SCHEMA_FALLBACK_PATTERN = /(?:function|tool)\s+['"`]([A-Za-z0-9_.-]+)['"`][^.]*\b(?:schema|parameters)\b/i;

/** The fields we read from an SDK `APIError` (duck-typed so tests and bundles with a second copy work). */
export interface StatusErrorLike {
  status?: number | undefined;
  headers?: HeaderReader | undefined;
  error?: unknown;
  message: string;
  code?: string | null | undefined;
  type?: string | undefined;
  requestID?: string | null | undefined;
}

export function isStatusErrorLike(err: unknown): boolean {
  return err instanceof Error && typeof (err as { status?: unknown }).status === 'number';
}

/** Maps an error response (an SDK `APIError` with a status) to a `GrokError`. */
export function httpStatusError(err: StatusErrorLike, context: ErrorContext): GrokError {
  const status = err.status as number;
  const text = serverText(err);
  const searchable = `${text} ${err.code ?? ''} ${err.type ?? ''}`;
  const base = {
    status,
    ...(text ? { detail: text } : {}),
    ...(err.requestID ? { requestId: err.requestID } : {}),
  };
  const label = statusLabel(status);

  if ((status === 400 || status === 401) && INVALID_KEY_PATTERN.test(searchable)) {
    return {
      ...base,
      kind: 'invalid-api-key',
      message: 'xAI rejected the API key: it is wrong, revoked or expired. Set a valid key with "Grok: Set API Key".',
      actions: ['set-api-key'],
    };
  }
  if (status === 401) {
    return {
      ...base,
      kind: 'missing-api-key',
      message: 'xAI did not receive a usable API key (401 Unauthorized). Set your key with "Grok: Set API Key".',
      actions: ['set-api-key'],
    };
  }
  if ((status === 400 || status === 404) && LOST_PREVIOUS_RESPONSE_PATTERN.test(text)) {
    return {
      ...base,
      kind: 'bad-request',
      message: 'xAI no longer has the earlier part of this conversation (stored responses expire). Start a new chat, or resend the conversation.',
      actions: [],
    };
  }
  if (status === 400 || status === 422) {
    const toolName = toolNameIn(text);
    if (toolName !== undefined) {
      return {
        ...base,
        kind: 'invalid-tool-schema',
        toolName,
        message: `xAI rejected the function tool "${toolName}": its parameters schema is not accepted (the root must be an object). Fix the tool's schema and try again.`,
        actions: [],
      };
    }
    return {
      ...base,
      kind: 'bad-request',
      message: `xAI rejected the request (${label})${text ? `: ${clip(text)}.` : '.'}`,
      actions: ['open-settings'],
    };
  }
  if (status === 403) {
    const billing = isCreditsExhaustedText(searchable) || /blocked|suspended|disabled/i.test(searchable);
    return {
      ...base,
      kind: 'forbidden',
      message: billing
        ? 'xAI refused the request (403 Forbidden): your team is blocked or has a billing problem. Check your team in the xAI console.'
        : 'xAI refused the request (403 Forbidden): this API key or team has no permission for it. Check the key and the model setting.',
      actions: billing ? ['open-billing', 'open-settings'] : ['set-api-key', 'open-settings'],
    };
  }
  if (status === 404) return modelNotFound(base, text, context);
  if (status === 407) {
    return {
      ...base,
      kind: 'network',
      message: 'Your proxy requires authentication (407 Proxy Authentication Required). Check VS Code\'s "http.proxy" settings.',
      actions: ['check-network', 'open-settings'],
    };
  }
  if (status === 408) {
    return {
      ...base,
      kind: 'timeout',
      message: 'xAI timed out waiting for the request (408 Request Timeout). Try again.',
      actions: ['retry'],
    };
  }
  if (status === 429) return tooManyRequests(base, err, searchable);
  if (status >= 500) {
    return {
      ...base,
      kind: 'server-error',
      message: `xAI had a server problem (${label}). Try again in a moment.`,
      actions: ['retry'],
    };
  }
  if (status === 409) {
    return {
      ...base,
      kind: 'server-error',
      message: 'xAI reported a temporary conflict (409 Conflict). Try again.',
      actions: ['retry'],
    };
  }
  return {
    ...base,
    kind: status >= 400 && status < 500 ? 'bad-request' : 'unknown',
    message: `xAI answered ${label}${text ? `: ${clip(text)}.` : '.'}`,
    actions: ['open-settings'],
  };
}

function tooManyRequests(base: Partial<GrokError>, err: StatusErrorLike, searchable: string): GrokError {
  if (isCreditsExhaustedText(searchable)) {
    return {
      ...base,
      kind: 'credits-exhausted',
      message:
        'Your xAI team has no credits left or has reached its spending limit. Add credits or raise the limit in the xAI console, then try again.',
      actions: ['open-billing'],
    };
  }
  const retryAfterMs = retryAfterHintMs(err.headers);
  const wait = retryAfterMs !== undefined && retryAfterMs >= 1000 ? ` xAI asks to wait ${formatDuration(retryAfterMs)}.` : '';
  return {
    ...base,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    kind: 'rate-limited',
    message: `xAI's rate limit was reached (too many requests or tokens per minute).${wait} Try again shortly.`,
    actions: ['retry'],
  };
}

function modelNotFound(base: Partial<GrokError>, text: string, context: ErrorContext): GrokError {
  const model = context.model ? `"${context.model}"` : 'the configured model';
  const host = hostOf(context.baseURL);
  // A 404 that does not talk about a model is usually a base URL that is not an xAI Responses endpoint.
  const mentionsModel = /model/i.test(text);
  return {
    ...base,
    kind: 'model-not-found',
    message: mentionsModel
      ? `The model ${model} was not found, or your team cannot use it. Check the "grok.model" setting.`
      : `${host ?? 'The server'} answered 404 Not Found: the model ${model} does not exist there, or "grok.baseUrl" does not point at an xAI-compatible API. Check the "grok.model" and "grok.baseUrl" settings.`,
    actions: ['open-settings'],
  };
}

/** The server's own words: xAI's `{"error":"…"}` string, OpenAI's `{"error":{"message"}}`, or raw text. */
function serverText(err: StatusErrorLike): string {
  const body = err.error;
  if (typeof body === 'string') return tidy(body);
  if (typeof body === 'object' && body !== null) {
    const record = body as Record<string, unknown>;
    for (const key of ['message', 'error', 'detail']) {
      const value = record[key];
      if (typeof value === 'string' && value.trim()) return tidy(value);
    }
    return tidy(safeStringify(body));
  }
  // A non-JSON body: the SDK's message is `${status} ${text}` (or `${status} status code (no body)`).
  const message = err.message.replace(/^\d{3}\s+/, '');
  return /^status code \(no body\)$/.test(message) ? '' : tidy(message);
}

function toolNameIn(text: string): string | undefined {
  return TOOL_SCHEMA_PATTERN.exec(text)?.[1] ?? TOOL_SCHEMA_FALLBACK_PATTERN.exec(text)?.[1];
}

/** An `APIError` without a status: the SDK's form of an SSE `error` event. */
export function apiErrorWithoutStatus(err: StatusErrorLike): GrokError {
  const body = err.error;
  if (typeof body === 'object' && body !== null) {
    const record = body as Record<string, unknown>;
    const message = typeof record.message === 'string' ? record.message : undefined;
    const code = typeof record.code === 'string' ? record.code : undefined;
    return streamErrorEvent(message ?? safeStringify(body), code);
  }
  return streamErrorEvent(typeof body === 'string' ? body : err.message);
}
