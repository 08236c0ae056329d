/**
 * Spaces out a streaming answer's renders when one gets expensive. A render re-parses, sanitises and
 * morphs the open tail, so its cost grows with the tail: a few hundred microseconds for the blocks a
 * model usually writes, but tens of milliseconds once the tail is one huge block (a table of a
 * thousand rows, a list of two thousand items, a paragraph of 100 KB), which stays open until it
 * ends. Rendering that every frame would hold the main thread for the whole stream, and the panel
 * would stop answering to scrolling and typing. Past `PACE_ABOVE_MS`, the next render waits
 * `IDLE_PER_RENDER` times as long as this one took: renders then take at most a third of the time,
 * and the answer still follows the stream, only in larger steps.
 */

/** A render that took longer than this (ms) spaces out the next one. */
export const PACE_ABOVE_MS = 12;

/** After an expensive render, the time left to the rest of the page, per unit of render time. */
export const IDLE_PER_RENDER = 2;

export class RenderPacer {
  /** No render before this time (ms, the clock `record` was given). */
  private notBefore = Number.NEGATIVE_INFINITY;

  /** Whether a render may run at `now`. */
  ready(now: number): boolean {
    return now >= this.notBefore;
  }

  /** Records a render that ran from `start` to `end`. */
  record(start: number, end: number): void {
    const cost = end - start;
    this.notBefore = cost > PACE_ABOVE_MS ? end + cost * IDLE_PER_RENDER : Number.NEGATIVE_INFINITY;
  }
}
