/**
 * Checks made before any network traffic, so that a missing key or a broken setting gets a precise message
 * instead of whatever the transport would make of it (an empty bearer, an unparsable URL, …).
 */
import { toolSchemaError } from './toolSchemaPreflight';
import type { GrokClientOptions, GrokError, GrokRequest } from './types';

const ROLES = new Set(['system', 'developer', 'user', 'assistant']);
/** Visible ASCII only: anything else cannot go into an HTTP header (a pasted key with a stray character). */
const HEADER_SAFE = /^[\x21-\x7e]+$/;

/** The problem that makes the request impossible to send, or `undefined` when it can go. */
export function preflightError(options: GrokClientOptions, request: GrokRequest): GrokError | undefined {
  const apiKey = options.apiKey?.trim() ?? '';
  if (!apiKey) {
    return {
      kind: 'missing-api-key',
      message: 'No xAI API key is set. Run "Grok: Set API Key" (or set the XAI_API_KEY environment variable).',
      actions: ['set-api-key'],
    };
  }
  if (!HEADER_SAFE.test(apiKey)) {
    return {
      kind: 'invalid-api-key',
      message: 'The xAI API key contains spaces or characters that cannot be sent. Set it again with "Grok: Set API Key".',
      actions: ['set-api-key'],
    };
  }
  if (!isHttpUrl(options.baseURL)) {
    return {
      kind: 'network',
      message: `The "grok.baseUrl" setting is not a valid http(s) URL ("${String(options.baseURL)}").`,
      actions: ['open-settings'],
    };
  }
  if (typeof options.model !== 'string' || !options.model.trim()) {
    return { kind: 'model-not-found', message: 'No model is set. Set "grok.model" (e.g. grok-build-0.1).', actions: ['open-settings'] };
  }
  if (!Array.isArray(request.input) || request.input.length === 0) {
    return { kind: 'bad-request', message: 'Nothing to send: the request has no messages.', actions: [] };
  }
  const badMessage = request.input.findIndex((m) => !m || !ROLES.has(m.role) || typeof m.content !== 'string');
  if (badMessage >= 0) {
    return {
      kind: 'bad-request',
      message: `Message ${badMessage + 1} of the request is not a system, developer, user or assistant message with text.`,
      actions: [],
    };
  }
  const max = request.maxOutputTokens;
  if (max !== undefined && !(Number.isInteger(max) && max > 0)) {
    return { kind: 'bad-request', message: `The output token limit must be a positive whole number (got ${String(max)}).`, actions: ['open-settings'] };
  }
  return toolSchemaError(request.functionTools);
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
