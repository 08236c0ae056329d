/**
 * A bare HTTP server on 127.0.0.1:0 that answers each request with the next scripted handler, so tests can
 * write exact bytes, headers, gzip, resets and silences below anything the fake xAI server would tidy up.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setImmediate as nextTurn } from 'node:timers/promises';

export type RawHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface RawSseServer {
  /** Base URL including '/v1'. */
  readonly url: string;
  /** Requests answered so far. */
  readonly requestCount: number;
  /** Each handler answers one request, in order; the last one repeats. */
  script(...handlers: RawHandler[]): void;
  close(): Promise<void>;
}

export async function startRawSseServer(): Promise<RawSseServer> {
  let handlers: RawHandler[] = [];
  let requestCount = 0;
  const server: Server = createServer((req, res) => {
    const handler = handlers[Math.min(requestCount, handlers.length - 1)];
    requestCount++;
    req.resume();
    req.on('end', () => {
      res.socket?.setNoDelay(true);
      Promise.resolve(handler(req, res)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    get requestCount() {
      return requestCount;
    },
    script: (...next: RawHandler[]) => {
      handlers = next;
      requestCount = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Writes each piece as its own chunk (yielding between writes so they leave as separate packets), then ends. */
export function sendChunks(pieces: (string | Uint8Array)[], headers: Record<string, string> = { 'content-type': 'text/event-stream' }, status = 200): RawHandler {
  return async (_req, res) => {
    res.writeHead(status, headers);
    res.flushHeaders();
    for (const piece of pieces) {
      res.write(piece);
      await nextTurn();
    }
    res.end();
  };
}

/** A one-shot reply with an exact body. */
export function reply(status: number, body: string | Uint8Array, headers: Record<string, string> = {}): RawHandler {
  return (_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  };
}
