// Source: public code (a Telegram agent's schedule tool, scheduleTool; found via find_string id 71090271420). Trimmed.
// A discriminated union of objects (zod emits a oneOf of objects): accepted.
import { tool } from "ai";
import { z } from "zod";

export const scheduleTool = (deps: ScheduleToolDeps) =>
	tool({
		description: "Manage standing scheduled jobs.",
		inputSchema: z.discriminatedUnion("action", [
			z.object({ action: z.literal("list") }),
			z.object({
				action: z.literal("create"),
				name: z.string().min(1).max(100),
				cron: z.string().min(5),
				prompt: z.string().min(1),
			}),
			z.object({ action: z.literal("delete"), id: z.number().int().positive() }),
		]),
		execute: async (input) => deps.run(input),
	});
