// Source: public code (a portfolio chat agent, tools/get-about.ts using @voltagent/core; found via find_string id 5663668192).
// `.optional()` is transparent but `.nullish()` makes zod emit anyOf [object, {type: "null"}]: xAI rejects it.
import { createTool } from "@voltagent/core";
import { z } from "zod";
import { ABOUT } from "@/content/portfolio";

export const getAboutTool = createTool({
  name: "get_about",
  description:
    "Get information about Garv Makkar - his background, interests, and what he's currently working on.",
  parameters: z.object({}).optional().nullish(),
  execute: async () => {
    return {
      about: ABOUT,
    };
  },
});
