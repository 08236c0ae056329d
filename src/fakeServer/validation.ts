/** The checks xAI makes before it answers: auth, JSON, model, parameters grok-build-0.1 rejects, tool schemas. */
import type { IncomingHttpHeaders } from 'node:http';
import type { ReplyPlan } from './scenarioPlan';
import { findToolSchemaProblem, toolSchemaErrorMessage } from './toolSchemaRule';
import { incorrectApiKey, invalidArgument, missingAuthorization, unknownModel } from './xaiErrors';

export interface Rejection {
  /** Recorded as the request's scenario, so tests can see which check fired. */
  label: string;
  reply: ReplyPlan;
}

export type ParsedBody = { ok: true; value: unknown } | { ok: false; message: string };

export function parseJsonBody(rawBody: string): ParsedBody {
  try {
    return { ok: true, value: JSON.parse(rawBody) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

export function checkAuthorization(headers: IncomingHttpHeaders, apiKey: string): Rejection | undefined {
  const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(headers.authorization ?? '');
  if (!match) return { label: 'missing-auth', reply: missingAuthorization() };
  if (match[1] !== apiKey) return { label: 'invalid-api-key', reply: incorrectApiKey(match[1]) };
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks a parsed body; returns the request as a record when it passes. */
export function checkBody(parsed: ParsedBody, models: readonly string[]): Rejection | { body: Record<string, unknown> } {
  if (!parsed.ok) return { label: 'bad-json', reply: invalidArgument(`Failed to parse the request body as JSON: ${parsed.message}`) };
  const body = parsed.value;
  if (!isRecord(body)) return { label: 'bad-json', reply: invalidArgument('The request body must be a JSON object.') };
  if (typeof body.model !== 'string' || body.model === '') {
    return { label: 'bad-request', reply: invalidArgument('Missing required parameter: model (a string).') };
  }
  if (!models.includes(body.model)) return { label: 'unknown-model', reply: unknownModel(body.model) };
  if (typeof body.input !== 'string' && !Array.isArray(body.input)) {
    return { label: 'bad-request', reply: invalidArgument('Missing required parameter: input (a string or an array of input items).') };
  }
  if (isRecord(body.reasoning) && body.reasoning.effort !== undefined) {
    return { label: 'reasoning-effort', reply: invalidArgument(`Model ${body.model} does not support parameter reasoningEffort.`) };
  }
  if (body.tools !== undefined && !Array.isArray(body.tools)) {
    return { label: 'bad-request', reply: invalidArgument('Invalid parameter: tools must be an array.') };
  }
  const problem = Array.isArray(body.tools) ? findToolSchemaProblem(body.tools) : undefined;
  if (problem) return { label: 'tool-schema-400', reply: invalidArgument(toolSchemaErrorMessage(problem), 'invalid-argument') };
  return { body };
}
