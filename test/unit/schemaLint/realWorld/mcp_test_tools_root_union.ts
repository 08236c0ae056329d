// Source: public code (an MCP surface checker's tests, "branch-declared fields" and a union_modes fixture;
// found via find_string ids 70527889809 and 61962929068). Trimmed.
// Object roots that also carry a root anyOf: reported rejected by xAI (warning). A pure root anyOf of
// object branches is accepted.
import type { McpTool } from '../src/types';

export const tools = [
  {
    description: 'Accept either mode A or mode B, expressed as a root anyOf over required.',
    inputSchema: {
      anyOf: [{ required: ['a'] }, { required: ['b'] }],
      properties: {
        a: { description: 'Mode A payload.', type: 'string' },
        b: { description: 'Mode B payload.', type: 'string' },
      },
      type: 'object',
    },
    name: 'union_modes',
  },
];

const branchTool: GroundTruthTool = {
  description: 'Look something up.',
  inputSchema: {
    anyOf: [
      {
        properties: { by_id: { description: 'By identifier.', type: 'string' } },
        required: ['by_id'],
      },
      {
        properties: { by_name: { description: 'By name.', type: 'string' } },
        required: ['by_name'],
      },
    ],
    type: 'object',
  },
  name: 'lookup',
};

const t: McpTool = {
  name: "generate_image",
  inputSchema: {
    anyOf: [
      {
        type: "object",
        required: ["prompt"],
        properties: { prompt: { type: "string" }, resolution: { type: "string", enum: ["1k", "2k"] } },
      },
      {
        type: "object",
        properties: { quality: { type: "string", enum: ["low", "high"] } },
      },
    ],
  },
};
