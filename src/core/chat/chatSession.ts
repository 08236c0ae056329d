import type { HostMessage, PromptSummary, TurnStatus } from '../panelProtocol';
import type { GrokError, GrokRequest, GrokStreamEvent, InputMessage, ResponseOutcome } from '../responses/types';
import type { ConversationSnapshot } from './savedConversation';

/** Sends one request; in the extension this is `streamResponse` bound to the current settings and key. */
export type StreamFn = (request: GrokRequest, signal: AbortSignal) => AsyncIterable<GrokStreamEvent>;

export interface ChatSessionDeps {
  stream: StreamFn;
  /** Where panel messages go (the panel host coalesces and records them). */
  post: (message: HostMessage) => void;
  model: () => string;
  webSearch: () => boolean;
  now?: () => number;
  newTurnId?: () => string;
}

export interface TurnResult {
  turnId: string;
  status: TurnStatus;
  text: string;
  error?: GrokError;
}

/** A conversation as the API sees it: the stored-response id to continue from, and the history as a fallback. */
interface ConversationState {
  history: InputMessage[];
  previousResponseId?: string;
}

/**
 * One chat conversation: runs turns, forwards their events to the panel, keeps what is needed to
 * continue (previous_response_id, falling back to resending history), and stops the running turn.
 * Pure: it knows nothing of VS Code.
 */
export class ChatSession {
  private state: ConversationState = { history: [] };
  private running: { turnId: string; abort: AbortController; done: Promise<TurnResult> } | undefined;
  private turnCounter = 0;

  constructor(private readonly deps: ChatSessionDeps) {}

  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Starts a new conversation thread with these messages (an editor action). A running turn is stopped first. */
  async startConversation(messages: InputMessage[], prompt: PromptSummary): Promise<TurnResult> {
    await this.stopAndWait();
    this.state = { history: [] };
    return this.runTurn(messages, prompt);
  }

  /** Continues the current conversation with a user message. */
  async followUp(messages: InputMessage[], prompt: PromptSummary): Promise<TurnResult> {
    await this.stopAndWait();
    return this.runTurn(messages, prompt);
  }

  /** True when there is a latest user turn to run again and nothing is running. */
  canRetry(): boolean {
    return this.lastUserTurn !== undefined && !this.busy;
  }

  /** The id of the latest turn (the only one Retry / Regenerate can re-run), if any. */
  get lastTurnId(): string | undefined {
    return this.lastUserTurn?.turnId;
  }

  /**
   * Retry after an error, or Regenerate an answer: runs the latest user turn again, in place (same
   * turn id, so the panel replaces the old answer), from the conversation as it was before that turn,
   * so neither the old answer nor its question is sent twice.
   */
  async retry(): Promise<TurnResult | undefined> {
    const last = this.lastUserTurn;
    if (!last) return undefined;
    await this.stopAndWait();
    this.state = last.stateBefore;
    return this.runTurn(last.messages, last.prompt, last.turnId);
  }

  /** Stops the running turn, keeping its partial answer. Returns false when nothing was running. */
  stop(): boolean {
    if (!this.running) return false;
    this.running.abort.abort();
    return true;
  }

  /** What continues this conversation after a reload (see savedConversation.ts). */
  snapshot(): ConversationSnapshot {
    const last = this.lastUserTurn;
    return {
      history: this.state.history,
      ...(this.state.previousResponseId ? { previousResponseId: this.state.previousResponseId } : {}),
      ...(last ? { lastTurn: { turnId: last.turnId, messages: last.messages, prompt: last.prompt, stateBefore: last.stateBefore } } : {}),
    };
  }

  /** Continues a conversation saved by `snapshot()` (before a reload). Ignored while a turn runs. */
  restore(snapshot: ConversationSnapshot): void {
    if (this.busy) return;
    this.state = { history: snapshot.history, ...(snapshot.previousResponseId ? { previousResponseId: snapshot.previousResponseId } : {}) };
    this.lastUserTurn = snapshot.lastTurn;
  }

  clear(): void {
    this.stop();
    this.state = { history: [] };
    this.lastUserTurn = undefined;
    this.deps.post({ type: 'cleared' });
  }

  /** The latest user turn, with the conversation as it stood before it (what Retry / Regenerate restart from). */
  private lastUserTurn: { messages: InputMessage[]; prompt: PromptSummary; turnId: string; stateBefore: ConversationState } | undefined;

