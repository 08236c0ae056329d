/**
 * One attempt of a streamed Responses call: send the request, then read and map the stream until a
 * terminal event, the end of the body, a failure or the user's cancel. Only a request that never produced
 * a stream comes back as `failed`, the one result the caller may retry.
 *
 * The SDK sends the request and maps HTTP errors; the body is read by our SSE reader (sseReader.ts says
 * why), not by the SDK's stream iterator.
 */
import type OpenAI from 'openai';
import type { ResponseCreateParamsStreaming } from 'openai/resources/responses/responses';
import type { Logger } from '../logger';
import { CANCELLED, type CancelGate } from './cancelGate';
import { toGrokError, type ErrorContext } from './errors';
import type { MappedEvent, ResponseEventMapper } from './eventMapper';
import { isJsonContentType, parseJson, replayJson } from './jsonReply';
import { decodeSseMessage } from './sseEvent';
import { readSseMessages, SseEventTooLargeError, type SseBodySummary } from './sseReader';
import { interruptedError, malformedStreamError, notAnEventStreamError } from './streamErrors';
import type { GrokError, ResponseOutcome } from './types';

export interface AttemptContext {
  client: OpenAI;
  requestBody: ResponseCreateParamsStreaming;
  mapper: ResponseEventMapper;
  gate: CancelGate;
  /** Aborts the HTTP request (the caller links it to the user's signal). */
  requestAbort: AbortController;
  errorContext: ErrorContext;
  log: Logger;
  /** When the whole call started, for the time-to-first-text log line. */
  startedAt: number;
}

export type AttemptResult = { kind: 'outcome'; outcome: ResponseOutcome } | { kind: 'failed'; error: unknown };

const CANCELLED_RESULT: AttemptResult = { kind: 'outcome', outcome: { status: 'cancelled' } };

interface OpenedResponse {
  kind: 'opened';
  response: Response;
  requestId: string | undefined;
}

export async function* runAttempt(ctx: AttemptContext): AsyncGenerator<MappedEvent, AttemptResult, undefined> {
  const opened = await openResponse(ctx);
  if (opened.kind !== 'opened') return opened;
  const { response } = opened;
  const contentType = response.headers.get('content-type') ?? undefined;
  const result = isJsonContentType(contentType)
    ? yield* replayCompleteResponse(ctx, response)
    : yield* readStream(ctx, response.body, contentType);
  return withRequestId(result, opened.requestId);
}

async function openResponse(ctx: AttemptContext): Promise<OpenedResponse | AttemptResult> {
  const started = performance.now();
  try {
    // `asResponse()`: the SDK still throws its typed errors for HTTP error statuses; the body stays ours.
    const request = ctx.client.responses.create(ctx.requestBody, { signal: ctx.requestAbort.signal }).asResponse();
    const response = await ctx.gate.wait(request);
    if (response === CANCELLED) return CANCELLED_RESULT;
    const requestId = response.headers.get('x-request-id') ?? undefined;
    ctx.log.debug(`responses: headers after ${elapsed(started)} (status ${response.status}${requestId ? `, request ${requestId}` : ''})`);
    return { kind: 'opened', response, requestId };
  } catch (err) {
    return ctx.gate.cancelled ? CANCELLED_RESULT : { kind: 'failed', error: err };
  }
}

