/**
 * Classifies transport failures (no HTTP response, or the connection dropped) from the error's cause chain.
 * Node's fetch throws `TypeError('fetch failed', {cause})`; the SDK wraps that in `APIConnectionError`; the
 * root cause carries a Node/undici `code` (ENOTFOUND, ECONNREFUSED, CERT_HAS_EXPIRED, UND_ERR_SOCKET, …).
 */

export type NetworkProblem =
  | 'dns' // the host name could not be resolved (offline, DNS, typo in the base URL)
  | 'refused' // nothing listens there (or a firewall rejects)
  | 'reset' // the connection was cut
  | 'unreachable' // no route, or connecting timed out
  | 'tls' // certificate or TLS handshake problem (often an HTTPS-inspecting proxy)
  | 'proxy' // a proxy refused or failed
  | 'headers-timeout' // connected, but no response headers in time
  | 'other';

export interface NetworkFailure {
  problem: NetworkProblem;
  /** The most specific code found (e.g. `ENOTFOUND`), for the details line. */
  code?: string;
  /** The innermost message, for the details line. */
  message: string;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const REFUSED_CODES = new Set(['ECONNREFUSED']);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const UNREACHABLE_CODES = new Set([
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const HEADERS_TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT']);
const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_TLS_HANDSHAKE_TIMEOUT',
  'EPROTO',
]);

/** How deep we follow `cause` links; real chains are 2–3 long, the bound guards against cycles. */
const MAX_CAUSE_DEPTH = 8;

/** Every error in the chain, outermost first (follows `cause` and AggregateError's `errors`). */
export function causeChain(err: unknown): unknown[] {
  const chain: unknown[] = [];
  const queue: unknown[] = [err];
  while (queue.length > 0 && chain.length < MAX_CAUSE_DEPTH) {
    const current = queue.shift();
    if (current === undefined || current === null || chain.includes(current)) continue;
    chain.push(current);
    if (typeof current === 'object') {
      const { cause, errors } = current as { cause?: unknown; errors?: unknown };
      if (cause !== undefined) queue.push(cause);
      if (Array.isArray(errors)) queue.push(...errors.slice(0, 4));
    }
  }
  return chain;
}

function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && code.length > 0 ? code : undefined;
}

function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'object' && err !== null && typeof (err as { message?: unknown }).message === 'string') {
    return (err as { message: string }).message;
  }
  return String(err);
}

function problemForCode(code: string): NetworkProblem | undefined {
  if (DNS_CODES.has(code)) return 'dns';
  if (REFUSED_CODES.has(code)) return 'refused';
  if (RESET_CODES.has(code)) return 'reset';
  if (UNREACHABLE_CODES.has(code)) return 'unreachable';
  if (HEADERS_TIMEOUT_CODES.has(code)) return 'headers-timeout';
  if (TLS_CODES.has(code) || code.startsWith('CERT_') || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) {
    return 'tls';
  }
  if (code.includes('PROXY')) return 'proxy';
  return undefined;
}

/** Words that identify a problem when no code is available (some runtimes and proxies give only text). */
function problemForMessage(message: string): NetworkProblem | undefined {
  if (/certificate|self[- ]signed|\bssl\b|\btls\b/i.test(message)) return 'tls';
  if (/proxy/i.test(message)) return 'proxy';
  if (/getaddrinfo|dns/i.test(message)) return 'dns';
  if (/other side closed|socket hang up|\bterminated\b|connection reset/i.test(message)) return 'reset';
  if (/refused/i.test(message)) return 'refused';
  return undefined;
}

/** The most specific transport problem in `err`'s cause chain. */
export function classifyNetworkFailure(err: unknown): NetworkFailure {
  const chain = causeChain(err);
  // Innermost first: the root cause carries the precise code; outer wrappers only say "fetch failed".
  for (const link of [...chain].reverse()) {
    const code = errorCode(link);
    const problem = code ? problemForCode(code) : undefined;
    if (problem && code) return { problem, code, message: errorMessage(link) };
  }
  for (const link of [...chain].reverse()) {
    const message = errorMessage(link);
    const problem = problemForMessage(message);
    if (problem) return { problem, code: chain.map(errorCode).find((c) => c !== undefined), message };
  }
  const innermost = chain[chain.length - 1];
  return { problem: 'other', code: chain.map(errorCode).find((c) => c !== undefined), message: errorMessage(innermost ?? err) };
}

/** Undici's way of saying "the connection dropped while reading the body" (not an `APIConnectionError`). */
export function isConnectionDrop(err: unknown): boolean {
  for (const link of causeChain(err)) {
    const code = errorCode(link);
    if (code && RESET_CODES.has(code)) return true;
    const message = errorMessage(link);
    if (link instanceof TypeError && /^(terminated|other side closed)$/i.test(message.trim())) return true;
    if (/other side closed|socket hang up/i.test(message)) return true;
  }
  return false;
}
