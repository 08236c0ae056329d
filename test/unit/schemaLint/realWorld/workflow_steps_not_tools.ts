// Source: public code (output.ai workflow steps, a SOW pipeline's runStage, and Mastra createStep;
// found via find_string ids 51786949801, 54831464672 and 57854266231). Trimmed.
// Workflow steps and pipeline stages carry `{name|id, inputSchema, outputSchema}` but are not function
// tools: an array or string input is legitimate.
import { step } from '@output.ai/core';
import { createStep } from '@mastra/core/workflows';
import { z } from 'zod';

export const processBatch = step( {
  name: 'processBatch',
  inputSchema: z.array( z.object( {
    type: z.string(),
    value: z.number()
  } ) ),
  outputSchema: z.array( z.object( { processed: z.boolean() } ) ),
  fn: async batch => batch.map( () => ( { processed: true } ) )
} );

export async function runPipeline(input: { sowText: string }, deps: Deps) {
  const sowItems = await runStage(
    { name: "parse", agent: "parser", inputSchema: z.string(), outputSchema: z.array(SowItem) },
    input.sowText,
    deps,
  );
  return sowItems;
}

const slackStep = createStep({
  id: 'get-slack',
  description: 'Fetch recent standup-channel Slack messages',
  inputSchema: z.array(z.any()),
  outputSchema: z.array(z.any()),
  execute: async () => callMcpTool('get_slack_messages', { channel: 'standup' }),
});
