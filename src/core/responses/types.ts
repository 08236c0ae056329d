/**
 * The small, typed view of a streamed Responses API call that the rest of the product consumes.
 * Raw SSE events (including xAI's custom and future ones) are mapped to this union by the client;
 * unknown raw events are dropped, never fatal.
 */

/** A `url_citation` annotation. Offsets are as sent (may be missing, 0/0, or not match the text). */
export interface UrlCitation {
  url: string;
  title?: string;
  startIndex?: number;
  endIndex?: number;
}

export interface TokenUsage {
  inputTokens: number;
  cachedInputTokens?: number;
  outputTokens: number;
  reasoningTokens?: number;
  totalTokens: number;
  /** xAI extras, when present. */
  numSourcesUsed?: number;
  numServerSideToolsUsed?: number;
  costInUsdTicks?: number;
}

/** Server-side tool activity (web search, X search, code execution, …). */
export interface ToolActivity {
  itemId: string;
  /** e.g. "web_search", "x_search", "code_execution", or the raw item type for tools we do not know. */
  tool: string;
  status: 'in_progress' | 'searching' | 'completed' | 'failed';
  /** The search query, when the server says it. */
  query?: string;
}

export type GrokErrorKind =
  | 'invalid-api-key' // xAI answers 400 "Incorrect API key provided"
  | 'missing-api-key' // 401: no or malformed Authorization header (or no key configured at all)
  | 'forbidden' // 403
  | 'model-not-found' // 404
  | 'invalid-tool-schema' // 400 naming a tool (or our own pre-flight)
  | 'bad-request' // other 400/422
  | 'rate-limited' // 429, retryable later
  | 'credits-exhausted' // 429 that means no credits / spending limit: do not retry
  | 'server-error' // 5xx
  | 'network' // offline, DNS, TLS, proxy, refused
  | 'timeout' // no response headers within the request timeout
  | 'stalled' // headers arrived, then nothing within the idle timeout
  | 'interrupted' // the stream ended without a terminal event, or the connection dropped mid-stream
  | 'stream-error' // an SSE `error` event, or malformed stream data
  | 'response-failed' // `response.failed`
  | 'unknown';

/** What the user should be offered to fix an error. */
export type GrokErrorAction = 'set-api-key' | 'retry' | 'open-settings' | 'open-billing' | 'check-network';

export interface GrokError {
  kind: GrokErrorKind;
  /** One or two sentences for a person: what happened and what to do. Never contains the key. */
  message: string;
  /** The server's own words, for the log and a "details" disclosure. */
  detail?: string;
  status?: number;
  /** For `invalid-tool-schema`: the tool the server named. */
  toolName?: string;
  retryAfterMs?: number;
  requestId?: string;
  actions: GrokErrorAction[];
}

/** How a response ended. Exactly one `end` event closes every stream. */
export type ResponseOutcome =
  | { status: 'completed'; usage?: TokenUsage }
  | { status: 'incomplete'; reason: string; usage?: TokenUsage }
  | { status: 'cancelled' }
  | { status: 'error'; error: GrokError };

export type GrokStreamEvent =
  | { kind: 'created'; responseId: string; model?: string }
  | { kind: 'text-delta'; delta: string; outputIndex: number; contentIndex: number }
  | { kind: 'citation'; citation: UrlCitation; outputIndex: number; contentIndex: number }
  | { kind: 'reasoning-delta'; delta: string }
  | { kind: 'tool-activity'; activity: ToolActivity }
  /**
   * A retry is scheduled: shown to the user, cancellable through the same AbortSignal.
   * `attempt` is the number of the attempt about to start (2 for the first retry); `maxAttempts` counts the first one.
   */
  | { kind: 'retrying'; attempt: number; maxAttempts: number; delayMs: number; reason: GrokError }
  | {
      kind: 'end';
      outcome: ResponseOutcome;
      /** All output text received (kept on every outcome, including errors and cancellation). */
      text: string;
      responseId?: string;
    };

/** A message in the conversation, as sent in `input`. */
export interface InputMessage {
  role: 'system' | 'developer' | 'user' | 'assistant';
  content: string;
}

/** Everything one request needs besides connection settings. */
export interface GrokRequest {
  input: InputMessage[];
  /** Continue a stored conversation. */
  previousResponseId?: string;
  /** Adds the server-side `web_search` tool (the source of citations). */
  webSearch?: boolean;
  /** Function tools; linted before sending. */
  functionTools?: FunctionToolDefinition[];
  /** Structured output: JSON-schema text format. */
  jsonSchema?: { name: string; schema: Record<string, unknown>; strict?: boolean };
  maxOutputTokens?: number;
}

export interface FunctionToolDefinition {
  name: string;
  description?: string;
  parameters: unknown;
  strict?: boolean | null;
}

/** Connection settings (from the user's configuration and secret storage). */
export interface GrokClientOptions {
  apiKey: string;
  baseURL: string;
  model: string;
  /** Wait for response headers (ms). */
  requestTimeoutMs: number;
  /** Longest silence allowed between stream chunks after the headers (ms). */
  idleTimeoutMs: number;
  /** Retries of safe-to-retry failures (before any output arrived). */
  maxRetries: number;
  /** Longest retry wait we accept from `retry-after`; longer waits are reported instead of waited out. */
  maxRetryDelayMs?: number;
  /** Injected for tests. */
  fetch?: typeof fetch;
  /** Extra headers (e.g. a user agent). */
  defaultHeaders?: Record<string, string>;
}
