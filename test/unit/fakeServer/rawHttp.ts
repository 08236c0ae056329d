/** Test helpers: talk to the fake server below the SDK, to see its exact bytes, chunks and status. */
import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body exactly as received, chunk by chunk. */
  chunks: Buffer[];
  body: Buffer;
  text: string;
  /** Set when the connection broke before the response ended. */
  error?: Error;
}

export const AUTH = { authorization: 'Bearer test-key' };

/** POSTs (or sends `method`) to `url` + `path` and collects the response; a mid-body reset is reported, not thrown. */
export function rawRequest(
  baseUrl: string,
  options: { path?: string; method?: string; headers?: Record<string, string>; body?: unknown; rawBody?: string } = {},
): Promise<RawResponse> {
  const url = new URL(baseUrl + (options.path ?? '/responses'));
  const payload = options.rawBody ?? (options.body === undefined ? '' : JSON.stringify(options.body));
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'POST', headers: { 'content-type': 'application/json', ...AUTH, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        const finish = (error?: Error) => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, chunks, body, text: body.toString('utf8'), error });
        };
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => finish());
        res.on('error', (error) => finish(error));
        res.on('aborted', () => finish(new Error('aborted')));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** A minimal SSE reader for assertions (LF or CRLF; comments and `event:` lines skipped). */
export function parseSseData(text: string): string[] {
  return text
    .split(/\r?\n\r?\n/)
    .map((block) =>
      block
        .split(/\r?\n/)
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).replace(/^ /, ''))
        .join('\n'),
    )
    .filter((data) => data !== '');
}

export function parseSseEvents(text: string): Record<string, unknown>[] {
  return parseSseData(text)
    .filter((data) => data !== '[DONE]')
    .map((data) => JSON.parse(data) as Record<string, unknown>);
}

export function streamBody(input: unknown = 'Hello', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { model: 'grok-build-0.1', input, stream: true, ...extra };
}
