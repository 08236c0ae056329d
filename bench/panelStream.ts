/**
 * Streams an answer into a page the way the extension host does: model deltas arrive at a steady
 * rate, go through the host's own `DeltaCoalescer` (merged, posted about once per 16 ms frame), then
 * the citations (xAI sends its annotations after the text) and `turnEnded`. Or, for the naive
 * baseline, the way peers' hosts do: every model delta posted as its own message. Records when each
 * delta reached the host and when each message was posted, on the host's clock.
 */
import { DeltaCoalescer } from '../src/core/chat/deltaCoalescer';
import type { HostMessage } from '../src/core/panelProtocol';
import type { UrlCitationAnnotation } from '../src/fakeServer/citedText';

export interface AnswerPlan {
  turnId: string;
  /** The model's deltas, in order; joined they are the answer. */
  deltas: readonly string[];
  annotations: readonly UrlCitationAnnotation[];
}

/** One posted `textDelta` message; `seq` is its 1-based position among the posted text deltas. */
export interface PostedText {
  seq: number;
  postedAt: number;
  /** Offset in the answer just past this message's text. */
  endOffset: number;
}

export interface PostedStream {
  texts: PostedText[];
  /** When each model delta reached the host. */
  deltaArrivals: number[];
  /** The `seq` of the message that carried each model delta. */
  deltaSeq: number[];
}

/** `coalesced`: through the host's DeltaCoalescer (ours); `per-delta`: one message per model delta. */
export type Posting = 'coalesced' | 'per-delta';

export interface StreamTarget {
  post(message: HostMessage): void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Posts `plan` to `target` at `deltasPerSecond`, starting now. The schedule is absolute (delta k is
 * due at k / rate after the start), so a late timer catches up in a burst, as a network read would.
 */
export async function streamAnswer(
  target: StreamTarget,
  plan: AnswerPlan,
  deltasPerSecond: number,
  now: () => number,
  posting: Posting = 'coalesced',
): Promise<PostedStream> {
  const stream: PostedStream = { texts: [], deltaArrivals: [], deltaSeq: [] };
  let offset = 0;
  let waiting: number[] = []; // deltas merged into the message the coalescer will post next
  const deliver = (message: HostMessage): void => {
    target.post(message);
    if (message.type !== 'textDelta') return;
    const seq = stream.texts.length + 1;
    offset += message.text.length;
    stream.texts.push({ seq, postedAt: now(), endOffset: offset });
    for (const delta of waiting) stream.deltaSeq[delta] = seq;
    waiting = [];
  };
  const outbox = posting === 'coalesced' ? new DeltaCoalescer(deliver) : { post: deliver, dispose: () => {} };

  const intervalMs = 1000 / deltasPerSecond;
  const start = now();
  for (let next = 0; next < plan.deltas.length; ) {
    const due = Math.min(plan.deltas.length, Math.floor((now() - start) / intervalMs) + 1);
    for (; next < due; next++) {
      stream.deltaArrivals[next] = now();
      waiting.push(next);
      outbox.post({ type: 'textDelta', turnId: plan.turnId, text: plan.deltas[next] });
    }
    if (next < plan.deltas.length) await sleep(Math.max(0, start + next * intervalMs - now()));
  }
  for (const annotation of plan.annotations) {
    const { url, title, start_index: startIndex, end_index: endIndex } = annotation;
    outbox.post({ type: 'citation', turnId: plan.turnId, citation: { url, title, startIndex, endIndex } });
  }
  outbox.post({ type: 'turnEnded', turnId: plan.turnId, status: 'completed', elapsedMs: Math.round(now() - start) });
  outbox.dispose();
  return stream;
}
