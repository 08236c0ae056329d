/**
 * Seeded randomness for streaming tests, shared by the Node and browser tests: the same seed cuts a
 * text into the same chunks, so a failure reproduces.
 */

/** A linear congruential generator: numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `text` cut into chunks of 1 to `maxSize` UTF-16 units (surrogate pairs may be split), drawn from `next`. */
export function randomChunks(text: string, next: () => number, maxSize: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; ) {
    const size = 1 + Math.floor(next() * maxSize);
    chunks.push(text.slice(i, i + size));
    i += size;
  }
  return chunks;
}
