/** The errors that end a stream after it started: stalls, cuts, unreadable data, and the server's own reports. */
import { clip, formatDuration, tidy } from './errorText';
import type { GrokError } from './types';

/** The stream went silent after the headers and the idle watchdog gave up on it. */
export function stalledError(idleMs: number | undefined): GrokError {
  const span = idleMs ? ` for ${formatDuration(idleMs)}` : '';
  return {
    kind: 'stalled',
    message: `xAI stopped sending data${span}, so the answer was cut off here. The partial answer is kept; try again (the limit is the "grok.idleTimeoutSeconds" setting).`,
    actions: ['retry', 'open-settings'],
  };
}

/** The connection dropped mid-answer, or the stream ended without a terminal event. */
export function interruptedError(detail?: string): GrokError {
  return {
    kind: 'interrupted',
    message: 'The connection to xAI ended before the answer was finished, so the answer was cut off. The partial answer is kept; try again.',
    ...(detail ? { detail } : {}),
    actions: ['retry'],
  };
}

/** Stream data we cannot read: malformed JSON, or an event whose fields make no sense. */
export function malformedStreamError(detail: string): GrokError {
  return {
    kind: 'stream-error',
    message: 'xAI sent stream data that could not be read, so the answer was cut off here. The partial answer is kept; try again.',
    detail,
    actions: ['retry'],
  };
}

/** An SSE `error` event (the SDK throws it as an `APIError` without a status; we may also see it raw). */
export function streamErrorEvent(message: string | undefined, code?: string): GrokError {
  const said = message ? `: ${clip(message)}.` : '.';
  return {
    kind: 'stream-error',
    message: `xAI reported an error while answering${said} The partial answer is kept; try again.`,
    ...(message || code ? { detail: [code, message].filter(Boolean).join(': ') } : {}),
    actions: ['retry'],
  };
}

/** `response.failed`: the server gave up on the response and said why. */
export function responseFailedError(message: string | undefined, code?: string): GrokError {
  const said = message ? `: ${clip(message)}.` : ' (no reason given).';
  return {
    kind: 'response-failed',
    message: `xAI could not finish the answer${said}`,
    ...(message || code ? { detail: [code, message].filter(Boolean).join(': ') } : {}),
    actions: ['retry'],
  };
}

/**
 * A 200 whose body is not server-sent events (a proxy's or captive portal's HTML page, a gateway's text):
 * nothing in it is an answer, and "the connection ended early" would send the user looking in the wrong place.
 */
export function notAnEventStreamError(contentType: string | undefined, preview: string): GrokError {
  const page = /html/i.test(contentType ?? '') || /^\s*</.test(preview);
  const what = page ? 'a web page' : 'something other than an event stream';
  return {
    kind: 'stream-error',
    message: `The server answered with ${what}${contentType ? ` (${contentType})` : ''} instead of xAI's event stream. A proxy, a captive portal (a Wi-Fi sign-in page) or a wrong "grok.baseUrl" setting is the usual cause.`,
    detail: tidy(preview),
    actions: ['check-network', 'open-settings', 'retry'],
  };
}