  private async stopAndWait(): Promise<void> {
    const running = this.running;
    if (!running) return;
    running.abort.abort();
    await running.done;
  }

  private runTurn(messages: InputMessage[], prompt: PromptSummary, reuseTurnId?: string): Promise<TurnResult> {
    const now = this.deps.now ?? Date.now;
    const turnId = reuseTurnId ?? this.deps.newTurnId?.() ?? `turn-${now().toString(36)}-${++this.turnCounter}`;
    const abort = new AbortController();
    this.lastUserTurn = { messages, prompt, turnId, stateBefore: this.state };
    const done = this.execute(turnId, messages, prompt, abort.signal, now).finally(() => {
      if (this.running?.turnId === turnId) this.running = undefined;
    });
    this.running = { turnId, abort, done };
    return done;
  }

  private async execute(
    turnId: string,
    messages: InputMessage[],
    prompt: PromptSummary,
    signal: AbortSignal,
    now: () => number,
  ): Promise<TurnResult> {
    const startedAt = now();
    const post = this.deps.post;
    post({ type: 'turnStarted', turnId, prompt, model: this.deps.model(), startedAt });

    const base = { input: messages, webSearch: this.deps.webSearch() };
    let request: GrokRequest = this.state.previousResponseId
      ? { ...base, previousResponseId: this.state.previousResponseId }
      : { ...base, input: [...this.state.history, ...messages] };

    let end = await this.consume(turnId, request, signal);
    if (request.previousResponseId && end.text === '' && isLostPreviousResponse(end.outcome)) {
      // The server no longer has the stored response (expired after 30 days, or store was off): resend history.
      request = { ...base, input: [...this.state.history, ...messages] };
      end = await this.consume(turnId, request, signal);
    }

    const { outcome, text } = end;
    if (outcome.status === 'completed' || (outcome.status === 'incomplete' && text !== '')) {
      this.state = {
        history: [...this.state.history, ...messages, { role: 'assistant', content: text }],
        previousResponseId: end.responseId,
      };
    } else if (text !== '') {
      // Stopped or failed part-way: keep the partial answer in the history, but the server-side
      // response may not be stored completely, so continue by resending history.
      this.state = { history: [...this.state.history, ...messages, { role: 'assistant', content: text }] };
    }

    post({
      type: 'turnEnded',
      turnId,
      status: outcome.status,
      ...(outcome.status === 'incomplete' ? { reason: outcome.reason } : {}),
      ...(outcome.status === 'error' ? { error: outcome.error } : {}),
      ...('usage' in outcome && outcome.usage ? { usage: outcome.usage } : {}),
      elapsedMs: now() - startedAt,
    });
    return { turnId, status: outcome.status, text, ...(outcome.status === 'error' ? { error: outcome.error } : {}) };
  }

  private async consume(
    turnId: string,
    request: GrokRequest,
    signal: AbortSignal,
  ): Promise<{ outcome: ResponseOutcome; text: string; responseId?: string }> {
    const post = this.deps.post;
    let responseId: string | undefined;
    for await (const event of this.deps.stream(request, signal)) {
      switch (event.kind) {
        case 'created':
          responseId = event.responseId;
          break;
        case 'text-delta':
          post({ type: 'textDelta', turnId, text: event.delta });
          break;
        case 'citation':
          post({ type: 'citation', turnId, citation: event.citation });
          break;
        case 'reasoning-delta':
          post({ type: 'reasoningDelta', turnId, text: event.delta });
          break;
        case 'tool-activity':
          post({ type: 'toolActivity', turnId, ...event.activity });
          break;
        case 'retrying':
          post({
            type: 'retrying',
            turnId,
            attempt: event.attempt,
            maxAttempts: event.maxAttempts,
            delayMs: event.delayMs,
            reason: event.reason.message,
          });
          break;
        case 'end':
          return { outcome: event.outcome, text: event.text, responseId: event.responseId ?? responseId };
      }
    }
    // The client contract says a stream always ends with `end`; if one does not, say so rather than hang.
    return {
      outcome: { status: 'error', error: { kind: 'interrupted', message: 'The response ended unexpectedly.', actions: ['retry'] } },
      text: '',
      responseId,
    };
  }
}

function isLostPreviousResponse(outcome: ResponseOutcome): boolean {
  if (outcome.status !== 'error') return false;
  const { status, detail = '', message } = outcome.error;
  const text = `${detail} ${message}`;
  return (status === 404 || status === 400) && /previous[_ ]response|response.*(not found|expired|does not exist)/i.test(text);
}
