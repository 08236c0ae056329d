/** What a turn's status line and footer say, as pure functions of the turn's state. */
import type { HostMessage } from '../core/panelProtocol';
import { describeIncomplete, describeToolActivity, formatElapsed, formatTokens, secondsLeft } from './format';

type TurnEnded = Extract<HostMessage, { type: 'turnEnded' }>;
type ToolActivity = Extract<HostMessage, { type: 'toolActivity' }>;

export interface PendingRetry {
  untilMs: number;
  attempt: number;
  maxAttempts: number;
  reason: string;
}

export interface TurnState {
  ended?: TurnEnded;
  retry?: PendingRetry;
  tools: Iterable<ToolActivity>;
  hasText: boolean;
  hasReasoning: boolean;
}

/**
 * The status line ('' hides it); `counting` while a retry countdown needs ticking; `waiting` while
 * nothing visible is happening yet (the spinner shows then: once text streams, the text is the sign
 * of life, and a spinner animating beside it would only cost every frame a style update).
 */
export function turnStatusLine(state: TurnState, nowMs: number): { text: string; counting: boolean; waiting: boolean } {
  if (state.ended) return { text: endedStatus(state.ended, state.hasText), counting: false, waiting: false };
  if (state.retry) {
    const left = secondsLeft(state.retry.untilMs, nowMs);
    const when = left > 0 ? `in ${left} s` : 'now';
    return { text: `${state.retry.reason} Retrying ${when} (attempt ${state.retry.attempt} of ${state.retry.maxAttempts})…`, counting: left > 0, waiting: true };
  }
  const active = [...state.tools].filter((tool) => tool.status === 'in_progress' || tool.status === 'searching');
  const latest = active[active.length - 1];
  if (latest) return { text: describeToolActivity(latest), counting: false, waiting: true };
  if (state.hasText) return { text: 'Writing…', counting: false, waiting: false };
  return { text: state.hasReasoning ? 'Thinking…' : 'Waiting for Grok…', counting: false, waiting: true };
}

function endedStatus(ended: TurnEnded, hasText: boolean): string {
  switch (ended.status) {
    case 'completed':
    case 'error': // the error block says it
      return '';
    case 'cancelled':
      return hasText ? 'Stopped. The partial answer is kept above.' : 'Stopped before Grok answered.';
    case 'incomplete':
      return describeIncomplete(ended.reason);
  }
}

/** Finished tool calls, e.g. "Searched the web for “x” · Ran code". */
export function toolActivityLog(tools: Iterable<ToolActivity>): string {
  return [...tools]
    .filter((tool) => tool.status === 'completed' || tool.status === 'failed')
    .map(describeToolActivity)
    .join(' · ');
}

/** The footer facts: model, tokens (with a breakdown for the tooltip), elapsed time. */
export function turnFooterFacts(model: string, ended: TurnEnded): Array<{ text: string; title?: string }> {
  const facts: Array<{ text: string; title?: string }> = [{ text: model }];
  if (ended.usage) {
    const tokens = formatTokens(ended.usage);
    facts.push({ text: tokens.text, title: tokens.detail });
  }
  if (ended.elapsedMs > 0) facts.push({ text: formatElapsed(ended.elapsedMs) });
  return facts;
}
