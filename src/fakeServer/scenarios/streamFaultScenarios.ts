/** Streams that go wrong after the headers: the failures a client must notice, keep partial text from, and report. */
import type { ScenarioContext, ScenarioDefinition } from '../scenarioPlan';
import { ResponseEventsBuilder } from '../responseEvents';
import { PARTIAL_ANSWER, PLAIN_ANSWER } from '../answers/fixedAnswers';
import { frameData } from '../sseFraming';

/** Created, in_progress, an open message and some deltas of a partial answer. */
function partialAnswer(context: ScenarioContext, text = PARTIAL_ANSWER) {
  const builder = new ResponseEventsBuilder(context).start();
  const message = builder.openMessage();
  builder.text(message, text);
  return { builder, message };
}

export const errorEvent: ScenarioDefinition = {
  build: (context) => {
    const { builder } = partialAnswer(context);
    builder.errorEvent('server_error', 'The model server hit an internal error while generating this response. Please retry your request.');
    return { kind: 'stream', status: 200, steps: builder.steps, after: 'end' };
  },
};

export const failed: ScenarioDefinition = {
  build: (context) => {
    const { builder } = partialAnswer(context);
    const finalResponse = builder.fail('server_error', 'Generation failed: the model server restarted while producing this response. Please retry.');
    return { kind: 'stream', status: 200, steps: builder.steps, after: 'end', finalResponse };
  },
};

export const incomplete: ScenarioDefinition = {
  build: (context) => {
    const { builder, message } = partialAnswer(context);
    builder.closeMessage(message, [], 'incomplete');
    const finalResponse = builder.incomplete('max_output_tokens');
    return { kind: 'stream', status: 200, steps: builder.steps, after: 'end', finalResponse };
  },
};

export const disconnect: ScenarioDefinition = {
  build: (context) => {
    const { builder, message } = partialAnswer(context);
    const cutEvent = builder.event('response.output_text.delta', {
      item_id: message.id,
      output_index: message.outputIndex,
      content_index: 0,
      delta: ' the list is empty, which is never reached',
      logprobs: [],
    });
    return { kind: 'stream', status: 200, steps: builder.steps, after: 'disconnect', cutEvent };
  },
};

export const stall: ScenarioDefinition = {
  build: (context) => {
    // Only the first few deltas: enough for the client to have shown something before the silence.
    const { builder } = partialAnswer(context, PARTIAL_ANSWER.slice(0, Math.max(1, context.chunkChars) * 3));
    return { kind: 'stream', status: 200, steps: builder.steps, after: 'stall' };
  },
};

export const noTerminal: ScenarioDefinition = {
  build: (context) => {
    const { builder } = partialAnswer(context);
    return { kind: 'stream', status: 200, steps: builder.steps, after: 'end' };
  },
};

/** One complete event whose data is not JSON, in the middle of an otherwise healthy answer. */
export const malformed: ScenarioDefinition = {
  build: (context) => {
    const half = Math.floor(PLAIN_ANSWER.length / 3);
    const { builder, message } = partialAnswer(context, PLAIN_ANSWER.slice(0, half));
    builder.raw(frameData('response.output_text.delta', '{"type":"response.output_text.delta","delta":"broken', context.framing));
    builder.text(message, PLAIN_ANSWER.slice(half)).closeMessage(message).complete();
    return { kind: 'stream', status: 200, steps: builder.steps, after: 'end' };
  },
};
