/**
 * One turn of the conversation: the prompt, the collapsed reasoning, the streamed answer with its
 * Sources, a status line (streaming, tool activity, retry countdown, how it ended) and a footer with
 * model, tokens and time. Messages only record state; `render()` (once per frame) touches the DOM.
 */
import type { MarkdownIt } from 'markdown-it';
import { locateAnnotatedCitation } from '../core/markdown/annotationPosition';
import { listSources, type SourceAnnotation } from '../core/markdown/citationSources';
import type { HostMessage } from '../core/panelProtocol';
import { withoutCodeBlockIds } from './codeBlockSources';
import type { CodeBlocks } from './codeBlocks';
import { button, h, setHidden } from './dom';
import { buildErrorView, type ErrorViewHandle } from './errorView';
import type { ErrorAction } from './format';
import { MarkdownView } from './markdownView';
import { buildPromptHeader } from './promptHeader';
import { RenderPacer } from './renderPacer';
import { SourcesView } from './sourcesView';
import { toolActivityLog, turnFooterFacts, turnStatusLine, type PendingRetry } from './turnStatus';

type Message<T extends HostMessage['type']> = Extract<HostMessage, { type: T }>;
export type TurnStarted = Message<'turnStarted'>;
type TurnEnded = Message<'turnEnded'>;
type ToolActivity = Message<'toolActivity'>;
type Citation = Message<'citation'>;
/** Messages addressed to an existing turn. */
export type TurnMessage = Message<'textDelta' | 'citation' | 'reasoningDelta' | 'toolActivity' | 'retrying' | 'turnEnded'>;

export interface TurnHost {
  /** Ask for a render on the next animation frame. */
  requestRender(): void;
  onErrorAction(action: ErrorAction): void;
  /** Regenerate this (latest) answer. */
  onRegenerate(): void;
  /** Toolbars and highlighting for the answer's code blocks. */
  readonly codeBlocks: CodeBlocks;
}

/** An annotation, with the URL of the inline citation its offsets point at (when they do). */
interface TrackedCitation {
  message: Citation;
  locatedUrl?: string;
}

export class TurnView {
  readonly element: HTMLElement;
  private readonly answer: MarkdownView;
  private readonly sources = new SourcesView();
  private readonly answerPacer = new RenderPacer();
  private readonly reasoning: HTMLDetailsElement;
  private readonly reasoningBody: HTMLElement;
  private readonly status: HTMLElement;
  private readonly statusText: HTMLElement;
  private readonly spinner: HTMLElement;
  private readonly activityLog: HTMLElement;
  private readonly footer: HTMLElement;

  private rawText = '';
  /** Whether the answer has more than whitespace: the status says "Writing…" from then on. */
  private hasText = false;
  /** The status line and activity log need re-rendering (most frames only add text, which leaves them be). */
  private statusChanged = true;
  private reasoningText = '';
  private pendingReasoning = '';
  private readonly citations: TrackedCitation[] = [];
  private citationsChanged = false;
  /** The inline citations the Sources list was last built from: rebuilding it parses every URL. */
  private listedCitedUrls = '';
  private readonly tools = new Map<string, ToolActivity>();
  private retry?: PendingRetry;
  private ended?: TurnEnded;
  private endedAtMs = 0;
  private endShown = false;
  private errorView?: ErrorViewHandle;
  private ticker?: number;
  private codeBlockCount = 0;
  private readonly regenerateButton: HTMLButtonElement;
  private latest = false;

