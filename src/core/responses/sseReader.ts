/**
 * Server-sent events from a response body, per the WHATWG spec, read by our layer rather than the openai
 * SDK's iterator. The SDK's decoder splits lines correctly but gets events wrong in ways the spec allows
 * servers to send (verified on openai 7.57): `event: error` on any event throws even when the JSON is a
 * text delta; `event: thread.*` wraps the JSON so its `type` disappears; an event with no or empty `data`
 * (`event: ping`) is parsed as JSON and fails. Field parsing and dispatch come from `eventsource-parser`.
 *
 * Two things are ours. Line endings are normalised to LF before parsing, so a CR that ends one chunk is a
 * line end at once, whatever follows (eventsource-parser 3.x holds it back until more bytes arrive, which
 * would delay every event of a CR-framed stream). And at the end of the body an event left without its
 * blank line is still delivered, marked `unterminated`, so the caller can accept a complete one and call an
 * incomplete one a cut (the spec drops it; the SDK 7.x delivers it).
 */
import { createParser, type EventSourceMessage, type ParseError } from 'eventsource-parser';

export interface SseMessage {
  data: string;
  /** The `event:` field, when the server sent one. */
  event?: string;
  /** The body ended before the blank line that closes this event. */
  unterminated: boolean;
}

/** What the reader saw besides messages, for telling "not an event stream" from "cut short". */
export interface SseBodySummary {
  /** A message, a comment or a `retry:` field was seen: the body is SSE. */
  sawSse: boolean;
  /**
   * The body's text while no SSE has been seen, up to `NON_SSE_BODY_CHARS`: a JSON reply or an HTML page
   * sent under the wrong content type, to read or to quote.
   */
  text: string;
  /** The body had more non-SSE text than `text` holds. */
  textTruncated: boolean;
}

/** Longest line or event we buffer; a body that exceeds it is not a stream we can read. */
export const MAX_SSE_EVENT_CHARS = 32 * 1024 * 1024;
/** Enough for any error body and most complete JSON replies; an event stream stops collecting at once. */
export const NON_SSE_BODY_CHARS = 1024 * 1024;

/** Thrown by the reader when one event exceeds `MAX_SSE_EVENT_CHARS`. */
export class SseEventTooLargeError extends Error {
  override readonly name = 'SseEventTooLargeError';
}

/**
 * Yields the body's events in order. Decodes UTF-8 across chunk boundaries and strips a leading BOM (the
 * spec's decoding); invalid bytes become U+FFFD rather than failing the answer. Cancels the body when the
 * consumer stops early. Errors of the body (a reset, the idle watchdog) propagate.
 */
export async function* readSseMessages(body: ReadableStream<Uint8Array>, summary: SseBodySummary): AsyncGenerator<SseMessage, void, undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  const lineEnds = new LineEndNormaliser();
  let queue: SseMessage[] = [];
  let atEnd = false;
  let tooLarge: ParseError | undefined;
  const parser = createParser({
    onEvent: (message: EventSourceMessage) => {
      summary.sawSse = true;
      queue.push({ data: message.data, ...(message.event ? { event: message.event } : {}), unterminated: atEnd });
    },
    onComment: () => {
      summary.sawSse = true;
    },
    onRetry: () => {
      // A reconnection hint: we never reconnect (a Responses stream cannot be resumed), but it is SSE.
      summary.sawSse = true;
    },
    onError: (error: ParseError) => {
      if (error.type === 'max-buffer-size-exceeded') tooLarge = error;
    },
    maxBufferSize: MAX_SSE_EVENT_CHARS,
  });
  const feed = (text: string) => {
    if (!summary.sawSse && !summary.textTruncated) {
      summary.text += text;
      if (summary.text.length > NON_SSE_BODY_CHARS) {
        summary.text = summary.text.slice(0, NON_SSE_BODY_CHARS);
        summary.textTruncated = true;
      }
    }
    parser.feed(lineEnds.push(text));
    if (tooLarge) throw new SseEventTooLargeError(`A stream event is longer than ${MAX_SSE_EVENT_CHARS} characters.`);
  };
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      feed(decoder.decode(value, { stream: true }));
      const ready = queue;
      queue = [];
      yield* ready;
    }
    finished = true;
    feed(decoder.decode());
    // Two line ends complete a pending line and dispatch a pending event; where the body already ended
    // with a blank line they are just more blank lines.
    atEnd = true;
    parser.feed('\n\n');
    yield* queue;
  } finally {
    if (!finished) reader.cancel().catch(() => undefined);
  }
}

/**
 * Turns CRLF and bare CR into LF across chunk boundaries: a chunk that ends with CR is a line end at once,
 * and a LF that then starts the next chunk is the rest of that CRLF, not a blank line.
 */
export class LineEndNormaliser {
  #afterCR = false;

  push(text: string): string {
    if (text.length === 0) return text;
    const rest = this.#afterCR && text.charCodeAt(0) === 0x0a ? text.slice(1) : text;
    this.#afterCR = rest.endsWith('\r');
    return rest.replace(/\r\n?/g, '\n');
  }
}
