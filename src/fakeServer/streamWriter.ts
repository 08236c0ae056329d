/** Writes a StreamPlan to an HTTP response: framing, keep-alive comments, split writes, pacing, and the ending. */
import type { ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { constants as zlibConstants, createGzip, type Gzip } from 'node:zlib';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type { StreamPlan, StreamStep } from './scenarioPlan';
import type { ChunkingOptions } from './types';
import { seededRandom } from './prng';
import type { FramingOptions } from './sseFraming';
import { BOM, frameComment, frameDone, frameEvent, splitBytes } from './sseFraming';

/** Every option set, except `lineEndings`, which stays unset unless asked for (then `crlf` decides). */
export type ResolvedChunking = Required<Omit<ChunkingOptions, 'lineEndings'>> & Pick<ChunkingOptions, 'lineEndings'>;

export const DEFAULT_CHUNKING: ResolvedChunking = {
  crlf: false,
  dataSpace: true,
  multiLineData: false,
  idFields: false,
  bom: false,
  gzip: false,
  keepAliveComments: false,
  eventLines: true,
  sendDone: false,
  splitWrites: 'none',
  seed: 1,
  delayMs: 0,
  textChunkChars: 8,
};

/** Later layers win; `undefined` fields do not override. */
export function resolveChunking(...layers: (ChunkingOptions | undefined)[]): ResolvedChunking {
  const resolved: ResolvedChunking = { ...DEFAULT_CHUNKING };
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer) as [keyof ChunkingOptions, unknown][]) {
      if (value !== undefined) (resolved as Record<string, unknown>)[key] = value;
    }
  }
  return resolved;
}

/** The framing part of the chunking options. */
export function framingOf(chunking: ResolvedChunking): FramingOptions {
  return {
    crlf: chunking.crlf,
    eventLines: chunking.eventLines,
    dataSpace: chunking.dataSpace,
    multiLineData: chunking.multiLineData,
    idFields: chunking.idFields,
    ...(chunking.lineEndings ? { lineEndings: chunking.lineEndings } : {}),
  };
}

const GENERIC_CUT_EVENT = { type: 'response.output_text.delta', delta: ' and then the connection', sequence_number: 0 };

function stepText(step: StreamStep, framing: FramingOptions): string {
  return typeof step === 'string' ? step : frameEvent(step, framing);
}

/** Resolves false once the response can no longer be written (client gone, server closing). */
async function writeBytes(
  res: ServerResponse,
  gzip: Gzip | undefined,
  bytes: Buffer,
  chunking: ResolvedChunking,
  random: () => number,
  signal: AbortSignal,
): Promise<boolean> {
  const out: Writable = gzip ?? res;
  for (const piece of splitBytes(bytes, chunking.splitWrites, random)) {
    if (signal.aborted || res.destroyed) return false;
    if (!out.write(piece)) await once(out, 'drain', { signal });
    // A gzip stream holds bytes back until flushed; flushing each write keeps the stream live.
    if (gzip) await new Promise<void>((resolve) => gzip.flush(zlibConstants.Z_SYNC_FLUSH, () => resolve()));
    // Yield so each write leaves the process as its own chunk instead of being coalesced with the next.
    if (chunking.splitWrites !== 'none') await nextTurn(undefined, { signal });
  }
  return !signal.aborted && !res.destroyed;
}

async function pause(chunking: ResolvedChunking, signal: AbortSignal): Promise<void> {
  if (chunking.delayMs > 0) await sleep(chunking.delayMs, undefined, { signal });
  else await nextTurn(undefined, { signal });
}

/**
 * Streams the plan. Returns when the stream has ended, been cut, stalled (the socket stays open until the
 * server closes), or when `signal` aborts (the client went away or the server is closing).
 */
export async function writeStream(res: ServerResponse, plan: StreamPlan, chunking: ResolvedChunking, signal: AbortSignal): Promise<void> {
  const framing = framingOf(chunking);
  const random = seededRandom(chunking.seed);
  const encoding = chunking.gzip ? { 'content-encoding': 'gzip' } : {};
  res.writeHead(plan.status, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...encoding, ...plan.headers });
  res.flushHeaders();
  const gzip = chunking.gzip ? createGzip() : undefined;
  gzip?.pipe(res);
  const write = (text: string, prefix?: Buffer) => {
    const bytes = Buffer.from(text);
    return writeBytes(res, gzip, prefix ? Buffer.concat([prefix, bytes]) : bytes, chunking, random, signal);
  };
  try {
    for (let i = 0; i < plan.steps.length; i++) {
      if (i > 0) {
        await pause(chunking, signal);
        if (chunking.keepAliveComments && !(await write(frameComment('keep-alive', framing)))) return;
      }
      if (!(await write(stepText(plan.steps[i], framing), i === 0 && chunking.bom ? BOM : undefined))) return;
    }
    if (plan.after === 'stall') return;
    await pause(chunking, signal);
    if (plan.after === 'disconnect') {
      const cut = frameEvent(plan.cutEvent ?? GENERIC_CUT_EVENT, framing);
      // Stop inside the JSON so the reader holds a partial line when the socket dies.
      await write(cut.slice(0, Math.max(1, Math.floor(cut.length / 2))));
      await new Promise<void>((resolve) => res.write('', () => resolve()));
      res.socket?.destroy();
      return;
    }
    if (chunking.sendDone && !(await write(frameDone(framing)))) return;
    (gzip ?? res).end();
  } catch (error) {
    if (signal.aborted) return; // the client left or the server is closing: nothing more to say
    throw error;
  }
}
