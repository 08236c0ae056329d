/**
 * A chat conversation as saved per workspace, so that after a reload a follow-up continues it and the
 * latest answer can still be regenerated. What the API needs: the stored response to continue from,
 * the history to resend if the server no longer has it, and the latest user turn. Versioned, read
 * defensively (anything unexpected is dropped, never trusted) and bounded: the oldest history goes
 * first (the server still holds it behind `previousResponseId`).
 */
import * as z from 'zod';
import { promptSummarySchema, type PromptSummary } from '../panelProtocol';
import type { InputMessage } from '../responses/types';

export const SAVED_CONVERSATION_VERSION = 1;
/** Characters of message text kept; a long chat about big selections must not bloat workspace state. */
export const MAX_SAVED_CONVERSATION_CHARS = 2_000_000;

const inputMessageSchema = z.object({ role: z.enum(['system', 'developer', 'user', 'assistant']), content: z.string() });

const savedConversationSchema = z.object({
  version: z.literal(SAVED_CONVERSATION_VERSION),
  history: z.array(inputMessageSchema),
  previousResponseId: z.string().optional(),
  lastTurn: z
    .object({
      turnId: z.string(),
      messages: z.array(inputMessageSchema),
      prompt: promptSummarySchema,
      /** The conversation before that turn: the first `historyLength` messages of `history`, and its response id. */
      historyLengthBefore: z.number().int().nonnegative(),
      previousResponseIdBefore: z.string().optional(),
    })
    .optional(),
});

export type SavedConversation = z.infer<typeof savedConversationSchema>;

export interface ConversationSnapshot {
  history: InputMessage[];
  previousResponseId?: string;
  lastTurn?: {
    turnId: string;
    messages: InputMessage[];
    prompt: PromptSummary;
    stateBefore: { history: InputMessage[]; previousResponseId?: string };
  };
}

const size = (messages: readonly InputMessage[]): number => messages.reduce((sum, m) => sum + m.content.length, 0);

/** The snapshot in its saved form, cut to the budget (oldest history first, then the latest turn if it alone is too big). */
export function toSavedConversation(snapshot: ConversationSnapshot, maxChars = MAX_SAVED_CONVERSATION_CHARS): SavedConversation {
  const last = snapshot.lastTurn;
  let lastTurn: SavedConversation['lastTurn'] =
    last && size(last.messages) <= maxChars
      ? {
          turnId: last.turnId,
          messages: last.messages,
          prompt: last.prompt,
          historyLengthBefore: last.stateBefore.history.length,
          ...(last.stateBefore.previousResponseId ? { previousResponseIdBefore: last.stateBefore.previousResponseId } : {}),
        }
      : undefined;
  let history = snapshot.history;
  const budget = maxChars - (lastTurn ? size(lastTurn.messages) : 0);
  let dropped = 0;
  for (let total = size(history); dropped < history.length && total > budget; dropped++) total -= history[dropped].content.length;
  if (dropped > 0) {
    history = history.slice(dropped);
    if (lastTurn) {
      if (lastTurn.historyLengthBefore < dropped) lastTurn = undefined; // its starting point is gone
      else lastTurn = { ...lastTurn, historyLengthBefore: lastTurn.historyLengthBefore - dropped };
    }
  }
  return {
    version: SAVED_CONVERSATION_VERSION,
    history,
    ...(snapshot.previousResponseId ? { previousResponseId: snapshot.previousResponseId } : {}),
    ...(lastTurn ? { lastTurn } : {}),
  };
}

/** Reads a saved conversation; undefined for anything that is not a valid one of this version. */
export function fromSavedConversation(raw: unknown): ConversationSnapshot | undefined {
  const parsed = savedConversationSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const { history, previousResponseId, lastTurn } = parsed.data;
  const snapshot: ConversationSnapshot = { history, ...(previousResponseId ? { previousResponseId } : {}) };
  if (lastTurn && lastTurn.historyLengthBefore <= history.length) {
    snapshot.lastTurn = {
      turnId: lastTurn.turnId,
      messages: lastTurn.messages,
      prompt: lastTurn.prompt,
      stateBefore: {
        history: history.slice(0, lastTurn.historyLengthBefore),
        ...(lastTurn.previousResponseIdBefore ? { previousResponseId: lastTurn.previousResponseIdBefore } : {}),
      },
    };
  }
  return snapshot;
}
