/** Turns stream events into SSE bytes, with the framing variations the client must survive. */
import type { Random } from './prng';
import { randomInt } from './prng';

export interface FramingOptions {
  crlf: boolean;
  eventLines: boolean;
}

function lineEnd(options: FramingOptions): string {
  return options.crlf ? '\r\n' : '\n';
}

/** `event: <type>` (when enabled and a type is given), `data: <data>` (one line), blank line. */
export function frameData(type: string | undefined, data: string, options: FramingOptions): string {
  const eol = lineEnd(options);
  const eventLine = options.eventLines && type !== undefined ? `event: ${type}${eol}` : '';
  return `${eventLine}data: ${data}${eol}${eol}`;
}

export function frameEvent(event: Record<string, unknown>, options: FramingOptions): string {
  return frameData(typeof event.type === 'string' ? event.type : undefined, JSON.stringify(event), options);
}

/** A comment block; SSE parsers must skip it. */
export function frameComment(text: string, options: FramingOptions): string {
  const eol = lineEnd(options);
  return `: ${text}${eol}${eol}`;
}

/** OpenAI's end-of-stream sentinel. */
export function frameDone(options: FramingOptions): string {
  const eol = lineEnd(options);
  return `data: [DONE]${eol}${eol}`;
}

export type SplitMode = 'none' | 'random' | 'bytewise';

/**
 * Cuts one write into pieces at byte offsets, deliberately ignoring UTF-8 character boundaries, so the
 * reader has to reassemble characters and lines across chunks.
 */
export function splitBytes(bytes: Buffer, mode: SplitMode, random: Random): Buffer[] {
  if (mode === 'none' || bytes.length <= 1) return [bytes];
  if (mode === 'bytewise') {
    const pieces: Buffer[] = [];
    for (let i = 0; i < bytes.length; i++) pieces.push(bytes.subarray(i, i + 1));
    return pieces;
  }
  const pieces: Buffer[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    // Mostly short pieces, so most events are cut several times, sometimes mid-character.
    const size = randomInt(random, 1, Math.max(1, Math.min(24, bytes.length - offset)));
    pieces.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  return pieces;
}
