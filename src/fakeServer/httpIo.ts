/** Reading request bodies (bounded) and writing one-shot JSON replies. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ReplyPlan } from './scenarioPlan';

const MAX_BODY_BYTES = 32 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Keep reading past the limit (and drop it) so the client can still receive the 413.
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) reject(new BodyTooLargeError(`The request body is over ${MAX_BODY_BYTES} bytes.`));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

export function sendReply(res: ServerResponse, reply: ReplyPlan): void {
  const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
  res.end(body);
}

