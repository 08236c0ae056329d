// Source: public code (a Telegram bot MCP bridge, tools/templates.ts; found via find_string id 7755485857). Trimmed.
// Tool definitions returned from a function; `z.object({}).optional()` is an object root (optional is transparent).
import { z } from "zod";
import type { ToolDef, ApiRequestFn } from "../types.js";

export function register(apiRequest: ApiRequestFn): ToolDef[] {
  return [
    {
      name: "templates.list",
      description: "List saved Jinja2 templates.",
      parameters: z.object({}).optional(),
      execute: async () => apiRequest("/v1/templates"),
    },
    {
      name: "templates.render",
      description: "Render a template with variables (without sending).",
      parameters: z.object({
        name: z.string(),
        variables: z.record(z.any()).optional(),
      }),
      execute: async (params) => apiRequest(`/v1/templates/${params.name}/render`, { method: "POST" }),
    },
  ];
}
