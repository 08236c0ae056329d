/**
 * SSE framings for the stream-framing tests: every line ending, field spelling and layout the WHATWG
 * server-sent-events spec allows, applied to raw Responses events, plus a representative answer whose text
 * has multi-byte and non-BMP characters so that byte-wise cuts land inside them.
 */
import { raw } from './sseFixtures';

export type LineEnding = '\n' | '\r\n' | '\r';

export interface SpecFraming {
  /** Line ending per line: one style, or a function of the line's position in the stream (mixed endings). */
  eol?: LineEnding | ((lineIndex: number) => LineEnding);
  /** `data:` with or without the optional space (default with). */
  space?: boolean;
  /** `event:` line: the JSON type (default), none, or a fixed (possibly disagreeing) name. */
  eventLine?: 'type' | 'none' | string;
  /** Pretty-print the JSON over several `data:` lines (joined back with `\n` by a spec parser). */
  multiLineData?: boolean;
  /** Extra lines inside each event block, before the data (comments, `id:`, `retry:`, unknown fields). */
  extraLines?: string[];
  /** Blank lines after each event beyond the one that ends it. */
  extraBlankLines?: number;
}

/** Frames `events` per `framing` into one string of SSE. */
export function specFrame(events: Record<string, unknown>[], framing: SpecFraming = {}): string {
  let lineIndex = 0;
  const eolFor = (): LineEnding => {
    const eol = framing.eol ?? '\n';
    return typeof eol === 'function' ? eol(lineIndex++) : eol;
  };
  const line = (text: string) => text + eolFor();
  const colon = framing.space === false ? ':' : ': ';
  let out = '';
  for (const event of events) {
    const eventLine = framing.eventLine ?? 'type';
    if (eventLine === 'type') out += line(`event${colon}${String(event.type)}`);
    else if (eventLine !== 'none') out += line(`event${colon}${eventLine}`);
    for (const extra of framing.extraLines ?? []) out += line(extra);
    const json = framing.multiLineData ? JSON.stringify(event, null, 2) : JSON.stringify(event);
    for (const dataLine of json.split('\n')) out += line(`data${colon}${dataLine}`);
    out += line('');
    for (let i = 0; i < (framing.extraBlankLines ?? 0); i++) out += line('');
  }
  return out;
}

/** Text with 2-, 3- and 4-byte UTF-8 characters, a combining mark, CJK and ZWJ emoji, and JSON-escaped newlines. */
export const REPRESENTATIVE_PARTS = ['Résumé ', '🚀 naïve ', 'e\u0301 漢字', '\n```ts\nconst x = "👩‍💻";\n```\n', '— done ✓'];
export const REPRESENTATIVE_TEXT = REPRESENTATIVE_PARTS.join('');

/** created, in_progress, message item, deltas, text done, completed with the same output text. */
export function representativeEvents(): Record<string, unknown>[] {
  const message = { id: 'msg_1', type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: REPRESENTATIVE_TEXT, annotations: [] }] };
  return [
    raw.created(),
    raw.inProgress(),
    raw.itemAdded({ id: 'msg_1', type: 'message', role: 'assistant', status: 'in_progress', content: [] }),
    ...REPRESENTATIVE_PARTS.map((part) => raw.delta(part)),
    raw.textDone(REPRESENTATIVE_TEXT),
    raw.itemDone(message),
    completedWithOutput([message]),
  ];
}

/** `response.completed` whose response carries `output` (for the delta/final-text reconciliation). */
export function completedWithOutput(output: unknown[]): Record<string, unknown> {
  const completed = raw.completed();
  return { ...completed, response: { ...(completed.response as Record<string, unknown>), output } };
}

/** A completed message item with one `output_text` part. */
export function messageItem(text: string): Record<string, unknown> {
  return { id: 'msg_1', type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text, annotations: [] }] };
}

/** `bytes` cut into two writes at `at`. */
export function splitAt(bytes: Uint8Array, at: number): Uint8Array[] {
  return [bytes.slice(0, at), bytes.slice(at)].filter((piece) => piece.length > 0);
}
