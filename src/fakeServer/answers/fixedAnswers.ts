/**
 * The fake server's canned answers. They carry the things clients trip over: markdown structure,
 * non-ASCII and non-BMP characters (multi-byte UTF-8, surrogate pairs), nested fences, URLs with parentheses.
 */

export const PLAIN_ANSWER = `## What this code does

\`parseConfig()\` reads the settings file, validates it and returns a frozen object — café-grade défaults included 🚀.

### Flow
1. Read the file with \`fs.readFile\` (UTF-8).
2. Parse it as JSON; a syntax error becomes a \`ConfigError\` with the line number.
3. Merge it over \`DEFAULTS\` → the caller never sees a missing key.

### Pitfalls
- The cache is keyed by path, so two spellings of the same file (\`./a.json\`, \`a.json\`) are read twice.
- Errors thrown by \`validate()\` lose the original stack.

**In short:** a small, mostly safe loader; normalise the path before caching.
`;

export const CODE_ANSWER = `Here is the fix in TypeScript, with the same idea in Python and the shell command to check it.

\`\`\`ts
export function clamp(value: number, min: number, max: number): number {
  if (min > max) throw new RangeError(\`min (\${min}) > max (\${max})\`);
  return Math.min(max, Math.max(min, value));
}
\`\`\`

The Python version keeps the same contract:

\`\`\`python
def clamp(value: float, lo: float, hi: float) -> float:
    """Limit value to [lo, hi]; raises ValueError if lo > hi."""
    if lo > hi:
        raise ValueError(f"lo ({lo}) > hi ({hi})")
    return min(hi, max(lo, value))
\`\`\`

Run the tests:

\`\`\`
npm test -- --grep clamp
\`\`\`

And a README snippet that itself contains a fence (note the longer outer fence):

\`\`\`\`markdown
Use it like this:

\`\`\`ts
clamp(15, 0, 10); // → 10
\`\`\`
\`\`\`\`

That covers the edge case where \`min > max\` — it now fails loudly instead of returning \`max\`.
`;

/** `{{N}}` marks a citation of CITATION_SOURCES[N-1] (see citedText.ts). */
export const CITATIONS_TEMPLATE = `## xAI in brief

xAI is an artificial intelligence company founded in March 2023 🚀{{1}}. Its Grok models are offered to developers through an API that follows the Responses format{{2}}.

- **History:** the encyclopedia entry covers the founding team and later corporate changes{{3}}.
- **Mission:** to "understand the universe" 🌌, as the company page repeats{{1}}.
- **Models:** Grok comes in several sizes, with coding and reasoning variants{{4}}.

Sources disagree on some dates, so check the primary pages 🔎{{2}}{{3}}.
`;

export const CITATION_SOURCES = [
  'https://x.ai/company',
  'https://docs.x.ai/docs/overview',
  'https://en.wikipedia.org/wiki/XAI_(company)',
  'https://x.ai/news/grok?ref=a&b=1',
] as const;

export const CITATIONS_QUERY = 'xAI company overview';

export const REASONING_SUMMARY = `**Reading the selection**

The user wants to know what the function does. It parses a config file and caches the result; the cache key is the raw path, which is worth pointing out. I'll describe the flow first, then the pitfalls.`;

export const PARTIAL_ANSWER = `The function walks the list once and keeps a running total, so it runs in linear time — but it stops early when`;

export const SLOW_ANSWER = `Streaming slowly so you can press **Stop**. Each delta is only a few characters long and arrives after a short pause, the way a busy model sounds when it thinks aloud.

1. First, the request is validated.
2. Then the answer starts to stream — one small piece at a time.
3. If you cancel now, everything received so far should stay on screen, marked as stopped.

Still here? The stream keeps going for about three seconds in total, which is long enough for a person or a test to cancel it halfway through. Nearly done… and finished.
`;
