/** An error inside the conversation: what happened, the server's words, and the buttons that fix it. */
import type { HostMessage } from '../core/panelProtocol';
import { button, h } from './dom';
import { errorActionLabel, secondsLeft, type ErrorAction } from './format';

export type TurnError = NonNullable<Extract<HostMessage, { type: 'turnEnded' }>['error']>;

export interface ErrorViewHandle {
  element: HTMLElement;
  /** Refreshes the "try again in N s" countdown; returns true while it is still counting. */
  tick(nowMs: number): boolean;
  /** Retry re-runs the latest turn only: an older turn's error hides its Retry button. */
  setRetryAvailable(available: boolean): void;
}

export function buildErrorView(error: TurnError, receivedAtMs: number, onAction: (action: ErrorAction) => void): ErrorViewHandle {
  const element = h('div', { class: 'turn-error', attrs: { role: 'alert' } }, h('p', { class: 'error-message', text: error.message }));
  const facts = [
    error.detail,
    error.status !== undefined ? `HTTP status ${error.status}` : undefined,
    error.toolName ? `Tool: ${error.toolName}` : undefined,
    error.requestId ? `Request ID: ${error.requestId}` : undefined,
  ].filter((fact): fact is string => Boolean(fact));
  if (facts.length) {
    element.append(h('details', { class: 'error-details' }, h('summary', { text: 'Details' }), h('pre', { text: facts.join('\n') })));
  }
  const countdown = h('p', { class: 'error-countdown', attrs: { hidden: true } });
  element.append(countdown);
  const actions = [...new Set(error.actions)];
  // The first action is the one that fixes it; the rest are secondary.
  const buttons = actions.map((action, i) =>
    button(errorActionLabel(action), () => onAction(action), { class: i > 0 ? 'secondary-button' : undefined, attrs: { 'data-action': action } }),
  );
  if (buttons.length) element.append(h('div', { class: 'error-actions' }, ...buttons));
  const retryButton = buttons[actions.indexOf('retry')] as HTMLButtonElement | undefined;
  const retryLabel = retryButton?.querySelector('span:last-child');
  let retryAvailable = true;
  const retryAt = error.retryAfterMs !== undefined ? receivedAtMs + error.retryAfterMs : undefined;
  const tick = (nowMs: number): boolean => {
    if (retryAt === undefined) return false;
    const left = secondsLeft(retryAt, nowMs);
    countdown.hidden = left === 0;
    countdown.textContent = left > 0 ? `You can try again in ${left} s.` : '';
    // Rate limited: Retry waits out the server's delay rather than earn another 429.
    if (retryButton && retryLabel) {
      retryButton.disabled = left > 0;
      retryLabel.textContent = left > 0 ? `Retry in ${left} s` : errorActionLabel('retry');
    }
    return left > 0;
  };
  tick(receivedAtMs);
  const setRetryAvailable = (available: boolean): void => {
    if (!retryButton || available === retryAvailable) return;
    retryAvailable = available;
    retryButton.hidden = !available;
  };
  return { element, tick, setRetryAvailable };
}
