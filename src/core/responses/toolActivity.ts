/**
 * Server-side tool activity (web search, X search, code execution, …) from raw events. xAI reports it two
 * ways: output items (`web_search_call`, `x_search_call`, `custom_tool_call` for X search, …) and per-tool
 * progress events (`response.web_search_call.searching`, `response.x_search_call.completed`, …). Both are
 * read generically so that tools added later still show up, under their raw name.
 */
import { isRecord, nonEmptyString } from './guards';
import type { ToolActivity } from './types';

type Status = ToolActivity['status'];

/** Canonical names for the tools the product knows how to present. */
const TOOL_ALIASES: Record<string, string> = {
  web_search: 'web_search',
  browse_page: 'web_search',
  x_search: 'x_search',
  code_execution: 'code_execution',
  code_interpreter: 'code_execution',
};

/** `response.<tool>_call.<state>`; excludes `function_call_arguments.*` and `custom_tool_call_input.*`. */
const PROGRESS_EVENT = /^response\.([a-z0-9_]+)_call\.([a-z_]+)$/;

const STATE_TO_STATUS: Record<string, Status> = {
  in_progress: 'in_progress',
  searching: 'searching',
  executing: 'in_progress',
  interpreting: 'in_progress',
  generating: 'in_progress',
  completed: 'completed',
  failed: 'failed',
  incomplete: 'failed',
};

/** Bound on tool input we parse to find a query (X search inputs are small JSON objects). */
const MAX_INPUT_CHARS = 20_000;

function canonicalTool(name: string): string {
  // xAI's X search runs as custom tools named x_keyword_search, x_semantic_search, x_user_search, …
  if (name.startsWith('x_') && name !== 'x_search') return 'x_search';
  return TOOL_ALIASES[name] ?? name;
}

/** Tool activity for an output item, or `undefined` for messages, reasoning and client function calls. */
export function activityFromItem(item: unknown, event: 'added' | 'done'): ToolActivity | undefined {
  if (!isRecord(item)) return undefined;
  const type = nonEmptyString(item.type);
  if (!type || type === 'function_call' || !type.endsWith('_call')) return undefined;
  const itemId = nonEmptyString(item.id) ?? nonEmptyString(item.call_id);
  if (!itemId) return undefined;

  const name = type === 'custom_tool_call' ? nonEmptyString(item.name) : undefined;
  const activity: ToolActivity = {
    itemId,
    tool: canonicalTool(name ?? type.slice(0, -'_call'.length)),
    status: itemStatus(item.status, event),
  };
  const query = queryFromAction(item.action) ?? queryFromInput(item.input);
  if (query) activity.query = query;
  return activity;
}

/** Tool activity for a `response.<tool>_call.<state>` progress event, or `undefined` for anything else. */
export function activityFromProgressEvent(type: string, event: Record<string, unknown>): ToolActivity | undefined {
  const match = PROGRESS_EVENT.exec(type);
  if (!match || match[1] === 'function') return undefined;
  const status = STATE_TO_STATUS[match[2]];
  const itemId = nonEmptyString(event.item_id);
  if (!status || !itemId) return undefined;
  return { itemId, tool: canonicalTool(match[1]), status };
}

/** The query inside a custom tool's JSON input (`{"query":"from:xai", …}`), if any. */
export function queryFromInput(input: unknown): string | undefined {
  if (typeof input !== 'string' || input.length === 0 || input.length > MAX_INPUT_CHARS) return undefined;
  try {
    const parsed: unknown = JSON.parse(input);
    return isRecord(parsed) ? nonEmptyString(parsed.query) : undefined;
  } catch {
    return undefined; // partial or non-JSON input: no query to show
  }
}

function queryFromAction(action: unknown): string | undefined {
  if (!isRecord(action)) return undefined;
  const query = nonEmptyString(action.query);
  if (query) return query;
  return Array.isArray(action.queries) ? action.queries.map(nonEmptyString).find((q) => q !== undefined) : undefined;
}

function itemStatus(status: unknown, event: 'added' | 'done'): Status {
  if (status === 'completed') return 'completed';
  if (status === 'failed' || status === 'incomplete' || status === 'cancelled') return 'failed';
  if (status === 'searching') return 'searching';
  return event === 'done' ? 'completed' : 'in_progress';
}
