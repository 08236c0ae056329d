// Source: public code (an MCP server whose tool shapes reuse imported zod schemas; pattern of wegotdocs/open-mcp
// servers/*/src/tools/*/schema/root.ts consumers). Trimmed.
// A raw shape whose values are all imported schemas: nothing can be evaluated, and it is not "a schema
// without type".
import { pathSchema, modeSchema } from './schemas.js';

export const readTool = {
  name: 'read_file',
  description: 'Read a file from the workspace.',
  inputSchema: { path: pathSchema, mode: modeSchema },
};
