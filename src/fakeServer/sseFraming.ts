/**
 * Turns stream events into SSE bytes, with the framing variations the client must survive: every line
 * ending and field spelling the WHATWG server-sent-events spec allows.
 */
import type { Random } from './prng';
import { randomInt } from './prng';
import type { LineEndings } from './types';

export interface FramingOptions {
  crlf: boolean;
  eventLines: boolean;
  /** Overrides `crlf` when set; `mixed` rotates LF, CRLF and CR line by line. */
  lineEndings?: LineEndings;
  /** `data: x` (default) or `data:x`. */
  dataSpace?: boolean;
  /** Pretty-printed JSON over several `data:` lines (a spec parser joins them with LF). */
  multiLineData?: boolean;
  /** `id: <sequence_number>` and `retry: 3000` lines in every event (parsers must ignore them here). */
  idFields?: boolean;
}

const MIXED_ENDINGS = ['\n', '\r\n', '\r'] as const;

/** Joins lines, each followed by its line ending. */
function lines(texts: string[], options: FramingOptions): string {
  const style = options.lineEndings ?? (options.crlf ? 'crlf' : 'lf');
  const fixed = style === 'crlf' ? '\r\n' : style === 'cr' ? '\r' : '\n';
  return texts.map((text, i) => text + (style === 'mixed' ? MIXED_ENDINGS[i % MIXED_ENDINGS.length] : fixed)).join('');
}

function dataLines(data: string, options: FramingOptions): string[] {
  const prefix = options.dataSpace === false ? 'data:' : 'data: ';
  return data.split('\n').map((line) => prefix + line);
}

/** `event: <type>` (when enabled and a type is given), `data: <data>` (one line per line of data), blank line. */
export function frameData(type: string | undefined, data: string, options: FramingOptions, id?: number): string {
  const eventLine = options.eventLines && type !== undefined ? [`event: ${type}`] : [];
  const idLines = options.idFields && id !== undefined ? [`id: ${id}`, 'retry: 3000'] : [];
  return lines([...eventLine, ...idLines, ...dataLines(data, options), ''], options);
}

export function frameEvent(event: Record<string, unknown>, options: FramingOptions): string {
  const data = options.multiLineData ? JSON.stringify(event, null, 2) : JSON.stringify(event);
  const id = typeof event.sequence_number === 'number' ? event.sequence_number : undefined;
  return frameData(typeof event.type === 'string' ? event.type : undefined, data, options, id);
}

/** A comment block; SSE parsers must skip it. */
export function frameComment(text: string, options: FramingOptions): string {
  return lines([`: ${text}`, ''], options);
}

/** OpenAI's end-of-stream sentinel. */
export function frameDone(options: FramingOptions): string {
  return lines([...dataLines('[DONE]', options), ''], options);
}

/** The UTF-8 byte order mark, which a spec parser strips from the start of a stream. */
export const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

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
