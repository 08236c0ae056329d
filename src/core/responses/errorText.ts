/** Formatting shared by the error mappers: short sentences for people, tidy server text for details. */

/** Longest server text kept as `detail` (proxies answer with whole HTML pages). */
const MAX_DETAIL_CHARS = 600;

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** "503 Service Unavailable", or "HTTP 599" for statuses without a common name. */
export function statusLabel(status: number): string {
  const text = STATUS_TEXT[status];
  return text ? `${status} ${text}` : `HTTP ${status}`;
}

/** `host[:port]` of a base URL, for messages; `undefined` when it does not parse. */
export function hostOf(baseURL: string | undefined): string | undefined {
  if (!baseURL) return undefined;
  try {
    return new URL(baseURL).host || undefined;
  } catch {
    return undefined;
  }
}

/** "1.5 s", "45 s", "2 min". */
export function formatDuration(ms: number): string {
  if (ms < 10_000) return `${Math.round(ms / 100) / 10} s`;
  if (ms < 120_000) return `${Math.round(ms / 1000)} s`;
  return `${Math.round(ms / 60_000)} min`;
}

/** Server text made fit for a details line: markup stripped from HTML pages, whitespace collapsed, bounded. */
export function tidy(text: string): string {
  // Proxies and gateways answer with HTML pages; keep their words, not their markup.
  const isHtml = /<(?:!doctype|html|head|body|title|h1|p|div|center)\b/i.test(text);
  const collapsed = (isHtml ? text.replace(/<[^>]*>/g, ' ') : text).replace(/\s+/g, ' ').trim();
  return collapsed.length > MAX_DETAIL_CHARS ? `${collapsed.slice(0, MAX_DETAIL_CHARS)}…` : collapsed;
}

/** Keeps user-facing sentences short; the full text stays in `detail`. */
export function clip(text: string, max = 200): string {
  const trimmed = text.trim().replace(/[.\s]+$/, '');
  return trimmed.length > max ? `${trimmed.slice(0, max)}…` : trimmed;
}

/** The most useful one-line text of any thrown value. */
export function describe(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  if (typeof err === 'string') return err;
  return safeStringify(err);
}

/** JSON for a details line; never throws (cycles, BigInt). */
export function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
