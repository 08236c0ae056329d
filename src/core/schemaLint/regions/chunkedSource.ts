/**
 * A source file cut into chunks of whole top-level statements, with the names each chunk uses and mentions:
 * what the region selection needs to parse only the statements that can matter to the linter.
 * The language splitters (jsChunks.ts, pythonChunks.ts) fill it in one pass over their tokens.
 */

export interface ChunkedSource {
  /** Chunk `i` is `[starts[i], starts[i + 1])`, the last one ends with the text; `starts[0]` is 0. Every chunk starts at a line start. */
  readonly starts: readonly number[];
  /** Per chunk: the names it may read (identifiers that are not member names, object keys or keywords). */
  readonly references: readonly ReadonlySet<string>[];
  /** Chunks holding imports, which are always parsed (the zod import scan reads them). */
  readonly imports: ReadonlySet<number>;
  /** Per name: the chunks in which it occurs as a name token at all (declared, assigned, mutated, read), ascending. */
  readonly mentions: ReadonlyMap<string, readonly number[]>;
}

/** Collects a {@link ChunkedSource} while a splitter walks its tokens. */
export class ChunkRecorder {
  private readonly starts: number[] = [0];
  private readonly references: Set<string>[] = [new Set()];
  private readonly imports = new Set<number>();
  private readonly mentions = new Map<string, number[]>();

  /** Starts a new chunk at `offset` (a line start after the current chunk's start). */
  startChunk(offset: number): void {
    this.starts.push(offset);
    this.references.push(new Set());
  }

  /** A name token in the current chunk; `reads` when the linter may resolve it there. */
  name(name: string, reads: boolean): void {
    const chunk = this.starts.length - 1;
    let chunks = this.mentions.get(name);
    if (chunks === undefined) this.mentions.set(name, (chunks = []));
    if (chunks[chunks.length - 1] !== chunk) chunks.push(chunk);
    if (reads) this.references[chunk].add(name);
  }

  markImport(): void {
    this.imports.add(this.starts.length - 1);
  }

  finish(): ChunkedSource {
    return { starts: this.starts, references: this.references, imports: this.imports, mentions: this.mentions };
  }
}

/** The chunk holding `offset` (binary search over the chunk starts). */
export function chunkAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
