/** Scenarios answered with one HTTP error before any stream starts (xAI's body shape). */
import type { ScenarioDefinition } from '../scenarioPlan';
import { findToolSchemaProblem, toolSchemaErrorMessage } from '../toolSchemaRule';
import { creditsExhausted, invalidArgument, rateLimited, serviceUnavailable } from '../xaiErrors';

/** 429 about the request rate, with retry hints; the next request (the retry) is answered normally. */
export const rateLimit: ScenarioDefinition = { build: (context) => ({ ...rateLimited(String(context.request.model)), recoverNext: true }) };

/** 429 that no retry fixes: the team is out of credits. */
export const creditsExhaustedScenario: ScenarioDefinition = { build: () => creditsExhausted() };

/** 503; the next request is chosen as usual (queue, marker, default), so a marker makes it fail again. */
export const serverError: ScenarioDefinition = { build: () => serviceUnavailable() };

/** 503, then the next request is answered normally. */
export const serverErrorThenPlain: ScenarioDefinition = { build: () => ({ ...serviceUnavailable(), recoverNext: true }) };

function functionToolName(tool: unknown): string | undefined {
  if (typeof tool !== 'object' || tool === null) return undefined;
  const { type, name } = tool as { type?: unknown; name?: unknown };
  return type === 'function' && typeof name === 'string' ? name : undefined;
}

/** The 400 xAI sends for a bad tool schema, forced; names the request's first function tool when it has one. */
export const toolSchema400: ScenarioDefinition = {
  build: (context) => {
    const tools: unknown[] = Array.isArray(context.request.tools) ? context.request.tools : [];
    const firstName = tools.map(functionToolName).find((name) => name !== undefined);
    const problem = findToolSchemaProblem(tools) ?? { toolName: firstName ?? 'example_tool', reason: 'root schema is an anyOf/oneOf union with a non-object branch' };
    return invalidArgument(toolSchemaErrorMessage(problem), 'invalid-argument');
  },
};
