/**
 * One attempt of a streamed Responses call: send the request, then read and map the stream until a
 * terminal event, the end of the body, a failure or the user's cancel. Only a request that never produced
 * a stream comes back as `failed`, the one result the caller may retry.
 */
import type OpenAI from 'openai';
import type { ResponseCreateParamsStreaming, ResponseStreamEvent } from 'openai/resources/responses/responses';
import type { Stream } from 'openai/streaming';
import type { Logger } from '../logger';
import { CANCELLED, type CancelGate } from './cancelGate';
import { eventsForCompleteResponse } from './completeResponse';
import { toGrokError, type ErrorContext } from './errors';
import { interruptedError } from './streamErrors';
import type { MappedEvent, ResponseEventMapper } from './eventMapper';
import type { ResponseOutcome } from './types';

export interface AttemptContext {
  client: OpenAI;
  requestBody: ResponseCreateParamsStreaming;
  /** Written by the body monitor when a response body closes; reset per attempt. */
  bodyEnd: { endedMidEvent: boolean };
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
  stream: Stream<ResponseStreamEvent>;
  response: Response;
  requestId: string | undefined;
}

export async function* runAttempt(ctx: AttemptContext): AsyncGenerator<MappedEvent, AttemptResult, undefined> {
  ctx.bodyEnd.endedMidEvent = false;
  const opened = await openResponse(ctx);
  if (opened.kind !== 'opened') return opened;
  const result = isCompleteJsonReply(opened.response)
    ? yield* replayCompleteResponse(ctx, opened.response)
    : yield* readStream(ctx, opened.stream);
  return withRequestId(result, opened.requestId);
}

async function openResponse(ctx: AttemptContext): Promise<OpenedResponse | AttemptResult> {
  const started = performance.now();
  try {
    const request = ctx.client.responses.create(ctx.requestBody, { signal: ctx.requestAbort.signal }).withResponse();
    const opened = await ctx.gate.wait(request);
    if (opened === CANCELLED) return CANCELLED_RESULT;
    const requestId = opened.request_id ?? undefined;
    ctx.log.debug(`responses: headers after ${elapsed(started)} (status ${opened.response.status}${requestId ? `, request ${requestId}` : ''})`);
    return { kind: 'opened', stream: opened.data, response: opened.response, requestId };
  } catch (err) {
    return ctx.gate.cancelled ? CANCELLED_RESULT : { kind: 'failed', error: err };
  }
}

async function* readStream(ctx: AttemptContext, stream: Stream<ResponseStreamEvent>): AsyncGenerator<MappedEvent, AttemptResult, undefined> {
  const { gate, mapper } = ctx;
  const iterator = stream[Symbol.asyncIterator]();
  let iteratorDone = false;
  let sawText = false;
  try {
    for (;;) {
      const next = await gate.wait(iterator.next());
      if (next === CANCELLED) return CANCELLED_RESULT;
      if (next.done) {
        iteratorDone = true;
        // The SDK ends quietly when its request is aborted; only the user's signal means "cancelled".
        return gate.cancelled ? CANCELLED_RESULT : { kind: 'outcome', outcome: mapper.endOfStream() };
      }
      const step = mapper.map(next.value);
      if (step === undefined) continue;
      if (step.kind === 'terminal') return { kind: 'outcome', outcome: step.outcome };
      if (!sawText && step.kind === 'text-delta') {
        sawText = true;
        ctx.log.debug(`responses: first text after ${elapsed(ctx.startedAt)}`);
      }
      yield step;
    }
  } catch (err) {
    iteratorDone = true;
    if (gate.cancelled) return CANCELLED_RESULT;
    // The SDK parses an event left unfinished at the end of the body and fails with a SyntaxError: that is
    // a stream cut short (e.g. a proxy closing cleanly mid-event), not bad data.
    const cut = err instanceof SyntaxError && ctx.bodyEnd.endedMidEvent;
    const error = cut ? interruptedError('The stream closed in the middle of an event.') : toGrokError(err, { ...ctx.errorContext, phase: 'stream' });
    return { kind: 'outcome', outcome: { status: 'error', error } };
  } finally {
    // Not awaited: after a cancel the SDK's pending read settles on its own once the request is aborted.
    if (!iteratorDone) iterator.return?.().catch(() => undefined);
  }
}

/** A 200 whose body is the finished Response object as JSON: a server that ignored `stream: true`. */
function isCompleteJsonReply(response: Response): boolean {
  const type = response.headers.get('content-type') ?? '';
  return /\bjson\b/i.test(type) && !/event-stream/i.test(type);
}

async function* replayCompleteResponse(ctx: AttemptContext, response: Response): AsyncGenerator<MappedEvent, AttemptResult, undefined> {
  ctx.log.debug('responses: the server answered with a complete JSON response instead of a stream');
  let parsed: unknown;
  try {
    const text = await ctx.gate.wait(response.text());
    if (text === CANCELLED) return CANCELLED_RESULT;
    parsed = JSON.parse(text);
  } catch (err) {
    if (ctx.gate.cancelled) return CANCELLED_RESULT;
    return { kind: 'outcome', outcome: { status: 'error', error: toGrokError(err, { ...ctx.errorContext, phase: 'stream' }) } };
  }
  for (const event of eventsForCompleteResponse(parsed)) {
    const step = ctx.mapper.map(event);
    if (step === undefined) continue;
    if (step.kind === 'terminal') return { kind: 'outcome', outcome: step.outcome };
    yield step;
  }
  return { kind: 'outcome', outcome: ctx.mapper.endOfStream() };
}

function withRequestId(result: AttemptResult, requestId: string | undefined): AttemptResult {
  if (!requestId || result.kind !== 'outcome' || result.outcome.status !== 'error' || result.outcome.error.requestId) return result;
  return { kind: 'outcome', outcome: { status: 'error', error: { ...result.outcome.error, requestId } } };
}

function elapsed(since: number): string {
  return `${Math.round(performance.now() - since)} ms`;
}
