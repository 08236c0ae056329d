/**
 * Builds the messages for an editor action (a system message with the action's instructions, then one
 * user message with the file, the target code, its context and diagnostics) and for follow-ups.
 */
import type { PromptSummary } from '../panelProtocol';
import { ACTION_LABELS, ACTIONS_NEEDING_TEXT, systemInstructions } from './actionInstructions';
import { fenceLanguageTag } from './codeFence';
import { diagnosticsTouching } from './diagnostics';
import { renderUserMessage } from './userMessage';
import { gatherContext } from './surroundingContext';
import { excerptTarget } from './targetExcerpt';
import { documentLines, dropTrailingLineBreak, isBlank, linesInRange, normalizeRange } from './textLines';
import { CODE_ACTIONS, DEFAULT_PROMPT_BUDGET, TARGET_KINDS } from './types';
import type { ActionPromptInput, BuiltPrompt, PromptBudget } from './types';

// The controller imports all three entry points from here.
export { resolveTarget } from './resolveTarget';

/** Thrown when the target holds only whitespace: the caller says "nothing to send" instead. */
export class EmptyTargetError extends Error {
  constructor() {
    super('There is no code to send: the target is empty or blank. Select some code first.');
    this.name = 'EmptyTargetError';
  }
}

export function buildActionPrompt(input: ActionPromptInput): BuiltPrompt {
  const { action, doc } = input;
  if (!CODE_ACTIONS.includes(action)) throw new TypeError(`Unknown action ${JSON.stringify(action)}; expected one of ${CODE_ACTIONS.join(', ')}.`);
  const lines = documentLines(doc);
  const targetKind = input.targetKind ?? 'selection';
  if (!TARGET_KINDS.includes(targetKind)) throw new TypeError(`Unknown target kind ${JSON.stringify(targetKind)}.`);
  const languageId = typeof doc.languageId === 'string' ? doc.languageId : '';
  const path = typeof doc.relativePath === 'string' ? doc.relativePath : '';
  const question = typeof input.question === 'string' && !isBlank(input.question) ? input.question.trim() : undefined;
  if (ACTIONS_NEEDING_TEXT.has(action) && !question) {
    throw new TypeError(action === 'ask' ? 'Type a question to ask about the code.' : 'Type instructions for the rewrite.');
  }
  const budget = resolveBudget(input.budget);

  const target = dropTrailingLineBreak(lines, normalizeRange(lines, input.target, 'target'));
  if (linesInRange(lines, target).every(isBlank)) throw new EmptyTargetError();
  const excerpt = excerptTarget(lines, target, budget.maxSelectionChars);

  const user = renderUserMessage({
    action,
    question,
    path,
    languageId,
    languageTag: fenceLanguageTag(languageId),
    targetKind,
    target,
    lastLineLength: lines[target.end.line].length,
    excerpt,
    context: gatherContext(lines, target, budget),
    diagnostics: diagnosticsTouching(Array.isArray(input.diagnostics) ? input.diagnostics : [], target),
  });

  const summary: PromptSummary = {
    action: ACTION_LABELS[action],
    ...(question ? { question } : {}),
    ...(path ? { file: path } : {}),
    startLine: excerpt.startLine + 1,
    endLine: excerpt.lastSentLine + 1,
    ...(languageId ? { languageId } : {}),
    ...(excerpt.truncation ? { truncationNotice: excerpt.truncation.summaryNotice } : {}),
  };
  return {
    messages: [
      { role: 'system', content: systemInstructions(action, languageId) },
      { role: 'user', content: user },
    ],
    summary,
    truncated: excerpt.truncation !== undefined,
  };
}

/**
 * A follow-up in the same conversation: just the user's text (the earlier turns carry the code and the
 * instructions, through `previous_response_id` or the history the caller resends).
 */
export function buildFollowUpPrompt(question: string): BuiltPrompt {
  if (typeof question !== 'string' || isBlank(question)) throw new TypeError('Type a follow-up question.');
  const text = question.trim();
  return { messages: [{ role: 'user', content: text }], summary: { action: 'Follow-up', question: text }, truncated: false };
}

/** Fills in defaults; a value that is not a usable count is a caller bug and fails loudly. */
export function resolveBudget(partial: Partial<PromptBudget> | undefined): PromptBudget {
  const budget = { ...DEFAULT_PROMPT_BUDGET };
  for (const key of Object.keys(DEFAULT_PROMPT_BUDGET) as (keyof PromptBudget)[]) {
    const value = partial?.[key];
    if (value === undefined) continue;
    const minimum = key === 'maxSelectionChars' ? 1 : 0;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < minimum) {
      throw new RangeError(`Prompt budget ${key} must be a number ≥ ${minimum}; got ${String(value)}.`);
    }
    budget[key] = Math.floor(value);
  }
  return budget;
}
