// Source: public code (a workspace MCP connector, lib/mcp/connectors/discord.ts; found via find_string id 62463380206). Trimmed.
// `inputSchema: {}` next to a handler: the shape the MCP SDK's registerTool takes (a zod raw shape, here empty).
import { getConnectorAccessToken } from "./tokens";
import { textResult, type ToolDefinition, type ToolContext } from "@/lib/mcp/types";

async function discordFetch(workspaceId: string, path: string) {
  const token = await getConnectorAccessToken(workspaceId, "discord");
  const res = await fetch(`https://discord.com/api/v10${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return res.json();
}

export const discordTools: ToolDefinition[] = [
  {
    name: "discord_list_guilds",
    title: "List servers",
    description: "List Discord servers (guilds) the connected account is a member of.",
    connector: "discord",
    inputSchema: {},
    handler: async (_args: unknown, ctx: ToolContext) => {
      const guilds = (await discordFetch(ctx.workspaceId, "/users/@me/guilds")) as Array<{ id: string; name: string }>;
      return textResult(guilds.map((g) => `${g.name} (${g.id})`).join("\n"));
    },
  },
];
