/**
 * Maps raw Responses stream events to the `GrokStreamEvent` union, keeping the little state the mapping
 * needs (text so far, response id, tool activity seen). Raw events are untrusted JSON: every field read is
 * checked. Unknown event types are dropped (xAI sends custom and future ones); a field that the answer's
 * integrity depends on (a text delta that is not a string) ends the stream with a `stream-error`.
 */
import type { Logger } from '../logger';
import { malformedStreamError, responseFailedError, streamErrorEvent } from './streamErrors';
import { isRecord, nonEmptyString, nonNegativeInteger } from './guards';
import { activityFromItem, activityFromProgressEvent, queryFromInput } from './toolActivity';
import type { GrokError, GrokStreamEvent, ResponseOutcome, ToolActivity, UrlCitation } from './types';
import { mapUsage } from './usage';

/** Events the mapper emits; `end` and `retrying` are the client's. */
export type MappedEvent = Exclude<GrokStreamEvent, { kind: 'end' } | { kind: 'retrying' }>;

/** The response is over: stop reading and close with this outcome. */
export interface TerminalStep {
  kind: 'terminal';
  outcome: ResponseOutcome;
  /** Text the final response has and the deltas did not bring, to emit before closing. */
  catchUp?: MappedEvent[];
}

export type MapStep = MappedEvent | TerminalStep | undefined;

export class ResponseEventMapper {
  #text = '';
  /** Text per output part (`outputIndex:contentIndex`), to reconcile `output_text.done` with the deltas. */
  readonly #partText = new Map<string, string>();
  readonly #tools = new Map<string, ToolActivity>();
  #responseId: string | undefined;
  #createdEmitted = false;
  /** From `response.done` (a [U] xAI event): used only if the stream then ends with no standard terminal. */
  #fallbackOutcome: ResponseOutcome | undefined;

  constructor(private readonly log?: Logger) {}

  /** All output text received so far. */
  get text(): string {
    return this.#text;
  }

  get responseId(): string | undefined {
    return this.#responseId;
  }

  /** Maps one raw event. Returns an event to yield, a terminal step, or `undefined` to skip it. */
  map(raw: unknown): MapStep {
    if (!isRecord(raw) || typeof raw.type !== 'string') {
      this.log?.debug('responses: skipped a stream event without a type');
      return undefined;
    }
    const type = raw.type;
    switch (type) {
      case 'response.output_text.delta':
        return this.#textDelta(raw);
      case 'response.output_text.done':
        return this.#textDone(raw);
      case 'response.output_text.annotation.added':
        return this.#annotation(raw);
      case 'response.reasoning_summary_text.delta':
        return typeof raw.delta === 'string' && raw.delta.length > 0 ? { kind: 'reasoning-delta', delta: raw.delta } : undefined;
      case 'response.created':
      case 'response.in_progress':
        return this.#created(raw.response);
      case 'response.output_item.added':
        return this.#toolActivity(activityFromItem(raw.item, 'added'));
      case 'response.output_item.done':
        return this.#toolActivity(activityFromItem(raw.item, 'done'));
      case 'response.custom_tool_call_input.done':
        return this.#customToolInput(raw);
      case 'response.completed':
      case 'response.incomplete':
      case 'response.failed':
        return this.#terminal(type, raw.response);
      case 'response.done':
        this.#fallbackOutcome = this.#outcomeFromStatus(raw.response);
        return undefined;
      case 'error':
        return { kind: 'terminal', outcome: { status: 'error', error: errorEventError(raw) } };
      default: {
        const progress = activityFromProgressEvent(type, raw);
        if (progress) return this.#toolActivity(progress);
        this.log?.trace(`responses: ignored event ${type}`);
        return undefined;
      }
    }
  }

  /**
   * The outcome when the stream ends without a terminal event (`how` says how it ended, for the details).
   * Never `completed`: only the server's terminal event says the answer is whole.
   */
  endOfStream(how = 'The stream ended'): ResponseOutcome {
    if (this.#fallbackOutcome) return this.#fallbackOutcome;
    return {
      status: 'error',
      error: {
        kind: 'interrupted',
        message: 'The stream from xAI ended before the answer was finished, so the answer may be cut off. The partial answer is kept; try again.',
        detail: `${how} without response.completed, response.incomplete or response.failed.`,
        actions: ['retry'],
      },
    };
  }

  #textDelta(raw: Record<string, unknown>): MapStep {
    const delta = raw.delta;
    if (typeof delta !== 'string') return this.#protocolError(`response.output_text.delta carried a ${describeType(delta)} delta instead of text`);
    if (delta.length === 0) return undefined;
    const outputIndex = nonNegativeInteger(raw.output_index) ?? 0;
    const contentIndex = nonNegativeInteger(raw.content_index) ?? 0;
    this.#append(`${outputIndex}:${contentIndex}`, delta);
    return { kind: 'text-delta', delta, outputIndex, contentIndex };
  }

