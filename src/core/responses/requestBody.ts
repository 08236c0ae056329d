/** Builds the JSON body of `POST /responses` from a `GrokRequest` (fact sheet §1). */
import type { ResponseCreateParamsStreaming, Tool } from 'openai/resources/responses/responses';
import type { FunctionToolDefinition, GrokRequest } from './types';

/**
 * The streamed request body. Deliberately never sets `reasoning`: grok-build-0.1 reasons always and
 * answers HTTP 400 to `reasoning.effort`. Input goes as message items (a system/developer message rather
 * than `instructions`, which older xAI deployments rejected).
 */
export function buildRequestBody(model: string, request: GrokRequest): ResponseCreateParamsStreaming {
  const body: ResponseCreateParamsStreaming = {
    model,
    input: request.input.map((message) => ({ role: message.role, content: message.content })),
    stream: true,
  };
  if (request.previousResponseId) body.previous_response_id = request.previousResponseId;

  const tools: Tool[] = [];
  // xAI's web_search takes extra fields the SDK's WebSearchTool type lacks; none are needed yet.
  if (request.webSearch) tools.push({ type: 'web_search' });
  for (const tool of request.functionTools ?? []) tools.push(functionTool(tool));
  if (tools.length > 0) body.tools = tools;

  if (request.jsonSchema) {
    const { name, schema, strict } = request.jsonSchema;
    body.text = { format: { type: 'json_schema', name, schema, ...(strict !== undefined ? { strict } : {}) } };
  }
  if (request.maxOutputTokens !== undefined) body.max_output_tokens = request.maxOutputTokens;
  return body;
}

function functionTool(tool: FunctionToolDefinition): Tool {
  return {
    type: 'function',
    name: tool.name,
    ...(tool.description !== undefined ? { description: tool.description } : {}),
    // Sent exactly as given: pre-flight (toolSchemaPreflight.ts) has already stopped any schema xAI's root
    // rule rejects; what the linter only warns about goes out, and a 400 then maps to `invalid-tool-schema`.
    parameters: tool.parameters as Record<string, unknown> | null,
    // The SDK type requires the key; `false` keeps xAI/OpenAI from imposing strict-mode rules unasked.
    strict: tool.strict ?? false,
  };
}
