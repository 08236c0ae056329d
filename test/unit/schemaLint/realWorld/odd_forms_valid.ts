// Constructed from forms seen in public tool code (spreads of a shared base, `as const` tool arrays, `satisfies`
// on Responses tools, schemas bound to constants, `Object.freeze`, template-literal names, computed property
// keys, `JSON.parse` of a literal, zod method chains). Every tool here is valid: no finding.
import OpenAI from "openai";
import { tool } from "ai";
import { z } from "zod";

const PREFIX = "crm";
const FIELD = "customer_id";
const OBJECT_BASE = { type: "object", additionalProperties: false } as const;

const lookupSchema = {
  ...OBJECT_BASE,
  properties: { [FIELD]: { type: "string" } },
  required: [FIELD],
};

export const TOOLS = [
  {
    type: "function",
    name: `${PREFIX}_lookup`,
    description: "Look up a customer",
    parameters: lookupSchema,
    strict: true,
  },
  {
    type: "function",
    name: "crm_freeze",
    parameters: Object.freeze({ type: "object", properties: {} }),
    strict: false,
  } satisfies OpenAI.Responses.FunctionTool,
  {
    type: "function",
    name: "crm_parsed",
    parameters: JSON.parse('{"type": "object", "properties": {"q": {"type": "string"}}}'),
    strict: null,
  },
] as const;

const Address = z.object({ street: z.string(), city: z.string() });

export const geo = tool({
  description: "Geocode an address",
  inputSchema: Address.extend({ country: z.string().optional() }).strict().describe("An address"),
  execute: async (address) => address,
});

export const partial = tool({
  description: "Patch an address",
  inputSchema: Address.partial().pick({ city: true }).passthrough(),
  execute: async (patch) => patch,
});
