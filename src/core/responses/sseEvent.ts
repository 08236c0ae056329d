/**
 * One SSE message to one raw Responses event. The JSON `type` is authoritative (OpenAI's format repeats it
 * in the `event:` line, and a disagreeing line is ignored, as the SDK does); the `event:` line only names a
 * JSON object that has no `type` of its own. Chat-Completions habits are understood too: `[DONE]` ends the
 * stream, and a typeless `{"error": …}` chunk is an error event.
 */
import { clip } from './errorText';
import { isRecord } from './guards';
import type { SseMessage } from './sseReader';

export type DecodedMessage =
  | { kind: 'event'; event: Record<string, unknown> }
  /** `data: [DONE]`: the server says the stream is over. */
  | { kind: 'done' }
  /** Nothing to read (an empty `data:` heartbeat). */
  | { kind: 'skip' }
  /** Data that cannot be a Responses event; `detail` says why. */
  | { kind: 'unreadable'; detail: string };

export function decodeSseMessage(message: SseMessage): DecodedMessage {
  const data = message.data.trim();
  if (data === '') return { kind: 'skip' };
  if (data === '[DONE]') return { kind: 'done' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return { kind: 'unreadable', detail: `A stream event's data is not JSON: ${clip(data, 120)}` };
  }
  if (!isRecord(parsed)) {
    const what = parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`;
    return { kind: 'unreadable', detail: `A stream event's data is ${what}, not a JSON object: ${clip(data, 120)}` };
  }
  if (typeof parsed.type === 'string' && parsed.type.length > 0) return { kind: 'event', event: parsed };
  if (parsed.error !== undefined && parsed.error !== null) return { kind: 'event', event: { ...parsed, type: 'error' } };
  if (message.event) return { kind: 'event', event: { ...parsed, type: message.event } };
  return { kind: 'event', event: parsed };
}