async function* readStream(
  ctx: AttemptContext,
  body: ReadableStream<Uint8Array> | null,
  contentType: string | undefined,
): AsyncGenerator<MappedEvent, AttemptResult, undefined> {
  const { gate, mapper } = ctx;
  if (!body) return outcome(mapper.endOfStream('The server sent an empty body'));
  const summary: SseBodySummary = { sawSse: false, text: '', textTruncated: false };
  const messages = readSseMessages(body, summary);
  let messagesDone = false;
  let sawText = false;
  try {
    for (;;) {
      const next = await gate.wait(messages.next());
      if (next === CANCELLED) return CANCELLED_RESULT;
      if (next.done) {
        messagesDone = true;
        // The fetch ends a body quietly when its request is aborted; only the user's signal means "cancelled".
        if (gate.cancelled) return CANCELLED_RESULT;
        if (!summary.sawSse) return yield* readNonSseBody(ctx, summary, contentType);
        return outcome(mapper.endOfStream());
      }
      const decoded = decodeSseMessage(next.value);
      if (decoded.kind === 'skip') continue;
      if (decoded.kind === 'done') return outcome(mapper.endOfStream('The stream ended with data: [DONE]'));
      if (decoded.kind === 'unreadable') {
        // An event the body ended in the middle of was cut short (e.g. a proxy closing cleanly), not bad data.
        if (next.value.unterminated) return errorOutcome(interruptedError(`The stream closed in the middle of an event. ${decoded.detail}`));
        ctx.log.debug(`responses: ${decoded.detail}`);
        return errorOutcome(malformedStreamError(decoded.detail));
      }
      const step = mapper.map(decoded.event);
      if (step === undefined) continue;
      if (step.kind === 'terminal') {
        yield* step.catchUp ?? [];
        return outcome(step.outcome);
      }
      if (!sawText && step.kind === 'text-delta') {
        sawText = true;
        ctx.log.debug(`responses: first text after ${elapsed(ctx.startedAt)}`);
      }
      yield step;
    }
  } catch (err) {
    messagesDone = true;
    if (gate.cancelled) return CANCELLED_RESULT;
    if (err instanceof SseEventTooLargeError) return errorOutcome(malformedStreamError(err.message));
    return errorOutcome(toGrokError(err, { ...ctx.errorContext, phase: 'stream' }));
  } finally {
    // Not awaited: after a cancel the pending read settles on its own once the request is aborted.
    if (!messagesDone) messages.return().catch(() => undefined);
  }
}

/**
 * A body that ended without one SSE line that counts. JSON (a complete Response, or an error) under the
 * wrong content type is read as the JSON reply it is; HTML, or text not even labelled as an event stream,
 * is the wrong kind of body; anything else (nothing at all, or a labelled stream cut inside its first
 * line) ended before the answer did.
 */
function* readNonSseBody(ctx: AttemptContext, summary: SseBodySummary, contentType: string | undefined): Generator<MappedEvent, AttemptResult, undefined> {
  const text = summary.text.trim();
  if (text.startsWith('{') && !summary.textTruncated) {
    const parsed = parseJson(text);
    if (parsed.ok) return outcome(yield* replayJson(ctx.mapper, parsed.value));
  }
  if (text !== '' && (!/event-stream/i.test(contentType ?? '') || text.startsWith('<') || text.startsWith('{'))) {
    return errorOutcome(notAnEventStreamError(contentType, text));
  }
  return outcome(ctx.mapper.endOfStream());
}

async function* replayCompleteResponse(ctx: AttemptContext, response: Response): AsyncGenerator<MappedEvent, AttemptResult, undefined> {
  ctx.log.debug('responses: the server answered with a complete JSON response instead of a stream');
  let text: string | typeof CANCELLED;
  try {
    text = await ctx.gate.wait(response.text());
  } catch (err) {
    return ctx.gate.cancelled ? CANCELLED_RESULT : errorOutcome(toGrokError(err, { ...ctx.errorContext, phase: 'stream' }));
  }
  if (text === CANCELLED) return CANCELLED_RESULT;
  const parsed = parseJson(text);
  if (parsed.ok) return outcome(yield* replayJson(ctx.mapper, parsed.value));
  // Some gateways label an event stream as JSON: read it as what it is.
  if (/^(?:data|event):/m.test(text)) return yield* readStream(ctx, new Response(text).body, 'text/event-stream');
  return errorOutcome(toGrokError(parsed.error, { ...ctx.errorContext, phase: 'stream' }));
}

function outcome(value: ResponseOutcome): AttemptResult {
  return { kind: 'outcome', outcome: value };
}

function errorOutcome(error: GrokError): AttemptResult {
  return outcome({ status: 'error', error });
}

function withRequestId(result: AttemptResult, requestId: string | undefined): AttemptResult {
  if (!requestId || result.kind !== 'outcome' || result.outcome.status !== 'error' || result.outcome.error.requestId) return result;
  return { kind: 'outcome', outcome: { status: 'error', error: { ...result.outcome.error, requestId } } };
}

function elapsed(since: number): string {
  return `${Math.round(performance.now() - since)} ms`;
}
