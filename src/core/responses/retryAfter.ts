/** Reading a server's "wait this long" hint from response headers. */

/** The subset of `Headers` we read; SDK errors carry a real `Headers`, tests may pass a plain stand-in. */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * The wait the server asks for, in ms: `retry-after-ms` (non-standard, float ms; OpenAI and the SDK honour
 * it) first, then `retry-after` as delta-seconds or an HTTP date. `undefined` when absent or unreadable.
 */
export function retryAfterHintMs(headers: HeaderReader | null | undefined, now: number = Date.now()): number | undefined {
  if (!headers || typeof headers.get !== 'function') return undefined;

  const ms = parseNonNegativeNumber(headers.get('retry-after-ms'));
  if (ms !== undefined) return ms;

  const retryAfter = headers.get('retry-after')?.trim();
  if (!retryAfter) return undefined;
  const seconds = parseNonNegativeNumber(retryAfter);
  if (seconds !== undefined) return seconds * 1000;
  // An HTTP date names a weekday or month; Date.parse alone would also accept "-5" as a year.
  const date = /[A-Za-z]/.test(retryAfter) ? Date.parse(retryAfter) : Number.NaN;
  // A date in the past means "now"; that is still a hint (retry immediately), not an absent one.
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function parseNonNegativeNumber(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  // Number('') is 0 and parseFloat('1abc') is 1: accept only a plain decimal number.
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined;
  return Number(trimmed);
}
