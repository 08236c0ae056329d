// Source: wegotdocs/open-mcp servers/n8n/src/tools/post_credentials/schema/root.ts (generated MCP input shape).
// A zod raw shape exported on its own: it has "name" and "type" keys, but it is not a tool.
import { z } from "zod"

export const inputParamsSchema = {
  "id": z.string().readonly().optional(),
  "name": z.string(),
  "type": z.string(),
  "data": z.record(z.any()).describe("Credential data"),
  "createdAt": z.string().datetime({ offset: true }).readonly().optional(),
}
