/** Splits answer text into deltas the way a model streams it: by whole code points, never halving a surrogate pair. */
export function chunkText(text: string, chunkChars: number): string[] {
  const size = Math.max(1, Math.floor(chunkChars));
  const codePoints = Array.from(text);
  const chunks: string[] = [];
  for (let i = 0; i < codePoints.length; i += size) chunks.push(codePoints.slice(i, i + size).join(''));
  return chunks;
}
