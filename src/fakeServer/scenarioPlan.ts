/** What a scenario decides for one request: a single reply, or a stream of SSE events and how it ends. */
import type { InputMessageView } from './requestText';
import type { FramingOptions } from './sseFraming';
import type { ChunkingOptions } from './types';

/** An event object (framed per the chunking options) or verbatim bytes (already framed, or deliberately broken). */
export type StreamStep = Record<string, unknown> | string;

export interface ReplyPlan {
  kind: 'reply';
  status: number;
  headers?: Record<string, string>;
  /** Strings are sent as is, anything else as JSON. */
  body: unknown;
  /**
   * A transient failure (429 rate limit, 5xx): the next request, if nothing is queued for it, is answered
   * normally, so a client's retry succeeds even when a marker in the retried body asked for the failure.
   */
  recoverNext?: boolean;
}

export interface StreamPlan {
  kind: 'stream';
  status: number;
  headers?: Record<string, string>;
  steps: StreamStep[];
  /** 'disconnect' writes part of `cutEvent` (or a generic delta), then destroys the socket. 'stall' keeps it open. */
  after: 'end' | 'disconnect' | 'stall';
  cutEvent?: Record<string, unknown>;
  /** The scenario's own pacing; the server's and the spec's chunking options override it. */
  chunking?: ChunkingOptions;
  /** What a non-streamed request (`stream` not true) gets instead; without it such a request is refused. */
  finalResponse?: Record<string, unknown>;
}

export type ScenarioPlan = ReplyPlan | StreamPlan;

/** What a scenario sees of the request it answers. */
export interface ScenarioContext {
  /** The validated request body. */
  request: Record<string, unknown>;
  /** Code points per text delta (resolved from the scenario's pacing and the chunking options). */
  chunkChars: number;
  /** Line endings and `event:` lines, for scenarios that write verbatim (e.g. deliberately broken) events. */
  framing: FramingOptions;
  /** The offline demo's answer describes the request; other scenarios ignore this. */
  messages: InputMessageView[];
}

export interface ScenarioDefinition {
  /** The scenario's own pacing (e.g. `slow`'s delay); the server's chunking options override it. */
  pacing?: ChunkingOptions;
  build(context: ScenarioContext): ScenarioPlan;
}
