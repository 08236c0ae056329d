// Source: public code (a Responses API game server, tools module; found via find_string id 70992207592). Trimmed.
// A local `jsonSchema` wraps `z.toJSONSchema`; the schemas are imported, so nothing can be judged.
import { z } from "zod";
import { checkSchema, consequencesSchema } from "./game.js";

function jsonSchema(schema: z.ZodType) {
  const value = z.toJSONSchema(schema);
  delete value.$schema;
  return value;
}
export const tools = [
  {
    type: "function",
    name: "request_check",
    description: "Ask for a real D6 check; await the server roll before narrating success.",
    parameters: jsonSchema(checkSchema),
  },
  {
    type: "function",
    name: "update_party",
    description: "Record earned or used items, healing, non-roll consequences and newly revealed clues.",
    parameters: jsonSchema(consequencesSchema),
  },
];