  /**
   * `output_text.done` repeats the part's full text. If it extends what the deltas gave (a proxy that
   * dropped or never sent deltas), the missing tail is emitted so nothing is lost; otherwise it is ignored.
   */
  #textDone(raw: Record<string, unknown>): MapStep {
    if (typeof raw.text !== 'string') return undefined;
    const outputIndex = nonNegativeInteger(raw.output_index) ?? 0;
    const contentIndex = nonNegativeInteger(raw.content_index) ?? 0;
    const key = `${outputIndex}:${contentIndex}`;
    const seen = this.#partText.get(key) ?? '';
    if (raw.text.length <= seen.length) return undefined;
    if (!raw.text.startsWith(seen)) {
      this.log?.debug('responses: output_text.done disagrees with the streamed deltas; keeping the deltas');
      return undefined;
    }
    const delta = raw.text.slice(seen.length);
    this.#append(key, delta);
    return { kind: 'text-delta', delta, outputIndex, contentIndex };
  }

  #append(key: string, delta: string): void {
    this.#text += delta;
    this.#partText.set(key, (this.#partText.get(key) ?? '') + delta);
  }

  #annotation(raw: Record<string, unknown>): MapStep {
    const annotation = raw.annotation;
    if (!isRecord(annotation) || annotation.type !== 'url_citation') return undefined;
    const url = nonEmptyString(annotation.url);
    if (!url) {
      this.log?.debug('responses: skipped a url_citation without a url');
      return undefined;
    }
    const citation: UrlCitation = { url };
    if (typeof annotation.title === 'string') citation.title = annotation.title;
    const start = nonNegativeInteger(annotation.start_index);
    const end = nonNegativeInteger(annotation.end_index);
    // Offsets only as a pair; consumers treat 0/0 as "no position" (fact sheet §4).
    if (start !== undefined && end !== undefined && end >= start) {
      citation.startIndex = start;
      citation.endIndex = end;
    }
    return {
      kind: 'citation',
      citation,
      outputIndex: nonNegativeInteger(raw.output_index) ?? 0,
      contentIndex: nonNegativeInteger(raw.content_index) ?? 0,
    };
  }

  #created(response: unknown): MapStep {
    if (!isRecord(response)) return undefined;
    const id = nonEmptyString(response.id);
    if (!id || this.#createdEmitted) return undefined;
    this.#responseId = id;
    this.#createdEmitted = true;
    const model = nonEmptyString(response.model);
    return { kind: 'created', responseId: id, ...(model ? { model } : {}) };
  }

  #customToolInput(raw: Record<string, unknown>): MapStep {
    const itemId = nonEmptyString(raw.item_id);
    const known = itemId ? this.#tools.get(itemId) : undefined;
    const query = queryFromInput(raw.input);
    if (!known || !query) return undefined;
    return this.#toolActivity({ ...known, query });
  }

  /** Emits activity only when something changed: xAI repeats states through items and progress events. */
  #toolActivity(activity: ToolActivity | undefined): MapStep {
    if (!activity) return undefined;
    const previous = this.#tools.get(activity.itemId);
    const merged: ToolActivity = { ...activity };
    if (!merged.query && previous?.query) merged.query = previous.query;
    // Keep the first name we learned, unless it was the placeholder of a custom tool call without a name.
    if (previous && previous.tool !== merged.tool && previous.tool !== 'custom_tool') merged.tool = previous.tool;
    if (previous && previous.status === merged.status && previous.query === merged.query) return undefined;
    // Late progress events must not move a finished tool back to running.
    if (previous && isFinal(previous.status) && !isFinal(merged.status)) return undefined;
    this.#tools.set(merged.itemId, merged);
    return { kind: 'tool-activity', activity: merged };
  }

  #terminal(type: string, response: unknown): TerminalStep {
    const catchUp = this.#catchUp(response);
    return { kind: 'terminal', outcome: this.#terminalOutcome(type, response), ...(catchUp ? { catchUp: [catchUp] } : {}) };
  }

  /**
   * The final response's output text against the deltas. The deltas are what the user saw and what
   * consumers appended, so they stay; when the final text extends them (a dropped last delta, a server
   * that sent no deltas) the missing tail is emitted. When the two disagree otherwise, the streamed text
   * is kept and the difference logged: replacing text already shown would need an event consumers do not
   * have, and citation offsets are checked against the text before use anyway (fact sheet §4). The parts
   * are compared concatenated, not by index, so a server whose delta indexes do not match its output array
   * cannot make us repeat the answer.
   */
  #catchUp(response: unknown): MappedEvent | undefined {
    const parts = isRecord(response) ? outputTextParts(response.output) : [];
    const last = parts.at(-1);
    if (!last) return undefined;
    const final = parts.map((p) => p.text).join('');
    if (final === this.#text) return undefined;
    if (final.length <= this.#text.length || !final.startsWith(this.#text)) {
      this.log?.debug(`responses: the final output text (${final.length} chars) disagrees with the streamed deltas (${this.#text.length} chars); keeping the deltas`);
      return undefined;
    }
    const delta = final.slice(this.#text.length);
    this.#append(`${last.outputIndex}:${last.contentIndex}`, delta);
    return { kind: 'text-delta', delta, outputIndex: last.outputIndex, contentIndex: last.contentIndex };
  }

  #terminalOutcome(type: string, response: unknown): ResponseOutcome {
    const record = isRecord(response) ? response : {};
    if (!this.#responseId) this.#responseId = nonEmptyString(record.id);
    const usage = mapUsage(record.usage);
    if (type === 'response.completed') return { status: 'completed', ...(usage ? { usage } : {}) };
    if (type === 'response.incomplete') {
      const details = isRecord(record.incomplete_details) ? record.incomplete_details : {};
      return { status: 'incomplete', reason: nonEmptyString(details.reason) ?? 'unknown', ...(usage ? { usage } : {}) };
    }
    const error = isRecord(record.error) ? record.error : {};
    return { status: 'error', error: responseFailedError(nonEmptyString(error.message), nonEmptyString(error.code)) };
  }

  #outcomeFromStatus(response: unknown): ResponseOutcome | undefined {
    if (!isRecord(response)) return undefined;
    switch (response.status) {
      case 'completed':
        return this.#terminalOutcome('response.completed', response);
      case 'incomplete':
        return this.#terminalOutcome('response.incomplete', response);
      case 'failed':
        return this.#terminalOutcome('response.failed', response);
      default:
        return undefined;
    }
  }

  #protocolError(detail: string): TerminalStep {
    this.log?.debug(`responses: ${detail}`);
    return { kind: 'terminal', outcome: { status: 'error', error: malformedStreamError(detail) } };
  }
}

