/**
 * Keeps API keys out of anything a person or a log may see. Server texts and proxy error pages can echo
 * a key back, so every error message and detail passes through here, whatever its source.
 */

/** Shapes of bearer secrets, redacted even when we do not know the key itself. */
const SECRET_PATTERNS: readonly RegExp[] = [
  /\bxai-[A-Za-z0-9_-]{8,}/g, // xAI keys
  /\bsk-[A-Za-z0-9_-]{8,}/g, // OpenAI-style keys (proxies and compatible servers)
  /\b(Bearer\s+)[A-Za-z0-9._~+/=-]{6,}/gi, // an echoed Authorization header
];

/** Keys shorter than this are too likely to match ordinary words to be replaced verbatim. */
const MIN_KNOWN_SECRET_LENGTH = 6;

export const REDACTED = '[redacted]';

/** Replaces known secrets and anything shaped like a bearer key with `[redacted]`. */
export function redactSecrets(text: string, knownSecrets: readonly string[] = []): string {
  let out = text;
  for (const secret of knownSecrets) {
    if (secret.length >= MIN_KNOWN_SECRET_LENGTH) out = out.split(secret).join(REDACTED);
  }
  for (const pattern of SECRET_PATTERNS) {
    out = out.replace(pattern, (_match: string, prefix?: string) => (typeof prefix === 'string' ? prefix : '') + REDACTED);
  }
  return out;
}
