/**
 * Builds one response's SSE events in the order recorded xAI streams use (fact sheet §2): numbered
 * events, UUID response ids, `rs_`/`msg_`/`ws_` item ids, and a final Response object with xAI's usage.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { StreamStep } from './scenarioPlan';
import type { UrlCitationAnnotation } from './citedText';
import { chunkText } from './textChunks';

type Json = Record<string, unknown>;

export interface ResponseContext {
  /** The validated request body (echoed into the Response object). */
  request: Json;
  /** Code points per text delta. */
  chunkChars: number;
}

/** A message item whose text is being streamed. */
export interface OpenMessage {
  id: string;
  outputIndex: number;
  text: string;
}

const estimateTokens = (chars: number): number => Math.ceil(chars / 4);

function shortId(): string {
  return randomBytes(12).toString('hex');
}

export class ResponseEventsBuilder {
  readonly responseId = randomUUID();
  readonly steps: StreamStep[] = [];
  private sequence = 0;
  private readonly output: Json[] = [];
  private readonly createdAt = Math.floor(Date.now() / 1000);
  private messageCount = 0;
  private readonly openMessages = new Map<number, OpenMessage>();
  private outputChars = 0;
  private reasoningChars = 0;
  private sourcesUsed = 0;
  private serverToolsUsed = 0;

  constructor(private readonly context: ResponseContext) {}

  /** An event with the next sequence number, not yet appended (e.g. the event a disconnect cuts in half). */
  event(type: string, fields: Json = {}): Json {
    return { type, sequence_number: this.sequence++, ...fields };
  }

  emit(type: string, fields: Json = {}): Json {
    const event = this.event(type, fields);
    this.steps.push(event);
    return event;
  }

  /** Verbatim bytes (already framed, or deliberately broken). */
  raw(text: string): void {
    this.steps.push(text);
  }

  get model(): string {
    return String(this.context.request.model);
  }

  /** The Response object as of now, with the given status. */
  response(status: string, extra: Json = {}): Json {
    const request = this.context.request;
    const finished = status !== 'in_progress' && status !== 'queued';
    return {
      id: this.responseId,
      object: 'response',
      created_at: this.createdAt,
      completed_at: status === 'completed' ? Math.floor(Date.now() / 1000) : null,
      status,
      model: this.model,
      output: finished ? this.outputSnapshot() : [],
      instructions: request.instructions ?? null,
      max_output_tokens: request.max_output_tokens ?? null,
      previous_response_id: request.previous_response_id ?? null,
      parallel_tool_calls: true,
      reasoning: { effort: null, summary: 'detailed' },
      store: request.store ?? true,
      temperature: request.temperature ?? null,
      top_p: request.top_p ?? null,
      text: request.text ?? { format: { type: 'text' } },
      tool_choice: request.tool_choice ?? 'auto',
      tools: request.tools ?? [],
      usage: finished ? this.usage() : null,
      user: null,
      metadata: {},
      background: false,
      error: null,
      incomplete_details: null,
      ...extra,
    };
  }

  /** Finished items, plus any message still open with the text it has so far. */
  private outputSnapshot(): Json[] {
    return this.output.map((item, index) => {
      const open = this.openMessages.get(index);
      if (!open) return item;
      return { ...item, status: 'incomplete', content: [{ type: 'output_text', text: open.text, annotations: [], logprobs: [] }] };
    });
  }

  /** Usage with xAI's extras; reasoning tokens are counted inside output tokens, as xAI does. */
  usage(): Json {
    const inputTokens = estimateTokens(JSON.stringify(this.context.request.input ?? '').length);
    // grok-build-0.1 always reasons, even when it shows no summary.
    const reasoningTokens = 32 + estimateTokens(this.reasoningChars) * 3;
    const outputTokens = estimateTokens(this.outputChars) + reasoningTokens;
    return {
      input_tokens: inputTokens,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: outputTokens,
      output_tokens_details: { reasoning_tokens: reasoningTokens },
      total_tokens: inputTokens + outputTokens,
      num_sources_used: this.sourcesUsed,
      num_server_side_tools_used: this.serverToolsUsed,
      cost_in_usd_ticks: inputTokens * 2000 + outputTokens * 15000,
    };
  }

  /** `response.created` then `response.in_progress`. */
  start(): this {
    this.emit('response.created', { response: this.response('in_progress') });
    this.emit('response.in_progress', { response: this.response('in_progress') });
    return this;
  }

  /** A reasoning item with one summary part streamed in deltas. */
  reasoning(summary: string): this {
    const outputIndex = this.output.length;
    const id = `rs_${this.responseId}`;
    const ids = { item_id: id, output_index: outputIndex, summary_index: 0 };
    this.emit('response.output_item.added', { output_index: outputIndex, item: { id, type: 'reasoning', summary: [], status: 'in_progress' } });
    this.emit('response.reasoning_summary_part.added', { ...ids, part: { type: 'summary_text', text: '' } });
    for (const delta of chunkText(summary, this.context.chunkChars)) this.emit('response.reasoning_summary_text.delta', { ...ids, delta });
    this.emit('response.reasoning_summary_text.done', { ...ids, text: summary });
    this.emit('response.reasoning_summary_part.done', { ...ids, part: { type: 'summary_text', text: summary } });
    const item: Json = { id, type: 'reasoning', summary: [{ type: 'summary_text', text: summary }], status: 'completed' };
    const include = this.context.request.include;
    if (Array.isArray(include) && include.includes('reasoning.encrypted_content')) item.encrypted_content = randomBytes(48).toString('base64');
    this.emit('response.output_item.done', { output_index: outputIndex, item });
    this.output.push(item);
    this.reasoningChars += summary.length;
    return this;
  }

