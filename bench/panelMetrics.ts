/**
 * Turns one measured stream (what the host posted, what the page's probe recorded) into the numbers the
 * panel benchmark prints. Pure functions over plain data.
 */
import type { ProbeRecords } from './panelProbe';
import type { PostedStream } from './panelStream';
import { median, percentile } from './stats';

/** Where a citation `[[N]](url)` sits in the answer: [start, end). */
export interface Span {
  start: number;
  end: number;
}

export interface StreamMetrics {
  /**
   * Host post of a message → the end of the first frame that rendered it (ms), one per message: the
   * first frame whose DOM shows it, or, for a message with nothing new to show (only whitespace, or
   * only text of a citation being held back), the first renderer frame after it arrived.
   */
  postToDom: number[];
  /**
   * Host post of a message → the frame where all of its text shows: for a renderer that holds back a
   * citation still arriving, the frame that rendered the message completing it.
   */
  postToVisible: number[];
  /** A model delta reaching the host → the frame that rendered it (includes the host's coalescing wait). */
  arrivalToDom: number[];
  updates: UpdateCost[];
}

/** Frames while measuring: what the reader sees, whoever caused a slow one. */
export interface FrameMetrics {
  /** Gaps between consecutive animation frames (ms). */
  lengths: number[];
  /** Chromium `long-animation-frame` entries (≥ 50 ms). */
  longAnimationFrames: number;
}

/** The main-thread cost of one DOM update and how far into the answer it was (0..1 of its length). */
export interface UpdateCost {
  position: number;
  ms: number;
}

/** One record per tuple of a flat probe array. */
function tuples(flat: readonly number[], size: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i + size <= flat.length; i += size) out.push(flat.slice(i, i + size));
  return out;
}

/**
 * For each message, the first message whose rendering shows all of its text. A renderer that holds
 * back a citation still arriving (`…[[1]](htt`) shows the text before it, and the rest only once a
 * later message completes the citation.
 */
export function seqShowingText(stream: PostedStream, heldBack: readonly Span[]): number[] {
  const visibleEnd = (offset: number): number => heldBack.find((span) => span.start < offset && offset < span.end)?.start ?? offset;
  const result: number[] = [];
  let j = 0;
  for (let i = 0; i < stream.texts.length; i++) {
    j = Math.max(j, i);
    while (j < stream.texts.length - 1 && visibleEnd(stream.texts[j].endOffset) < stream.texts[i].endOffset) j++;
    result.push(stream.texts[j].seq);
  }
  return result;
}

export function streamMetrics(
  stream: PostedStream,
  records: ProbeRecords,
  /** Converts a page time to the host's clock. */
  toHostTime: (pageTime: number) => number,
  /** The whole answer, as posted. */
  answer: string,
  /** Citations the renderer holds back while incomplete (none for the baselines). */
  heldBack: readonly Span[],
): StreamMetrics {
  const domUpdates = tuples(records.domUpdates, 2).map(([time, seq]) => ({ time: toHostTime(time), seq }));
  // Every renderer frame callback, whether or not it changed the DOM.
  const frameRenders = tuples(records.renders, 4).map(([start, ms, seq]) => ({ time: toHostTime(start + ms), seq }));
  const firstAfter = (updates: readonly { time: number; seq: number }[], seq: number): number | undefined => updates.find((u) => u.seq >= seq)?.time;
  const shownAt = (seq: number): number => {
    const time = firstAfter(domUpdates, seq);
    if (time === undefined) throw new Error(`text delta message ${seq} never reached the DOM`);
    return time;
  };
  // A message with nothing new to show (only whitespace, which markdown shows only once text follows
  // it, or only text of a citation being held back) is rendered by the first renderer frame after it
  // arrived, even though that frame rightly changes nothing: the frame that would have shown it.
  const nothingToShow = (start: number, end: number): boolean => {
    for (let i = start; i < end; i++) {
      if (/\s/.test(answer[i])) continue;
      if (!heldBack.some((span) => span.start <= i && i < span.end)) return false;
    }
    return true;
  };
  const renderedAt = stream.texts.map((text, i) => {
    const start = i === 0 ? 0 : stream.texts[i - 1].endOffset;
    const frame = nothingToShow(start, text.endOffset) ? firstAfter(frameRenders, text.seq) : undefined;
    return Math.min(frame ?? Infinity, shownAt(text.seq));
  });
  const showingSeq = seqShowingText(stream, heldBack);
  const visibleAt = stream.texts.map((_, i) => shownAt(showingSeq[i]));
  const postToDom = stream.texts.map((text, i) => renderedAt[i] - text.postedAt);
  const postToVisible = stream.texts.map((text, i) => visibleAt[i] - text.postedAt);
  const arrivalToDom = stream.deltaArrivals.map((arrival, k) => renderedAt[stream.deltaSeq[k] - 1] - arrival);

  return { postToDom, postToVisible, arrivalToDom, updates: updateCosts(stream, records, answer.length) };
}

export function frameMetrics(records: ProbeRecords): FrameMetrics {
  const frames = records.frames;
  return { lengths: frames.slice(1).map((time, i) => time - frames[i]), longAnimationFrames: tuples(records.longFrames, 3).length };
}

/**
 * The cost of each DOM update: for a renderer that updates in animation frames, the frame's callback
 * plus the handling of the messages it applied; for one that updates in its message handler, that
 * handler. Position: how much of the answer the update showed.
 */
function updateCosts(stream: PostedStream, records: ProbeRecords, answerLength: number): UpdateCost[] {
  const handlers = tuples(records.handlers, 3).map(([seq, , ms]) => ({ seq, ms }));
  const position = (seq: number): number => (seq > 0 ? stream.texts[seq - 1].endOffset / answerLength : 0);
  const renders = tuples(records.renders, 4).filter(([, , , changed]) => changed === 1);
  if (renders.length === 0) return handlers.map(({ seq, ms }) => ({ position: position(seq), ms }));
  const costs: UpdateCost[] = [];
  let applied = 0;
  let h = 0;
  for (const [, ms, received] of renders) {
    let handling = 0;
    for (; h < handlers.length && handlers[h].seq <= received; h++) handling += handlers[h].ms;
    if (received > applied || handling > 0) costs.push({ position: position(received), ms: ms + handling });
    applied = received;
  }
  return costs;
}

/** Median update cost in the first and the last tenth of the answer. */
export function growth(updates: readonly UpdateCost[]): { early: number; late: number } {
  const early = updates.filter((u) => u.position > 0 && u.position <= 0.1).map((u) => u.ms);
  const late = updates.filter((u) => u.position > 0.9).map((u) => u.ms);
  return { early: median(early), late: median(late) };
}

export const p95 = (values: readonly number[]): number => percentile(values, 95);
