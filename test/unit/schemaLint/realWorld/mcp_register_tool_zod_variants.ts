// Source: public code (an MCP conformance suite, "typescript:mcpserver:tool:schema-variants", and an MCP
// server's interview tool; found via find_string ids 54549972555 and 55835933505). Trimmed.
// `registerTool(name, config, handler)`: a discriminated union of objects is accepted; an intersection
// becomes a root allOf without "type" (error); an empty raw shape `{}` means "no arguments".
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

const s = new McpServer({ name: 's', version: '0' });
s.registerTool(
    'zod-union',
    {
        inputSchema: z.discriminatedUnion('kind', [
            z.object({ kind: z.literal('a'), a: z.string() }),
            z.object({ kind: z.literal('b'), b: z.number() })
        ])
    },
    args => ({
        content: [{ type: 'text', text: args.kind === 'a' ? `a:${args.a}` : `b:${args.b}` }]
    })
);
s.registerTool(
    'zod-intersection',
    { inputSchema: z.intersection(z.object({ left: z.string() }), z.object({ right: z.string() })) },
    args => ({ content: [{ type: 'text', text: `${args.left}${args.right}` }] })
);
s.registerTool(
    'job_list_bindings',
    {
        description: 'List registered executor bindings (kind + target) and their dispatch parameter schemas.',
        inputSchema: {},
    },
    async () => ({ content: [{ type: 'text', text: '[]' }] }),
);
