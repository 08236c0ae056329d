// Source: hanzoai/js-sdk packages/mcp-server/src/tools/responses/create-responses.ts (Stainless-generated). Trimmed.
import { Tool } from '@modelcontextprotocol/sdk/types.js';

export const tool: Tool = {
  name: 'create_responses',
  description:
    'When using this tool, always use the `jq_filter` parameter to reduce the response size and improve performance.',
  inputSchema: {
    type: 'object',
    properties: {
      jq_filter: {
        type: 'string',
        title: 'jq Filter',
        description: 'A jq filter to apply to the response to include certain fields.',
      },
    },
  },
};
