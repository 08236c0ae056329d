/**
 * Answers to inline-fix requests (see answers/fixAnswer.ts for how the fix is computed): `fix-json` as
 * the structured JSON the request's `json_schema` format asks for, `fix-prose` as the markdown a model
 * that ignores the format gives (one fenced block), which the extension must fall back to.
 */
import { fakeFixFor } from '../answers/fixAnswer';
import { ResponseEventsBuilder } from '../responseEvents';
import type { ScenarioContext, ScenarioDefinition, StreamPlan } from '../scenarioPlan';

const NO_CODE = 'The fake server found no code to fix in this request (no fenced code block in the last user message).';

function answer(context: ScenarioContext, text: string): StreamPlan {
  const builder = new ResponseEventsBuilder(context).start().message(text);
  const finalResponse = builder.complete();
  return { kind: 'stream', status: 200, steps: builder.steps, after: 'end', finalResponse };
}

export const fixJson: ScenarioDefinition = {
  build: (context) => {
    const fix = fakeFixFor(context.messages);
    return answer(context, fix ? JSON.stringify({ replacement: fix.replacement, explanation: fix.explanation }) : NO_CODE);
  },
};

export const fixProse: ScenarioDefinition = {
  build: (context) => {
    const fix = fakeFixFor(context.messages);
    if (!fix) return answer(context, NO_CODE);
    const longestRun = Math.max(2, ...(fix.replacement.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longestRun + 1);
    return answer(context, `${fix.explanation}\n\n${fence}\n${fix.replacement}\n${fence}\n`);
  },
};
