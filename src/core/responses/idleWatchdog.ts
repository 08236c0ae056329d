/**
 * The idle watchdog: gives up on a response body that goes silent. The SDK's `timeout` only covers the
 * wait for headers; a stream that stalls afterwards would otherwise hang forever (fact sheet §3).
 *
 * It wraps `fetch` so every response body is read through a monitor that arms a timer only while a read
 * from the network is pending. A slow consumer therefore never counts as a stall, and any bytes at all
 * count as life, including SSE `: keep-alive` comments: a server that keeps the connection warm is
 * alive even when it has nothing to say yet.
 *
 * The same monitor notes the body's last bytes, so the client can tell a stream cut cleanly in the middle
 * of an event (interrupted) from one that sent bad JSON (malformed).
 */

/** Thrown through the body stream (and so out of the SDK's iterator) when the watchdog fires. */
export class StreamStalledError extends Error {
  override readonly name = 'StreamStalledError';
  constructor(readonly idleMs: number) {
    super(`No data received for ${idleMs} ms`);
  }
}

type Fetch = typeof fetch;

/** Called when a body ends normally, with its last bytes (see `endsWithBlankLine`). */
export type BodyEndListener = (tail: Uint8Array) => void;

/** A `fetch` whose response bodies error with `StreamStalledError` after `idleMs` without a chunk. */
export function withIdleWatchdog(inner: Fetch, idleMs: number, onBodyEnd?: BodyEndListener): Fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    if (!response.body) return response;
    return new Response(monitorBody(response.body, idleMs, onBodyEnd), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/**
 * Re-exposes `body`, erroring it with `StreamStalledError` when a read waits longer than `idleMs`
 * (no limit when `idleMs` is not a positive number).
 */
export function monitorBody(body: ReadableStream<Uint8Array>, idleMs: number, onEnd?: BodyEndListener): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let stalled = false;
  // The last bytes seen: a body that closes cleanly in the middle of an event was cut, not malformed.
  let tail: Uint8Array = new Uint8Array(0);
  const watching = idleMs > 0 && Number.isFinite(idleMs);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const giveUp = () => {
          stalled = true;
          controller.error(new StreamStalledError(idleMs));
          // Release the connection; the pending read settles and is ignored below.
          reader.cancel(new StreamStalledError(idleMs)).catch(() => undefined);
        };
        const timer = watching ? setTimeout(giveUp, idleMs) : undefined;
        try {
          const { done, value } = await reader.read();
          if (stalled) return;
          if (done) {
            onEnd?.(tail);
            controller.close();
          } else {
            tail = lastBytes(tail, value, TAIL_BYTES);
            controller.enqueue(value);
          }
        } catch (err) {
          if (!stalled) controller.error(err);
        } finally {
          clearTimeout(timer);
        }
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    // No read-ahead: the timer must only run while someone is actually waiting for bytes.
    { highWaterMark: 0 },
  );
}

/** Enough for the longest blank-line terminator, `\r\n\r\n`. */
const TAIL_BYTES = 4;

function lastBytes(previous: Uint8Array, chunk: Uint8Array, count: number): Uint8Array {
  if (chunk.length >= count) return chunk.slice(chunk.length - count);
  const joined = new Uint8Array(previous.length + chunk.length);
  joined.set(previous);
  joined.set(chunk, previous.length);
  return joined.slice(Math.max(0, joined.length - count));
}

/** Whether SSE bytes end with a blank line (two line ends; CRLF, LF and CR each count as one). */
export function endsWithBlankLine(tail: Uint8Array): boolean {
  const CR = 0x0d;
  const LF = 0x0a;
  let i = tail.length;
  let lineEnds = 0;
  while (i > 0 && lineEnds < 2) {
    if (tail[i - 1] === LF) i -= i >= 2 && tail[i - 2] === CR ? 2 : 1;
    else if (tail[i - 1] === CR) i -= 1;
    else break;
    lineEnds++;
  }
  return lineEnds >= 2;
}
