/**
 * The structured answer an inline fix asks for: the replacement text and a one-line explanation. The
 * same zod schema produces the request's JSON-schema text format and validates the answer coming back.
 * No length keywords: xAI has rejected `minLength`/`maxLength` in schemas (fact sheet §5); sizes are
 * checked in code instead.
 */
import { z } from 'zod';
import { toStrictJsonSchema } from './strictJsonSchema';

export const fixAnswerSchema = z.object({
  replacement: z
    .string()
    .describe(
      'The complete new text for the code to work on: the same span from its first to its last line, every line written out, with its indentation; no markdown fences, no line numbers, none of the surrounding context.',
    ),
  explanation: z.string().describe('One short line: what was wrong and what changed.'),
});

export type FixAnswer = z.infer<typeof fixAnswerSchema>;

/** The `text.format` name; shows up in xAI's and gateways' logs. */
export const FIX_ANSWER_FORMAT_NAME = 'code_replacement';

export interface JsonSchemaFormat {
  name: string;
  schema: Record<string, unknown>;
  strict: boolean;
}

let format: JsonSchemaFormat | undefined;

/** For `GrokRequest.jsonSchema` (sent as `text.format: {type:"json_schema", name, schema, strict}`). */
export function fixAnswerFormat(): JsonSchemaFormat {
  format ??= { name: FIX_ANSWER_FORMAT_NAME, schema: toStrictJsonSchema(fixAnswerSchema), strict: true };
  // A copy: callers (and the SDK) may hold on to or mutate the body they build from it.
  return structuredClone(format);
}
