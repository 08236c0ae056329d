/**
 * Test doubles for the Responses client: raw events, SSE framing, crafted `Response`s whose bodies can
 * close, stall, or fail after their chunks, and an injectable `fetch` that records what it was sent.
 */
import type { GrokClientOptions, GrokStreamEvent } from '../../../src/core/responses/types';

export const TEST_KEY = 'xai-TESTKEY0123456789abcdef';

export function baseOptions(fetchImpl: typeof fetch, overrides: Partial<GrokClientOptions> = {}): GrokClientOptions {
  return {
    apiKey: TEST_KEY,
    baseURL: 'https://api.x.ai/v1',
    model: 'grok-build-0.1',
    requestTimeoutMs: 5_000,
    idleTimeoutMs: 2_000,
    maxRetries: 2,
    fetch: fetchImpl,
    ...overrides,
  };
}

// ---- Raw events ------------------------------------------------------------------------------------------

let sequence = 0;
const RESPONSE_ID = '5f6a1c2e-8d7b-4c3a-9e10-1234567890ab';

function responseObject(status: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: RESPONSE_ID, object: 'response', model: 'grok-build-0.1', status, output: [], ...extra };
}

export const raw = {
  responseId: RESPONSE_ID,
  created: () => ({ type: 'response.created', sequence_number: sequence++, response: responseObject('in_progress') }),
  inProgress: () => ({ type: 'response.in_progress', sequence_number: sequence++, response: responseObject('in_progress') }),
  delta: (delta: unknown, outputIndex = 0, contentIndex = 0) => ({
    type: 'response.output_text.delta',
    sequence_number: sequence++,
    item_id: 'msg_1',
    output_index: outputIndex,
    content_index: contentIndex,
    delta,
    logprobs: [],
  }),
  textDone: (text: string, outputIndex = 0, contentIndex = 0) => ({
    type: 'response.output_text.done',
    sequence_number: sequence++,
    item_id: 'msg_1',
    output_index: outputIndex,
    content_index: contentIndex,
    text,
  }),
  annotation: (annotation: Record<string, unknown>) => ({
    type: 'response.output_text.annotation.added',
    sequence_number: sequence++,
    item_id: 'msg_1',
    output_index: 0,
    content_index: 0,
    annotation_index: 0,
    annotation,
  }),
  reasoning: (delta: string) => ({
    type: 'response.reasoning_summary_text.delta',
    sequence_number: sequence++,
    item_id: 'rs_1',
    output_index: 0,
    summary_index: 0,
    delta,
  }),
  itemAdded: (item: Record<string, unknown>, outputIndex = 0) => ({ type: 'response.output_item.added', sequence_number: sequence++, output_index: outputIndex, item }),
  itemDone: (item: Record<string, unknown>, outputIndex = 0) => ({ type: 'response.output_item.done', sequence_number: sequence++, output_index: outputIndex, item }),
  progress: (type: string, itemId: string) => ({ type, sequence_number: sequence++, item_id: itemId, output_index: 0 }),
  completed: (usage?: Record<string, unknown>) => ({
    type: 'response.completed',
    sequence_number: sequence++,
    response: responseObject('completed', usage ? { usage } : {}),
  }),
  incomplete: (reason: string) => ({
    type: 'response.incomplete',
    sequence_number: sequence++,
    response: responseObject('incomplete', { incomplete_details: { reason } }),
  }),
  failed: (code: string, message: string) => ({
    type: 'response.failed',
    sequence_number: sequence++,
    response: responseObject('failed', { error: { code, message } }),
  }),
  errorEvent: (code: string, message: string) => ({ type: 'error', sequence_number: sequence++, code, message, param: null }),
};

export const XAI_USAGE = {
  input_tokens: 120,
  input_tokens_details: { cached_tokens: 100 },
  output_tokens: 60,
  output_tokens_details: { reasoning_tokens: 40 },
  total_tokens: 180,
  num_sources_used: 3,
  num_server_side_tools_used: 2,
  cost_in_usd_ticks: 123456,
};

// ---- Framing ---------------------------------------------------------------------------------------------

/** `XAI_USAGE` as the client maps it (camelCase, xAI extras kept). */
export const MAPPED_XAI_USAGE = {
  inputTokens: 120,
  cachedInputTokens: 100,
  outputTokens: 60,
  reasoningTokens: 40,
  totalTokens: 180,
  numSourcesUsed: 3,
  numServerSideToolsUsed: 2,
  costInUsdTicks: 123456,
};