  /** A server-side web search: the item, its three progress events, and the sources it found. */
  webSearch(query: string, sources: readonly string[]): this {
    const outputIndex = this.output.length;
    const id = `ws_${shortId()}`;
    const ids = { item_id: id, output_index: outputIndex };
    this.emit('response.output_item.added', {
      output_index: outputIndex,
      item: { id, type: 'web_search_call', status: 'in_progress', action: { type: 'search', query } },
    });
    this.emit('response.web_search_call.in_progress', ids);
    this.emit('response.web_search_call.searching', ids);
    this.emit('response.web_search_call.completed', ids);
    const item = {
      id,
      type: 'web_search_call',
      status: 'completed',
      action: { type: 'search', query, sources: sources.map((url) => ({ type: 'url', url })) },
    };
    this.emit('response.output_item.done', { output_index: outputIndex, item });
    this.output.push(item);
    this.sourcesUsed += new Set(sources).size;
    this.serverToolsUsed++;
    return this;
  }

  /** An X search as xAI streams it: a `custom_tool_call` item with its own (SDK-unknown) events. */
  xSearch(query: string): this {
    const outputIndex = this.output.length;
    const id = `ctc_${shortId()}`;
    const input = JSON.stringify({ query });
    const base = { id, type: 'custom_tool_call', call_id: `xs_${shortId()}`, name: 'x_search' };
    this.emit('response.output_item.added', { output_index: outputIndex, item: { ...base, input: '', status: 'in_progress' } });
    this.emit('response.x_search_call.in_progress', { item_id: id, output_index: outputIndex });
    for (const delta of chunkText(input, this.context.chunkChars)) {
      this.emit('response.custom_tool_call_input.delta', { item_id: id, output_index: outputIndex, delta });
    }
    this.emit('response.custom_tool_call_input.done', { item_id: id, output_index: outputIndex, input });
    this.emit('response.x_search_call.completed', { item_id: id, output_index: outputIndex });
    const item = { ...base, input, status: 'completed' };
    this.emit('response.output_item.done', { output_index: outputIndex, item });
    this.output.push(item);
    this.serverToolsUsed++;
    return this;
  }

  /** `output_item.added` and `content_part.added` for an assistant message. */
  openMessage(): OpenMessage {
    const id = this.messageCount === 0 ? `msg_${this.responseId}` : `msg_${this.responseId}_${this.messageCount}`;
    this.messageCount++;
    const message: OpenMessage = { id, outputIndex: this.output.length, text: '' };
    // Reserve the slot so later items get the next index.
    this.output.push({ id, type: 'message', role: 'assistant', status: 'in_progress', content: [] });
    this.openMessages.set(message.outputIndex, message);
    this.emit('response.output_item.added', { output_index: message.outputIndex, item: this.output[message.outputIndex] });
    this.emit('response.content_part.added', {
      item_id: id,
      output_index: message.outputIndex,
      content_index: 0,
      part: { type: 'output_text', text: '', annotations: [], logprobs: [] },
    });
    return message;
  }

  /** Streams text as `output_text.delta` events. `between` runs after each delta (to interleave other events). */
  text(message: OpenMessage, text: string, between?: (deltaIndex: number) => void): this {
    chunkText(text, this.context.chunkChars).forEach((delta, index) => {
      this.emit('response.output_text.delta', { item_id: message.id, output_index: message.outputIndex, content_index: 0, delta, logprobs: [] });
      message.text += delta;
      this.outputChars += delta.length;
      between?.(index);
    });
    return this;
  }

  /** Annotations (after the last delta, as xAI sends them), then the `.done` events of the text, part and item. */
  closeMessage(message: OpenMessage, annotations: readonly UrlCitationAnnotation[] = [], status = 'completed'): this {
    const ids = { item_id: message.id, output_index: message.outputIndex, content_index: 0 };
    annotations.forEach((annotation, index) => {
      this.emit('response.output_text.annotation.added', { ...ids, annotation_index: index, annotation });
    });
    this.emit('response.output_text.done', { ...ids, text: message.text, logprobs: [] });
    const part = { type: 'output_text', text: message.text, annotations: [...annotations], logprobs: [] };
    this.emit('response.content_part.done', { ...ids, part });
    const item = { id: message.id, type: 'message', role: 'assistant', status, content: [part] };
    this.output[message.outputIndex] = item;
    this.openMessages.delete(message.outputIndex);
    this.emit('response.output_item.done', { output_index: message.outputIndex, item });
    return this;
  }

  /** A whole message: open, stream, annotate, close. */
  message(text: string, annotations: readonly UrlCitationAnnotation[] = []): this {
    const message = this.openMessage();
    return this.text(message, text).closeMessage(message, annotations);
  }

  /** `response.completed`; returns the final Response object (what a non-streamed request gets). */
  complete(): Json {
    const response = this.response('completed');
    this.emit('response.completed', { response });
    return response;
  }

  fail(code: string, message: string): Json {
    const response = this.response('failed', { error: { code, message } });
    this.emit('response.failed', { response });
    return response;
  }

  incomplete(reason: string): Json {
    const response = this.response('incomplete', { incomplete_details: { reason } });
    this.emit('response.incomplete', { response });
    return response;
  }

  /** An SSE `error` event (the stream ends after it). */
  errorEvent(code: string, message: string): this {
    this.emit('error', { code, message, param: null });
    return this;
  }
}
