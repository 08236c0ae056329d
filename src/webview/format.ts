/** Words and numbers shown in the status line and the per-answer footer. */
import type { HostMessage } from '../core/panelProtocol';

type ToolActivity = Extract<HostMessage, { type: 'toolActivity' }>;
type TurnEnded = Extract<HostMessage, { type: 'turnEnded' }>;
export type Usage = NonNullable<TurnEnded['usage']>;
export type ErrorAction = NonNullable<TurnEnded['error']>['actions'][number];

interface ToolWords {
  doing: string;
  done: string;
  failed: string;
}

const TOOL_WORDS: Record<string, ToolWords> = {
  web_search: { doing: 'Searching the web', done: 'Searched the web', failed: 'Web search failed' },
  x_search: { doing: 'Searching X', done: 'Searched X', failed: 'X search failed' },
  code_execution: { doing: 'Running code', done: 'Ran code', failed: 'Code execution failed' },
  code_interpreter: { doing: 'Running code', done: 'Ran code', failed: 'Code execution failed' },
  file_search: { doing: 'Searching files', done: 'Searched files', failed: 'File search failed' },
};

/** "Searching the web for “query”…", "Searched the web for “query”", "Web search failed". */
export function describeToolActivity(activity: Pick<ToolActivity, 'tool' | 'status' | 'query'>): string {
  const words = TOOL_WORDS[activity.tool] ?? { doing: `Using ${activity.tool}`, done: `Used ${activity.tool}`, failed: `${activity.tool} failed` };
  const subject = activity.query ? ` for “${activity.query}”` : '';
  switch (activity.status) {
    case 'failed':
      return words.failed;
    case 'completed':
      return `${words.done}${subject}`;
    default:
      return `${words.doing}${subject}…`;
  }
}

const INCOMPLETE_REASONS: Record<string, string> = {
  max_output_tokens: 'the answer reached the output token limit',
  content_filter: 'the answer was stopped by a content filter',
  max_tool_calls: 'the answer reached the tool call limit',
};

export function describeIncomplete(reason: string | undefined): string {
  if (!reason) return 'Incomplete: the server ended the answer early.';
  return `Incomplete: ${INCOMPLETE_REASONS[reason] ?? reason}.`;
}

const ACTION_LABELS: Record<ErrorAction, string> = {
  'set-api-key': 'Set API Key',
  retry: 'Retry',
  'open-settings': 'Open Settings',
  'open-billing': 'Open Billing',
  'check-network': 'Check Network Settings',
};

export const errorActionLabel = (action: ErrorAction): string => ACTION_LABELS[action];

const integer = new Intl.NumberFormat('en-US');

/** "1,234 tokens" — the breakdown goes in the tooltip. */
export function formatTokens(usage: Usage): { text: string; detail: string } {
  const parts = [`${integer.format(usage.inputTokens)} in`];
  if (usage.cachedInputTokens) parts.push(`${integer.format(usage.cachedInputTokens)} cached`);
  parts.push(`${integer.format(usage.outputTokens)} out`);
  if (usage.reasoningTokens) parts.push(`${integer.format(usage.reasoningTokens)} reasoning`);
  if (usage.numSourcesUsed) parts.push(`${integer.format(usage.numSourcesUsed)} sources`);
  return { text: `${integer.format(usage.totalTokens)} tokens`, detail: parts.join(' · ') };
}

/** "0.8 s", "12.4 s", "2 min 5 s". */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${whole % 60} s`;
}

/** Whole seconds left, rounded up so "0 s" only shows when the wait is over. */
export const secondsLeft = (untilMs: number, nowMs: number): number => Math.max(0, Math.ceil((untilMs - nowMs) / 1000));
