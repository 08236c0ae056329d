/**
 * The idle watchdog: gives up on a response body that goes silent. The SDK's `timeout` only covers the
 * wait for headers; a stream that stalls afterwards would otherwise hang forever (fact sheet §3).
 *
 * It wraps `fetch` so every response body is read through a monitor that arms a timer only while a read
 * from the network is pending. A slow consumer therefore never counts as a stall, and any bytes at all
 * count as life, including SSE `: keep-alive` comments: a server that keeps the connection warm is
 * alive even when it has nothing to say yet.
 */

/** Thrown through the body stream (and so out of the SDK's iterator) when the watchdog fires. */
export class StreamStalledError extends Error {
  override readonly name = 'StreamStalledError';
  constructor(readonly idleMs: number) {
    super(`No data received for ${idleMs} ms`);
  }
}

type Fetch = typeof fetch;

/** A `fetch` whose response bodies error with `StreamStalledError` after `idleMs` without a chunk. */
export function withIdleWatchdog(inner: Fetch, idleMs: number): Fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    if (!response.body) return response;
    return new Response(monitorBody(response.body, idleMs), {
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
export function monitorBody(body: ReadableStream<Uint8Array>, idleMs: number): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let stalled = false;
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
          if (done) controller.close();
          else controller.enqueue(value);
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
