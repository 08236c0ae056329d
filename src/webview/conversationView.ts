/**
 * The scrolling list of turns. Routes turn messages, batches all DOM work into one animation frame,
 * and follows the stream to the bottom until the reader scrolls up (resuming when they return).
 */
import type { MarkdownIt } from 'markdown-it';
import type { HostMessage } from '../core/panelProtocol';
import type { CodeBlocks } from './codeBlocks';
import { h, setHidden } from './dom';
import type { ErrorAction } from './format';
import { FrameScheduler } from './frameScheduler';
import { TurnView, type TurnMessage, type TurnStarted } from './turnView';

/** How close to the bottom (px) still counts as "at the bottom". */
const FOLLOW_SLACK_PX = 48;

export interface ConversationEvents {
  /** An error's button was pressed, in the turn `turnId`. */
  onErrorAction(action: ErrorAction, turnId: string): void;
  /** Regenerate was pressed on the latest answer, turn `turnId`. */
  onRegenerate(turnId: string): void;
  /** A frame was rendered (the composer follows `isStreaming`, state gets saved). */
  onRendered(): void;
}

export class ConversationView {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly emptyState: HTMLElement;
  private readonly turns = new Map<string, TurnView>();
  private readonly dirty = new Set<TurnView>();
  private readonly unmounted: TurnView[] = [];
  private readonly scheduler = new FrameScheduler(() => this.renderFrame());
  private followBottom = true;

  constructor(
    private readonly md: MarkdownIt,
    private readonly events: ConversationEvents,
    private readonly codeBlocks: CodeBlocks,
  ) {
    this.list = h('div', { class: 'turns' });
    this.emptyState = h('p', { class: 'empty-state', text: 'Select code and run a Grok command (Explain, Fix, Refactor, …), or ask a question below.' });
    this.element = h('main', { class: 'conversation', attrs: { 'aria-label': 'Conversation', tabindex: '-1' } }, this.emptyState, this.list);
    // Scroll events come at the start of a frame, before anything changes the DOM: layout is clean.
    this.element.addEventListener('scroll', () => {
      this.followBottom = this.element.scrollHeight - this.element.scrollTop - this.element.clientHeight <= FOLLOW_SLACK_PX;
    }, { passive: true });
    // Follow when the answers grow (or the view shrinks) from the resize step of the frame, which runs
    // after layout: reading scrollHeight there costs nothing, where a frame callback would force layout.
    const follow = new ResizeObserver(() => {
      if (this.followBottom) this.element.scrollTop = this.element.scrollHeight;
    });
    follow.observe(this.list);
    follow.observe(this.element);
  }

  get isStreaming(): boolean {
    for (const turn of this.turns.values()) if (turn.isStreaming) return true;
    return false;
  }

  /** A new turn, or a replay of one the panel already shows (then it starts over). */
  startTurn(message: TurnStarted): void {
    this.removeTurn(message.turnId);
    const turn = new TurnView(message, this.md, {
      requestRender: () => this.markDirty(turn),
      onErrorAction: (action) => this.events.onErrorAction(action, message.turnId),
      onRegenerate: () => this.events.onRegenerate(message.turnId),
      codeBlocks: this.codeBlocks,
    });
    this.turns.set(message.turnId, turn);
    this.unmounted.push(turn);
    this.followBottom = true; // the reader just asked: show the answer
    this.markDirty(turn);
  }

  /** Returns false when no such turn exists (the message is dropped). */
  applyToTurn(message: TurnMessage): boolean {
    const turn = this.turns.get(message.turnId);
    if (!turn) return false;
    turn.apply(message);
    return true;
  }

  clear(): void {
    for (const id of [...this.turns.keys()]) this.removeTurn(id);
    this.followBottom = true;
    this.scheduler.request();
  }

  /** Every turn as the host messages that rebuild it, oldest first. */
  snapshot(): HostMessage[][] {
    return [...this.turns.values()].map((turn) => turn.snapshot());
  }

  private removeTurn(id: string): void {
    const turn = this.turns.get(id);
    if (!turn) return;
    turn.dispose();
    turn.element.remove();
    this.turns.delete(id);
    this.dirty.delete(turn);
    const pending = this.unmounted.indexOf(turn);
    if (pending !== -1) this.unmounted.splice(pending, 1);
  }

  private markDirty(turn: TurnView): void {
    this.dirty.add(turn);
    this.scheduler.request();
  }

  private renderFrame(): void {
    for (const turn of this.unmounted.splice(0)) this.list.append(turn.element);
    // Taken before rendering: a turn that puts work off to a later frame marks itself dirty again.
    const dirty = [...this.dirty];
    this.dirty.clear();
    for (const turn of dirty) turn.render();
    this.codeBlocks.endFrame();
    this.markLatest();
    setHidden(this.emptyState, this.turns.size > 0);
    if (this.codeBlocks.hasPendingWork) this.scheduler.request();
    this.events.onRendered();
  }

  /** Only the last turn, once nothing streams, offers Regenerate / Retry. */
  private markLatest(): void {
    const streaming = this.isStreaming;
    let last: TurnView | undefined;
    for (const turn of this.turns.values()) last = turn;
    for (const turn of this.turns.values()) turn.setLatest(turn === last && !streaming);
  }
}
