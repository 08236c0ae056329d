/**
 * Coalesces any number of change notifications into one callback per animation frame: however fast
 * deltas arrive, the DOM is updated at most once per frame.
 */
export class FrameScheduler {
  private pending = false;

  constructor(private readonly onFrame: () => void) {}

  request(): void {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.onFrame();
    });
  }
}
