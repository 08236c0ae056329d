// A loopback proxy in front of a fake server that holds each request until the test releases it, so a
// test can act "while the request is in flight" deterministically, however slow the host is.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RequestGate {
  /** Base URL to point `grok.baseUrl` at. */
  readonly url: string;
  /** Resolves when the next request has arrived (and is being held). */
  nextArrival(): Promise<void>;
  /** Lets every held request go on to the target server. */
  release(): void;
  close(): Promise<void>;
}

export async function startRequestGate(targetUrl: string): Promise<RequestGate> {
  const target = new URL(targetUrl);
  let held: (() => void)[] = [];
  let arrivals: (() => void)[] = [];

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    // The client gave up (cancelled): stop the upstream request too.
    res.on('close', () => upstream.destroy());
    upstream.end(body);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      held.push(() => {
        if (!res.destroyed) forward(req, res, Buffer.concat(chunks));
      });
      const waiting = arrivals;
      arrivals = [];
      for (const resolve of waiting) resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${target.pathname.replace(/\/$/, '')}`,
    nextArrival: () => new Promise<void>((resolve) => arrivals.push(resolve)),
    release: () => {
      const go = held;
      held = [];
      for (const next of go) next();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