  constructor(
    readonly started: TurnStarted,
    md: MarkdownIt,
    private readonly host: TurnHost,
  ) {
    const answerElement = h('div', { class: 'answer markdown-body', attrs: { 'aria-live': 'polite', 'aria-busy': 'true', 'aria-label': 'Answer' } });
    this.answer = new MarkdownView(answerElement, md, {
      decorate: (fragment, settled) => {
        this.sources.decorateChips(fragment);
        host.codeBlocks.decorate(fragment, settled, () => ++this.codeBlockCount);
      },
      comparableHtml: withoutCodeBlockIds,
    });
    this.reasoningBody = h('div', { class: 'reasoning-text' });
    this.reasoning = h('details', { class: 'reasoning', attrs: { hidden: true } }, h('summary', { text: 'Reasoning' }), this.reasoningBody);
    this.statusText = h('span', { class: 'status-text' });
    this.spinner = h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } });
    this.status = h('div', { class: 'turn-status', attrs: { role: 'status' } }, this.spinner, this.statusText);
    this.activityLog = h('div', { class: 'turn-activity', attrs: { hidden: true } });
    this.footer = h('footer', { class: 'turn-meta', attrs: { hidden: true } });
    this.regenerateButton = button('Regenerate', () => this.host.onRegenerate(), {
      class: 'regenerate-button',
      attrs: { hidden: true, title: 'Ask Grok for a new answer to this question (replaces this answer)' },
    }, 'refresh');
    this.element = h(
      'article',
      { class: 'turn', attrs: { 'data-turn-id': started.turnId, 'data-status': 'streaming', 'aria-label': started.prompt.action } },
      buildPromptHeader(started.prompt),
      this.activityLog,
      this.reasoning,
      answerElement,
      // Below the answer, moved down by every line it gains while it streams (a layer of its own then).
      h('div', { class: 'turn-after-answer' }, this.sources.element, this.status, h('div', { class: 'turn-footer' }, this.footer, this.regenerateButton)),
    );
  }

  get id(): string {
    return this.started.turnId;
  }

  get isStreaming(): boolean {
    return this.ended === undefined;
  }

  apply(message: TurnMessage): void {
    if (this.ended && message.type !== 'citation') return; // late stream traffic for a finished turn
    switch (message.type) {
      case 'textDelta':
        this.rawText += message.text;
        this.answer.append(message.text);
        if (!this.hasText && message.text.trim() !== '') {
          this.hasText = true;
          this.statusChanged = true;
        }
        if (this.retry) this.statusChanged = true;
        this.retry = undefined;
        break;
      case 'citation':
        // Located once on arrival (xAI sends annotations after the text) and once more at the end.
        this.citations.push({ message, locatedUrl: this.locate(message) });
        this.citationsChanged = true;
        break;
      case 'reasoningDelta':
        this.reasoningText += message.text;
        this.pendingReasoning += message.text;
        break;
      case 'toolActivity': {
        // Progress events carry no query; keep the one the tool item announced.
        const query = message.query ?? this.tools.get(message.itemId)?.query;
        this.tools.set(message.itemId, query === undefined ? message : { ...message, query });
        break;
      }
      case 'retrying':
        this.retry = { untilMs: Date.now() + message.delayMs, attempt: message.attempt, maxAttempts: message.maxAttempts, reason: message.reason };
        this.startTicking();
        break;
      case 'turnEnded':
        this.ended = message;
        this.endedAtMs = Date.now();
        this.retry = undefined;
        for (const tracked of this.citations) tracked.locatedUrl ??= this.locate(tracked.message);
        this.citationsChanged = this.citations.length > 0;
        break;
    }
    if (message.type !== 'textDelta' && message.type !== 'citation') this.statusChanged = true;
    this.host.requestRender();
  }

  /** Applies everything received since the last frame to the DOM. */
  render(): void {
    const ending = this.ended !== undefined && !this.endShown;
    const final = this.ended !== undefined;
    const start = performance.now();
    if (final || this.answerPacer.ready(start)) {
      // Text added to the tail cannot add, drop or move a citation chip: the Sources list stands.
      const change = this.answer.render(final);
      this.answerPacer.record(start, performance.now());
      if (change === 'nodes' || ending || this.citationsChanged) this.renderSources();
    } else {
      this.host.requestRender(); // the answer waits for a later frame; the rest renders now
    }
    if (this.pendingReasoning) {
      this.reasoningBody.append(this.pendingReasoning);
      this.pendingReasoning = '';
      setHidden(this.reasoning, false);
    }
    if (this.ended && !this.endShown) this.renderEnd(this.ended);
    if (this.statusChanged) {
      this.statusChanged = false;
      this.renderActivityLog();
      this.renderStatus();
    }
  }

  /** The turn as the host messages that rebuild it (for the webview's saved state). */
  snapshot(): HostMessage[] {
    const id = this.id;
    const messages: HostMessage[] = [this.started];
    if (this.reasoningText) messages.push({ type: 'reasoningDelta', turnId: id, text: this.reasoningText });
    if (this.rawText) messages.push({ type: 'textDelta', turnId: id, text: this.rawText });
    messages.push(...this.citations.map((c) => c.message), ...this.tools.values());
    if (this.ended) messages.push(this.ended);
    return messages;
  }

  /**
   * Whether this is the conversation's latest turn with nothing streaming: only then can its answer
   * be regenerated (the host re-runs the latest user turn only).
   */
  setLatest(latest: boolean): void {
    if (latest === this.latest) return;
    this.latest = latest;
    this.updateRegenerate();
  }

  dispose(): void {
    this.stopTicking();
  }

  /** Offered on the latest finished answer; an error offers Retry in its own block instead. */
  private updateRegenerate(): void {
    this.regenerateButton.hidden = !(this.latest && this.endShown && this.ended?.status !== 'error');
    this.errorView?.setRetryAvailable(this.latest);
  }

  private renderSources(): void {
    const cited = this.answer.citedUrls();
    const citedKey = cited.map(({ number, url }) => `${number} ${url}`).join('\n');
    // Most frames only extend the text: the list stands unless a citation came, went or moved.
    if (!this.citationsChanged && citedKey === this.listedCitedUrls) return;
    this.listedCitedUrls = citedKey;
    this.citationsChanged = false;
    const annotations: SourceAnnotation[] = this.citations.map(({ message, locatedUrl }) => ({
      url: locatedUrl ?? message.citation.url,
      title: message.citation.title,
    }));
    const labelsChanged = this.sources.update(listSources(cited, annotations));
    if (labelsChanged) this.sources.decorateChips(this.answer.element);
  }

  private locate(message: Citation): string | undefined {
    return locateAnnotatedCitation(this.rawText, message.citation)?.url;
  }

  private renderActivityLog(): void {
    const text = toolActivityLog(this.tools.values());
    if (this.activityLog.textContent !== text) this.activityLog.textContent = text;
    setHidden(this.activityLog, text === '');
  }

  private renderStatus(): void {
    const now = Date.now();
    const { text, counting, waiting } = turnStatusLine(
      { ended: this.ended, retry: this.retry, tools: this.tools.values(), hasText: this.hasText, hasReasoning: this.reasoningText !== '' },
      now,
    );
    if (this.statusText.textContent !== text) this.statusText.textContent = text;
    setHidden(this.status, text === '');
    setHidden(this.spinner, !waiting);
    const errorCounting = this.errorView?.tick(now) ?? false;
    if (!counting && !errorCounting) this.stopTicking();
  }

  private renderEnd(ended: TurnEnded): void {
    this.endShown = true;
    this.element.dataset.status = ended.status;
    this.answer.element.setAttribute('aria-busy', 'false');
    if (this.answer.isEmpty) this.answer.element.hidden = true;
    if (ended.status === 'error') {
      const error = ended.error ?? { kind: 'unknown', message: 'The answer failed.', actions: ['retry' as const] };
      this.errorView = buildErrorView(error, this.endedAtMs, (action) => this.host.onErrorAction(action));
      this.status.before(this.errorView.element);
      if (this.errorView.tick(Date.now())) this.startTicking();
      this.errorView.setRetryAvailable(this.latest);
    }
    this.footer.replaceChildren(
      ...turnFooterFacts(this.started.model, ended).map((fact, i) =>
        h('span', { class: i > 0 ? 'turn-fact-continued' : undefined, text: fact.text, attrs: { title: fact.title } }),
      ),
    );
    this.footer.hidden = false;
    this.updateRegenerate();
  }

  private startTicking(): void {
    this.ticker ??= window.setInterval(() => {
      this.statusChanged = true;
      this.host.requestRender();
    }, 1000);
  }

  private stopTicking(): void {
    if (this.ticker === undefined) return;
    window.clearInterval(this.ticker);
    this.ticker = undefined;
  }
}
