/**
 * The one gate for links that model output asks us to open: only absolute http(s) URLs with a host.
 * `command:`, `file:`, `javascript:`, `data:`, `vscode:` and everything else are refused.
 */
export function isSafeExternalUrl(raw: string): boolean {
  if (typeof raw !== 'string' || raw.length > 8192) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
}