interface OutputTextPart {
  text: string;
  outputIndex: number;
  contentIndex: number;
}

/** The `output_text` parts of a Response's `output`, in order. */
function outputTextParts(output: unknown): OutputTextPart[] {
  if (!Array.isArray(output)) return [];
  const parts: OutputTextPart[] = [];
  output.forEach((item: unknown, outputIndex) => {
    if (!isRecord(item) || item.type !== 'message' || !Array.isArray(item.content)) return;
    item.content.forEach((part: unknown, contentIndex) => {
      if (isRecord(part) && part.type === 'output_text' && typeof part.text === 'string') parts.push({ text: part.text, outputIndex, contentIndex });
    });
  });
  return parts;
}

/** An `error` event: OpenAI's flat `{code, message}`, or a nested `error` object or string (proxies). */
function errorEventError(raw: Record<string, unknown>): GrokError {
  const nested = raw.error;
  const inner = isRecord(nested) ? nested : {};
  const message = nonEmptyString(raw.message) ?? nonEmptyString(inner.message) ?? nonEmptyString(nested);
  const code = raw.code ?? inner.code;
  return streamErrorEvent(message, typeof code === 'number' ? String(code) : nonEmptyString(code));
}

function isFinal(status: ToolActivity['status']): boolean {
  return status === 'completed' || status === 'failed';
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
