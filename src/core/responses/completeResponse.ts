/**
 * Some proxies and compatible servers ignore `stream: true` and answer with the finished Response object as
 * JSON. Rather than lose that answer, it is replayed as the stream events it stands for, so it goes
 * through the same mapping and validation as a real stream.
 */
import { isRecord } from './guards';

const TERMINAL_STATUSES = new Set(['completed', 'incomplete', 'failed']);

/** The stream events equivalent to a complete Response object, in stream order. */
export function eventsForCompleteResponse(response: unknown): Record<string, unknown>[] {
  if (!isRecord(response)) return [];
  // `{"error": …}` with a 200: an error reply in the wrong clothes.
  if (response.status === undefined && response.output === undefined && response.error !== undefined) {
    const error = isRecord(response.error) ? response.error : { message: response.error };
    return [{ type: 'error', message: error.message, code: error.code }];
  }
  const events: Record<string, unknown>[] = [{ type: 'response.created', response }];
  const output = Array.isArray(response.output) ? response.output : [];
  output.forEach((item: unknown, outputIndex) => {
    if (!isRecord(item)) return;
    events.push({ type: 'response.output_item.added', item, output_index: outputIndex });
    if (item.type === 'reasoning' && Array.isArray(item.summary)) {
      for (const part of item.summary) {
        if (isRecord(part) && typeof part.text === 'string') events.push({ type: 'response.reasoning_summary_text.delta', delta: part.text });
      }
    }
    if (item.type === 'message' && Array.isArray(item.content)) {
      item.content.forEach((part: unknown, contentIndex) => {
        if (!isRecord(part) || part.type !== 'output_text' || typeof part.text !== 'string') return;
        events.push({ type: 'response.output_text.delta', delta: part.text, output_index: outputIndex, content_index: contentIndex });
        for (const annotation of Array.isArray(part.annotations) ? part.annotations : []) {
          events.push({ type: 'response.output_text.annotation.added', annotation, output_index: outputIndex, content_index: contentIndex });
        }
      });
    }
    events.push({ type: 'response.output_item.done', item, output_index: outputIndex });
  });
  // A missing status on a response that has output is read as finished; an unfinished one ends interrupted.
  const status = typeof response.status === 'string' ? response.status : output.length > 0 ? 'completed' : undefined;
  if (status && TERMINAL_STATUSES.has(status)) events.push({ type: `response.${status}`, response });
  return events;
}
