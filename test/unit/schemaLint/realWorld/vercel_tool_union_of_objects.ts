// Source: public code (an AI chatbot's lib/ai/tools/get-weather.ts; found via find_string id 488851814). Trimmed.
// A root z.union whose every branch is z.object: zod emits anyOf of objects, which xAI accepts.
import { tool } from "ai";
import { z } from "zod";

export const getWeather = tool({
  description: "Get the current weather at a location. You can provide either coordinates or a city name.",
  inputSchema: z.union([
    z.object({
      latitude: z.number(),
      longitude: z.number(),
    }),
    z.object({
      city: z.string().describe("City name (e.g., 'San Francisco', 'New York', 'London')"),
    }),
  ]),
  execute: async (input) => {
    return input;
  },
});
