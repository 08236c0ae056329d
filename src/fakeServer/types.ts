/**
 * Public types of the fake xAI Responses API server (see /work/shared/docs/xai-responses.md).
 * Used by unit tests, the integration tests inside VS Code, the benchmarks and the offline demo.
 */

/** Every built-in scenario, by the name tests, markers (`[[fake:NAME]]`) and the CLI use. */
export const SCENARIO_NAMES = [
  'plain',
  'citations',
  'code',
  'reasoning',
  'unknown-events',
  'rate-limit',
  'credits-exhausted',
  'server-error',
  'server-error-then-plain',
  'error-event',
  'failed',
  'incomplete',
  'disconnect',
  'stall',
  'no-terminal',
  'malformed',
  'tool-schema-400',
  'slow',
  'long',
  'demo',
  'fix-json',
  'fix-prose',
] as const;

export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export function isScenarioName(name: string): name is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(name);
}

/** SSE line endings: LF, CRLF, bare CR, or all three rotating line by line. */
export type LineEndings = 'lf' | 'crlf' | 'cr' | 'mixed';

/** How the SSE bytes are framed and paced. Unset fields fall back to the scenario's own pacing, then to the defaults. */
export interface ChunkingOptions {
  /** CRLF line endings instead of LF. */
  crlf?: boolean;
  /** Line endings; overrides `crlf` when set. */
  lineEndings?: LineEndings;
  /** `data: x` (default true) or `data:x` (the space is optional in SSE). */
  dataSpace?: boolean;
  /** Pretty-print each event's JSON over several `data:` lines (default false). */
  multiLineData?: boolean;
  /** `id:` and `retry:` fields in every event (default false). */
  idFields?: boolean;
  /** A UTF-8 byte order mark before the first event (default false). */
  bom?: boolean;
  /** gzip the stream (`content-encoding: gzip`), flushed after every write (default false). */
  gzip?: boolean;
  /** A `: keep-alive` comment between events. */
  keepAliveComments?: boolean;
  /** Include `event: <type>` lines (default true). */
  eventLines?: boolean;
  /** Send `data: [DONE]` after the last event of a stream that ends cleanly (default false). */
  sendDone?: boolean;
  /** Split each write at arbitrary byte offsets, including inside UTF-8 characters (seeded PRNG). */
  splitWrites?: 'none' | 'random' | 'bytewise';
  /** Seed of the PRNG used by `splitWrites: 'random'` (default 1). */
  seed?: number;
  /** Pause between events in ms (0: only yield to the event loop between writes). */
  delayMs?: number;
  /** Length of `output_text` deltas, in code points (never splits a surrogate pair). */
  textChunkChars?: number;
}

export interface FakeServerOptions {
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 0 (an ephemeral port). */
  port?: number;
  /** The accepted bearer key (default 'test-key'). A wrong key gets xAI's 400; none or a malformed header gets 401. */
  apiKey?: string;
  /** Known models (default ['grok-build-0.1']); any other gets a 404 in xAI's body shape. */
  models?: string[];
  /**
   * Scenario for requests with nothing queued and no marker (default 'plain', or 'demo' when `demo`). Without
   * this option (and until `setDefaultScenario`), structured-output requests (`json_schema`) get 'fix-json'.
   */
  defaultScenario?: ScenarioName;
  /** Offline demo: the default answer describes the request it received and says where it comes from. */
  demo?: boolean;
  /** Default framing for every scenario. */
  chunking?: ChunkingOptions;
  /** One line per handled request (the CLI sends these to stderr). Never contains the API key. */
  log?: (line: string) => void;
}

/**
 * A scripted answer for tests. With `events` it streams them (objects are framed per the chunking options,
 * strings are written verbatim); without `events` it replies once with `status`, `headers` and `body`.
 */
export interface ScenarioSpec {
  /** Recorded as the request's scenario. */
  name: string;
  /** Default 200 for streams; for a reply without `body`, a status >= 400 gets a generic xAI error body. */
  status?: number;
  headers?: Record<string, string>;
  /** Reply body: strings are sent as is, anything else as JSON. */
  body?: unknown;
  events?: (Record<string, unknown> | string)[];
  /** What happens after the last event (default 'end'). */
  afterEvents?: 'end' | 'disconnect' | 'stall';
  chunking?: ChunkingOptions;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body, or undefined when it was not valid JSON. */
  body: unknown;
  rawBody: string;
  receivedAt: number;
  /** The scenario that answered, or the validation that rejected the request (e.g. 'invalid-api-key'). */
  scenario: string;
}

export interface FakeServer {
  /** Base URL including '/v1', e.g. http://127.0.0.1:PORT/v1 */
  readonly url: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  /**
   * Each queued scenario answers one valid request, first in first out (requests refused by validation do
   * not consume it). Choice per request: queued > recovery (the request after a `rate-limit` or
   * `server-error-then-plain` gets `plain`, or `demo` in demo mode) > `[[fake:NAME]]` marker in the input > default.
   */
  queueScenarios(...scenarios: (ScenarioName | ScenarioSpec)[]): void;
  setDefaultScenario(scenario: ScenarioName | ScenarioSpec): void;
  /** Stops listening and destroys open sockets (stalled streams included). */
  close(): Promise<void>;
}
