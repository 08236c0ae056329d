/**
 * Which URLs model output may link to or load. The panel never navigates itself: links are posted to
 * the host, which opens only http(s) externally. Images load straight from the network, so https only.
 */

/** Recent answers of `schemeOf`: the streaming tail is re-rendered every frame, with the same links. */
const schemes = new Map<string, string | undefined>();
const SCHEME_CACHE_SIZE = 512;

function schemeOf(url: string): string | undefined {
  if (schemes.has(url)) return schemes.get(url);
  let scheme: string | undefined;
  try {
    // The WHATWG parser is the one the browser would use, so tab/newline/whitespace tricks such as
    // "java\tscript:" are judged exactly as they would be followed.
    scheme = new URL(url).protocol;
  } catch {
    scheme = undefined; // relative or malformed: nothing a webview could meaningfully open
  }
  if (schemes.size >= SCHEME_CACHE_SIZE) schemes.clear();
  schemes.set(url, scheme);
  return scheme;
}

/** True for absolute `http:`/`https:` URLs: the only links the panel offers to open. */
export function isSafeLinkUrl(url: string): boolean {
  const scheme = schemeOf(url);
  return scheme === 'http:' || scheme === 'https:';
}

/** True for absolute `https:` URLs: the only images the panel displays. */
export function isSafeImageUrl(url: string): boolean {
  return schemeOf(url) === 'https:';
}