export interface FrameOptions {
  crlf?: boolean;
  /** Omit the `event:` line (the SDK takes the type from the JSON either way). */
  noEventLine?: boolean;
}

export function frame(event: Record<string, unknown>, options: FrameOptions = {}): string {
  const eol = options.crlf ? '\r\n' : '\n';
  const eventLine = options.noEventLine ? '' : `event: ${String(event.type)}${eol}`;
  return `${eventLine}data: ${JSON.stringify(event)}${eol}${eol}`;
}

export function frameAll(events: Record<string, unknown>[], options: FrameOptions = {}): string {
  return events.map((e) => frame(e, options)).join('');
}

/** Splits bytes into pieces of `size` bytes: cuts land inside multi-byte UTF-8 characters on purpose. */
export function splitBytes(text: string, size: number): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const pieces: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.slice(i, i + size));
  return pieces;
}

// ---- Responses -------------------------------------------------------------------------------------------

export type BodyEnd = 'close' | 'stall' | { error: unknown };

export interface BodyOptions {
  end?: BodyEnd;
  /** Wait this long before each chunk (for slow streams); by default chunks come as fast as they are read. */
  chunkDelayMs?: number;
}

/** A body that yields `chunks` one per pull, then closes, stalls forever, or errors. */
export function sseBody(chunks: (string | Uint8Array)[], options: BodyOptions = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let index = 0;
  const end = options.end ?? 'close';
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (options.chunkDelayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, options.chunkDelayMs));
      if (index < chunks.length) {
        const chunk = chunks[index++];
        controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
        return;
      }
      if (end === 'close') controller.close();
      else if (end === 'stall') await new Promise(() => undefined);
      else controller.error(end.error);
    },
  });
}

export function sseResponse(chunks: (string | Uint8Array)[], options: BodyOptions & { headers?: Record<string, string> } = {}): Response {
  return new Response(sseBody(chunks, options), {
    status: 200,
    headers: { 'content-type': 'text/event-stream', 'x-request-id': 'req_stream_1', ...options.headers },
  });
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

// ---- Fetch -----------------------------------------------------------------------------------------------

export interface RecordedCall {
  url: string;
  method: string;
  headers: Headers;
  body: Record<string, unknown>;
  signal: AbortSignal | undefined;
}

/** A `fetch` that answers each call with the next responder (the last one repeats) and records the calls. */
export function scriptedFetch(...responders: ((call: RecordedCall) => Response | Promise<Response>)[]): typeof fetch & { calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const impl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const call: RecordedCall = {
      url: String(input instanceof Request ? input.url : input),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : {},
      signal: init?.signal ?? undefined,
    };
    calls.push(call);
    const responder = responders[Math.min(calls.length - 1, responders.length - 1)];
    return responder(call);
  };
  return Object.assign(impl as typeof fetch, { calls });
}

/** A `fetch` that fails like Node's does when no response arrives: `TypeError('fetch failed', {cause})`. */
export function failingFetch(cause: unknown): typeof fetch {
  return (async () => {
    throw new TypeError('fetch failed', { cause });
  }) as typeof fetch;
}

export function systemError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

// ---- Consuming -------------------------------------------------------------------------------------------

export async function collect(stream: AsyncIterable<GrokStreamEvent>): Promise<GrokStreamEvent[]> {
  const events: GrokStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

export type EndEvent = Extract<GrokStreamEvent, { kind: 'end' }>;

/** The single `end` event, asserting it is last and unique. */
export function endOf(events: GrokStreamEvent[]): EndEvent {
  const ends = events.filter((e): e is EndEvent => e.kind === 'end');
  if (ends.length !== 1) throw new Error(`expected exactly one end event, got ${ends.length}`);
  if (events[events.length - 1] !== ends[0]) throw new Error('the end event is not last');
  return ends[0];
}

export function textOf(events: GrokStreamEvent[]): string {
  return events.map((e) => (e.kind === 'text-delta' ? e.delta : '')).join('');
}

export function errorOf(end: EndEvent) {
  if (end.outcome.status !== 'error') throw new Error(`expected an error outcome, got ${end.outcome.status}`);
  return end.outcome.error;
}
