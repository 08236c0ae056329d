import type { HostMessage } from '../panelProtocol';

/**
 * Merges consecutive text/reasoning deltas of a turn so the host posts about one message per frame
 * (Roo Code's grey screens came from flooding the webview). Any other message flushes what is pending
 * first, so the webview sees the exact order the stream produced.
 */
export class DeltaCoalescer {
  private pending: Extract<HostMessage, { type: 'textDelta' | 'reasoningDelta' }>[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly deliver: (message: HostMessage) => void,
    private readonly frameMs = 16,
  ) {}

  post(message: HostMessage): void {
    if (message.type === 'textDelta' || message.type === 'reasoningDelta') {
      const last = this.pending[this.pending.length - 1];
      if (last && last.type === message.type && last.turnId === message.turnId) {
        last.text += message.text;
      } else {
        this.pending.push({ ...message });
      }
      this.timer ??= setTimeout(() => this.flush(), this.frameMs);
      return;
    }
    this.flush();
    this.deliver(message);
  }

  flush(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const batch = this.pending;
    this.pending = [];
    for (const message of batch) this.deliver(message);
  }

  dispose(): void {
    this.flush();
  }
}
