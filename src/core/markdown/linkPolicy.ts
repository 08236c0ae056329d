/**
 * Which URLs model output may link to or load. The panel never navigates itself: links are posted to
 * the host, which opens only http(s) externally. Images load straight from the network, so https only.
 */

function schemeOf(url: string): string | undefined {
  try {
    // The WHATWG parser is the one the browser would use, so tab/newline/whitespace tricks such as
    // "java\tscript:" are judged exactly as they would be followed.
    return new URL(url).protocol;
  } catch {
    return undefined; // relative or malformed: nothing a webview could meaningfully open
  }
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
