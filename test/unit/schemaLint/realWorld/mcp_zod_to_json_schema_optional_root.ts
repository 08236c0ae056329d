// Source: constructed from public code: the tools/list handler shape of an MCP server that converts with
// zod-to-json-schema (found via find_string id 55968666375), with the root `.optional()` of
// public AI SDK tools (find_string ids 25994679979 and 21818100562).
// zod-to-json-schema emits `anyOf: [{not: {}}, {type: "object", …}]` for a root `.optional()`: xAI rejects it.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';

const ListIssuesArgs = z.object({ state: z.enum(['open', 'closed']).default('open') }).optional();

server.setRequestHandler(ListToolsRequestSchema, async () => ({
  tools: [
    {
      name: 'list_issues',
      description: 'List the team issues.',
      inputSchema: zodToJsonSchema(ListIssuesArgs) as Record<string, unknown>,
    },
  ],
}));
