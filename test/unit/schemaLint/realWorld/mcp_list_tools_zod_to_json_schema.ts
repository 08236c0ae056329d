// Source: public code (an x402 payment MCP server, ListToolsRequestSchema handler, and an echo tool module;
// found via find_string ids 29607043485 and 20151457185). Trimmed.
// zod-to-json-schema of same-file z.object schemas (with and without options): object roots.
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { ListToolsRequestSchema, type Tool } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { zodToJsonSchema } from "zod-to-json-schema";

const payStablecoinInput = z.object({
  to: z.string().describe("Recipient address"),
  amount: z.string().describe("Amount in token units"),
});

export const echoInputSchema = z.object({
  text: z.string().describe('Text to echo back'),
});

export const ECHO_TOOL: Tool = {
  name: 'echo',
  description: 'Echo back the input text',
  inputSchema: zodToJsonSchema(echoInputSchema, {
    target: 'jsonSchema7',
  }) as Tool['inputSchema'],
};

const server = new Server(
  { name: "iauto-pay-server", version: "0.1.0" },
  { capabilities: { tools: {} } },
);

server.setRequestHandler(ListToolsRequestSchema, async () => {
  return {
    tools: [
      {
        name: "pay_stablecoin",
        description: "Pay stablecoin to a recipient address using EIP-3009 transferWithAuthorization",
        inputSchema: zodToJsonSchema(payStablecoinInput),
      },
    ],
  };
});
