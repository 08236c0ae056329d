/**
 * The follow-up box: Enter sends, Shift+Enter adds a line; disabled while an answer streams, when
 * Stop takes the place of Send.
 */
import type { WebviewMessage } from '../core/panelProtocol';
import { button, h } from './dom';

/** The protocol's limit on a follow-up. */
const MAX_FOLLOW_UP_CHARS = 100_000;

export class Composer {
  readonly element: HTMLElement;
  private readonly input: HTMLTextAreaElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly stopButton: HTMLButtonElement;
  private readonly notice: HTMLElement;
  private streaming = false;
  private hadFocus = false;

  constructor(private readonly post: (message: WebviewMessage) => void) {
    this.input = h('textarea', {
      class: 'composer-input',
      attrs: { rows: 2, 'aria-label': 'Follow-up question', placeholder: 'Ask a follow-up (Enter to send, Shift+Enter for a new line)' },
    });
    this.input.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
      event.preventDefault();
      this.submit();
    });
    this.input.addEventListener('input', () => this.showNotice(''));
    this.sendButton = button('Send', () => this.submit(), { class: 'send-button', attrs: { title: 'Send (Enter)' } }, 'send');
    this.stopButton = button('Stop', () => this.post({ type: 'stop' }), { class: 'stop-button', attrs: { hidden: true, title: 'Stop the answer' } }, 'debug-stop');
    this.notice = h('p', { class: 'composer-notice', attrs: { role: 'alert', hidden: true } });
    this.element = h(
      'div',
      { class: 'composer' },
      this.notice,
      h('div', { class: 'composer-row' }, this.input, h('div', { class: 'composer-actions' }, this.sendButton, this.stopButton)),
    );
  }

  setStreaming(streaming: boolean): void {
    if (streaming === this.streaming) return;
    this.streaming = streaming;
    if (streaming) this.hadFocus = document.activeElement === this.input;
    this.input.disabled = streaming;
    this.sendButton.hidden = streaming;
    this.stopButton.hidden = !streaming;
    if (!streaming && this.hadFocus) this.input.focus();
  }

  private submit(): void {
    if (this.streaming) return;
    const text = this.input.value.trim();
    if (text === '') return;
    if (text.length > MAX_FOLLOW_UP_CHARS) {
      this.showNotice(`That is too long to send (${text.length.toLocaleString('en-US')} characters; the limit is ${MAX_FOLLOW_UP_CHARS.toLocaleString('en-US')}).`);
      return;
    }
    this.post({ type: 'followUp', text });
    this.input.value = '';
  }

  private showNotice(text: string): void {
    this.notice.textContent = text;
    this.notice.hidden = text === '';
  }
}
