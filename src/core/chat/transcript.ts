import type { HostMessage } from '../panelProtocol';

/**
 * The messages that rebuild the panel from scratch: replayed when a webview (re)loads, and saved per
 * workspace. Consecutive deltas of a turn are merged, so a long answer costs one entry, not thousands.
 * Bounded: the oldest turns are dropped first.
 */
export class Transcript {
  private messages: HostMessage[] = [];

  constructor(private readonly maxTurns = 50) {}

  append(message: HostMessage): void {
    if (message.type === 'cleared') {
      this.messages = [];
      return;
    }
    if (message.type === 'config') return; // sent fresh on every ready
    if (message.type === 'turnStarted' && this.messages.some((m) => m.type === 'turnStarted' && m.turnId === message.turnId)) {
      // A turn run again in place (Retry / Regenerate): the new run replaces the old one.
      this.messages = this.messages.filter((m) => !('turnId' in m) || m.turnId !== message.turnId);
    }
    const last = this.messages[this.messages.length - 1];
    if (
      last &&
      (message.type === 'textDelta' || message.type === 'reasoningDelta') &&
      last.type === message.type &&
      last.turnId === message.turnId
    ) {
      this.messages[this.messages.length - 1] = { ...last, text: last.text + message.text };
      return;
    }
    this.messages.push(message);
    this.trim();
  }

  snapshot(): readonly HostMessage[] {
    return this.messages;
  }

  restore(messages: readonly HostMessage[]): void {
    this.messages = [...messages];
    this.trim();
  }

  private trim(): void {
    const starts = this.messages.flatMap((m, i) => (m.type === 'turnStarted' ? [i] : []));
    if (starts.length <= this.maxTurns) return;
    this.messages = this.messages.slice(starts[starts.length - this.maxTurns]);
  }
}
