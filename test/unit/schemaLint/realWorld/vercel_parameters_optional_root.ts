// Source: public code (a portfolio chatbot's tools/getProducts.ts; found via find_string id 25994679979).
// A root `.optional()`: zod 4 emits the object itself, zod 3's converter emits anyOf [{not: {}}, object].
// `from "zod"` does not say which major is installed, so (docs/schema-linter.md) the root is read as the object.
import { tool } from "ai";
import { z } from "zod";

export const getProducts = tool({
  description:
    "This tool will show a list of all products created by Rakshith (GenBI, PromptBud, NLMDB)",
  parameters: z.object({}).optional(),
  execute: async (params = {}) => {
    return "Products data retrieved successfully.";
  },
});
