// Source: Altro31/gender-lex apps/web/src/lib/chatbot/tools/route-tools.ts. Trimmed.
import { tool } from "ai";
import z from "zod";

export const availableRoutes = {
  "/": "Main page",
  "/models": "Model administration page",
} as const;

export const routeTools = {
  getAvailableRoutes: tool({
    description: "Get detailed info for all available routes of the system",
    inputSchema: z.object({}),
    execute: () => availableRoutes,
  }),
  navigateTo: tool({
    description: "Navigate to an specific route",
    inputSchema: z.object({ route: z.enum(Object.keys(availableRoutes)) }),
  }),
};
