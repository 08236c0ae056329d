/**
 * Replies that are JSON instead of a stream: servers that ignore `stream: true` and send the finished
 * Response object (or an error body), under a JSON content type or mislabelled as an event stream. The
 * reply is replayed as the stream events it stands for, so it goes through the same mapping as a stream.
 */
import { eventsForCompleteResponse } from './completeResponse';
import type { MappedEvent, MapStep, ResponseEventMapper } from './eventMapper';
import type { ResponseOutcome } from './types';

/** A JSON content type that is not an event stream. */
export function isJsonContentType(contentType: string | undefined): boolean {
  return /\bjson\b/i.test(contentType ?? '') && !/event-stream/i.test(contentType ?? '');
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Yields the reply's events as mapped by `mapper` and returns how the response ended. */
export function* replayJson(mapper: ResponseEventMapper, reply: unknown): Generator<MappedEvent, ResponseOutcome, undefined> {
  for (const event of eventsForCompleteResponse(reply)) {
    const step: MapStep = mapper.map(event);
    if (step === undefined) continue;
    if (step.kind === 'terminal') {
      yield* step.catchUp ?? [];
      return step.outcome;
    }
    yield step;
  }
  return mapper.endOfStream('The JSON response ended');
}
