/**
 * The one message protocol between the extension host and the chat panel webview. Both sides import
 * these zod schemas and validate every message on receipt (`parseHostMessage` / `parseWebviewMessage`);
 * a message that does not validate is logged and dropped, never acted on.
 */
import * as z from 'zod';

const grokErrorSchema = z.object({
  kind: z.string(),
  message: z.string(),
  detail: z.string().optional(),
  status: z.number().optional(),
  toolName: z.string().optional(),
  retryAfterMs: z.number().optional(),
  requestId: z.string().optional(),
  actions: z.array(z.enum(['set-api-key', 'retry', 'open-settings', 'open-billing', 'check-network'])),
});

const usageSchema = z.object({
  inputTokens: z.number(),
  cachedInputTokens: z.number().optional(),
  outputTokens: z.number(),
  reasoningTokens: z.number().optional(),
  totalTokens: z.number(),
  numSourcesUsed: z.number().optional(),
  costInUsdTicks: z.number().optional(),
});

const citationSchema = z.object({
  url: z.string(),
  title: z.string().optional(),
  startIndex: z.number().optional(),
  endIndex: z.number().optional(),
});

/** What the user asked, as shown at the top of a turn. */
export const promptSummarySchema = z.object({
  /** e.g. "Explain", "Fix", "Ask", "Follow-up". */
  action: z.string(),
  /** The question or instruction typed by the user, if any. */
  question: z.string().optional(),
  /** Workspace-relative path and 1-based line range of the code sent. */
  file: z.string().optional(),
  startLine: z.number().optional(),
  endLine: z.number().optional(),
  languageId: z.string().optional(),
  /** Shown when the selection was cut to fit the context budget. */
  truncationNotice: z.string().optional(),
});

const turnStatusSchema = z.enum(['completed', 'incomplete', 'cancelled', 'error']);

/** The longest code block the panel sends back to the host (larger blocks still render, without actions). */
export const MAX_CODE_BLOCK_CHARS = 2_000_000;

/** Copy (host clipboard), Insert at Cursor, Apply to Selection (diff preview first), Open in New File. */
const codeBlockActionSchema = z.enum(['copy', 'insert', 'apply', 'newFile']);

export const hostMessageSchema = z.discriminatedUnion('type', [
  /** Panel-wide facts. `demo` = talking to the bundled offline fake server. */
  z.object({ type: z.literal('config'), model: z.string(), demo: z.boolean(), webSearch: z.boolean() }),
  z.object({ type: z.literal('turnStarted'), turnId: z.string(), prompt: promptSummarySchema, model: z.string(), startedAt: z.number() }),
  /** Text deltas, merged by the host so it posts about one message per frame. */
  z.object({ type: z.literal('textDelta'), turnId: z.string(), text: z.string() }),
  z.object({ type: z.literal('citation'), turnId: z.string(), citation: citationSchema }),
  z.object({ type: z.literal('reasoningDelta'), turnId: z.string(), text: z.string() }),
  z.object({
    type: z.literal('toolActivity'),
    turnId: z.string(),
    itemId: z.string(),
    tool: z.string(),
    status: z.enum(['in_progress', 'searching', 'completed', 'failed']),
    query: z.string().optional(),
  }),
  z.object({ type: z.literal('retrying'), turnId: z.string(), attempt: z.number(), maxAttempts: z.number(), delayMs: z.number(), reason: z.string() }),
  z.object({
    type: z.literal('turnEnded'),
    turnId: z.string(),
    status: turnStatusSchema,
    /** For `incomplete`: the server's reason. */
    reason: z.string().optional(),
    error: grokErrorSchema.optional(),
    usage: usageSchema.optional(),
    elapsedMs: z.number(),
  }),
  /** Clears the conversation (New Chat). */
  z.object({ type: z.literal('cleared') }),
]);

export const webviewMessageSchema = z.discriminatedUnion('type', [
  /** The panel script loaded and listens. The host replays what the panel missed. */
  z.object({ type: z.literal('ready') }),
  /** A citation chip, a source or a link was clicked. The host opens only http(s) URLs, externally. */
  z.object({ type: z.literal('openLink'), url: z.string().max(8192) }),
  z.object({ type: z.literal('stop') }),
  z.object({ type: z.literal('followUp'), text: z.string().min(1).max(100_000) }),
  z.object({ type: z.literal('newChat') }),
  /** The fix offered with an error. `turnId`: the turn whose error offered it (a retry only re-runs the latest turn). */
  z.object({
    type: z.literal('errorAction'),
    action: z.enum(['set-api-key', 'retry', 'open-settings', 'open-billing', 'check-network']),
    turnId: z.string().max(200).optional(),
  }),
  /** Regenerate: re-run the user turn behind the latest answer, replacing that answer. */
  z.object({ type: z.literal('regenerate'), turnId: z.string().max(200) }),
  /** The panel's web search toggle: the host updates `grok.webSearch` and sends `config` back. */
  z.object({ type: z.literal('setWebSearch'), enabled: z.boolean() }),
  /**
   * An action on one code block of an answer. `code` is the block's exact source text (from the
   * markdown, not the DOM); `language` its fence info word, when it has one.
   */
  z.object({
    type: z.literal('codeBlockAction'),
    action: codeBlockActionSchema,
    code: z.string().max(MAX_CODE_BLOCK_CHARS),
    language: z.string().max(100).optional(),
  }),
]);

export type HostMessage = z.infer<typeof hostMessageSchema>;
export type WebviewMessage = z.infer<typeof webviewMessageSchema>;
export type PromptSummary = z.infer<typeof promptSummarySchema>;
export type TurnStatus = z.infer<typeof turnStatusSchema>;
export type CodeBlockAction = z.infer<typeof codeBlockActionSchema>;

export type ParseResult<T> = { ok: true; message: T } | { ok: false; error: string };

function parseWith<T>(schema: z.ZodType<T>, value: unknown): ParseResult<T> {
  const result = schema.safeParse(value);
  return result.success ? { ok: true, message: result.data } : { ok: false, error: z.prettifyError(result.error) };
}

export const parseHostMessage = (value: unknown): ParseResult<HostMessage> => parseWith(hostMessageSchema, value);
export const parseWebviewMessage = (value: unknown): ParseResult<WebviewMessage> => parseWith(webviewMessageSchema, value);
