/**
 * Pre-flight for function tools: every tool a request carries is judged by the tool-schema linter before any
 * HTTP, so a schema xAI would reject (HTTP 400 naming the tool) stops the request here, with the linter's
 * message, instead of costing a round trip (issue 4, part 5). Warnings do not stop a request: they are
 * cases xAI's documentation is silent on.
 */
import { preflightTools } from '../schemaLint/lintSchemaValue';
import type { FunctionToolDefinition, GrokError } from './types';

/** The `invalid-tool-schema` (or `bad-request`) error that keeps `tools` from being sent, or `undefined`. */
export function toolSchemaError(tools: readonly FunctionToolDefinition[] | undefined): GrokError | undefined {
  if (tools === undefined) return undefined;
  // Requests are typed, but their tools may come from settings or a model: check the shape before the rules.
  if (!Array.isArray(tools)) return { kind: 'bad-request', message: 'The request\'s function tools are not a list.', actions: [] };
  const unnamed = tools.findIndex((tool: unknown) => typeof tool !== 'object' || tool === null || typeof (tool as { name?: unknown }).name !== 'string' || (tool as { name: string }).name.trim() === '');
  if (unnamed >= 0) return { kind: 'bad-request', message: `Function tool ${unnamed + 1} of the request has no name.`, actions: [] };

  let errors;
  try {
    errors = preflightTools(tools).filter((finding) => finding.severity === 'error');
  } catch {
    // A linter bug must not block a request: xAI still judges the schema, and its 400 is mapped as usual.
    return undefined;
  }
  const [first] = errors;
  if (first === undefined) return undefined;
  return {
    kind: 'invalid-tool-schema',
    message: `${first.message} The request was not sent.`,
    ...(first.toolName === undefined ? {} : { toolName: first.toolName }),
    // Every rejected tool at once, so fixing one does not just reveal the next.
    ...(errors.length > 1 ? { detail: errors.map((finding) => finding.message).join('\n') } : {}),
    actions: [],
  };
}
