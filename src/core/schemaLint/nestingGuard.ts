/**
 * Refuses pathologically nested text before any parser sees it: the recursive parsers overflow the stack
 * (jsonc-parser near 8,000 levels) or exhaust memory (`yaml` near 20,000), which would take the extension
 * host down with them. Real tool files nest a few dozen levels; brackets inside strings count too, which
 * can only make the guard stricter.
 */
export const MAX_NESTING = 512;

export function exceedsNesting(text: string, limit = MAX_NESTING): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // { [ (  and  } ] )
    if (code === 123 || code === 91 || code === 40) {
      if (++depth > limit) return true;
    } else if ((code === 125 || code === 93 || code === 41) && depth > 0) {
      depth--;
    }
  }
  return false;
}
